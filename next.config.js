/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Lets two builds share one checkout (e.g. a developer's server and a test
  // run) without overwriting each other's output.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole project with tsc before any build, so the
  // build itself skips that step (it would only repeat it, ~10 s each time).
  typescript: { ignoreBuildErrors: true },
  // CSV imports arrive through a server action; a 10,000-measure file is ~3 MB
  // (the import itself caps files at 10 MB and says so).
  experimental: { serverActions: { bodySizeLimit: "11mb" } },
  // pg and the Prisma adapter are server-only Node packages; keep them out of the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
};

module.exports = nextConfig;
