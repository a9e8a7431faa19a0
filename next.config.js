/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Lets two builds share one checkout (e.g. a developer's server and a test
  // run) without overwriting each other's output.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // pg and the Prisma adapter are server-only Node packages; keep them out of the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
};

module.exports = nextConfig;
