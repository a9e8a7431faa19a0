// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const { securityHeaderRules } = require("./lib/security/headers.cjs");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Next hashes the whole HTML for an ETag on every request, even for a cached
  // page: a quarter of the time it spends serving one. Public pages carry
  // Cache-Control for shared caches instead.
  generateEtags: false,
  // Next's file-system cache, storing pages as ASCII and sharing expired tags between workers (see the file).
  cacheHandler: require.resolve("./lib/cache/cache-handler.cjs"),
  // Cached pages and data live in memory only, in Next's LRU (256 MB here, not
  // the default 50, so that index searches and facet views, each an entry in
  // app/case-index, do not push case pages out): files on disk would grow
  // without limit, and a cache left in the build folder could outlive the
  // database it was read from. A restart renders each page once more.
  cacheMaxMemorySize: 256 * 1024 * 1024,
  // CSV imports arrive through a server action; a 10,000-measure file is ~3 MB
  // (the import itself caps files at 10 MB and says so).
  experimental: { isrFlushToDisk: false, serverActions: { bodySizeLimit: "11mb" } },
  reactStrictMode: true,
  // Lets two builds share one checkout (e.g. a developer's server and a test
  // run) without overwriting each other's output.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The build type-checks (Next's default): a build that skipped it could serve
  // code that `npm test` would refuse, e.g. after `git pull && npm start`.
  // pg and the Prisma adapter are server-only Node packages; keep them out of the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pino"],
  // Security headers on every response (see lib/security/headers.cjs). Header rules are
  // fixed when the app is built, so HSTS follows SITE_URL as it was at build time.
  async headers() {
    return securityHeaderRules({ siteUrl: process.env.SITE_URL, development: process.env.NODE_ENV === "development" });
  },
};

module.exports = nextConfig;
