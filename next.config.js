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
  // pg and the Prisma adapter are server-only Node packages; keep them out of the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
};

module.exports = nextConfig;
