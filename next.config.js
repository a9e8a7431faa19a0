// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const { securityHeaderRules } = require("./lib/security/headers.cjs");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const { publicCacheHeaders } = require("./lib/http/public-cache-headers.cjs");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // scripts/server-worker.mjs compresses, once each HTML document is finished
  // (Next would compress it before the inline-script policy is added).
  compress: false,
  // Next hashes the whole HTML for an ETag on every request, even for a cached
  // page: a quarter of the time it spends serving one. Public pages carry
  // Cache-Control for shared caches instead.
  generateEtags: false,
  // Pages and data in each process's memory, or in Redis with REDIS_URL; expired
  // tags checked on every read (see the file). No Next internals.
  cacheHandler: require.resolve("./lib/cache/cache-handler.cjs"),
  // The memory layer of each server process (the handler keeps an eighth of it
  // for case-index views). Nothing is written to disk: a cache left in the
  // build folder could outlive the database it was read from.
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
  // Security headers on every response (see lib/security/headers.cjs), and on
  // public pages a short shared lifetime with stale-while-revalidate, not a year
  // (lib/http/public-cache-headers.cjs). Header rules are fixed when the app is
  // built, so HSTS follows SITE_URL as it was at build time.
  async headers() {
    return [
      ...securityHeaderRules({ siteUrl: process.env.SITE_URL, development: process.env.NODE_ENV === "development" }),
      ...publicCacheHeaders(),
    ];
  },
};

module.exports = nextConfig;
