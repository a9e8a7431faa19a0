// Cache-Control for public pages, as next.config.js `headers()` sets it: a
// short shared lifetime, so that a CDN or proxy in front never holds a page
// for long after a correction or an unpublish (the app's own cache is expired
// at once on publish; a CDN is not told). Set when the app is built:
//   CDN_MAX_AGE_SECONDS   how long a shared cache may serve a page as fresh (default 60)
//   CDN_STALE_SECONDS     how long after that it may serve it while fetching a new one (default 60)
// Browsers are told max-age=0: they check each time (cheap, the CDN answers).
// Set by the app before Next renders, so it replaces Next's own
// `s-maxage=31536000` for cached pages; error answers set their own
// (the outage page: no-store).

/**
 * Public paths: the same page for everyone. A page that reads the session (the
 * measure library's and compare's links for analysts, /measures/unmapped's drafts)
 * must never be here: a CDN would hand one user's page to the next visitor.
 * e2e/security-headers.spec.ts checks the pages that read it stay private.
 */
const PUBLIC_SOURCES = [
  "/",
  "/cases",
  "/cases/:path*",
  "/embed/:path*",
  "/downloads/:path*",
  "/data",
  // Each measure's explorer, but not /measures/unmapped (an analyst's drafts).
  "/measures/:key((?!unmapped$)[^/]+)",
  "/approaches",
  "/approaches/:path*",
  "/sitemap.xml",
  "/robots.txt",
];

/** @param {string | undefined} value @param {string} name @param {number} fallback */
function seconds(value, name, fallback) {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 31_536_000) {
    throw new Error(`${name} must be a whole number of seconds from 0 to 31536000 (it is "${value}").`);
  }
  return n;
}

/** @param {Record<string, string | undefined>} [env] */
function publicCacheControl(env = process.env) {
  const maxAge = seconds(env.CDN_MAX_AGE_SECONDS, "CDN_MAX_AGE_SECONDS", 60);
  const stale = seconds(env.CDN_STALE_SECONDS, "CDN_STALE_SECONDS", 60);
  return `public, max-age=0, s-maxage=${maxAge}, stale-while-revalidate=${stale}`;
}

/** @param {Record<string, string | undefined>} [env] */
function publicCacheHeaders(env = process.env) {
  const value = publicCacheControl(env);
  return PUBLIC_SOURCES.map((source) => ({ source, headers: [{ key: "Cache-Control", value }] }));
}

module.exports = { publicCacheControl, publicCacheHeaders, PUBLIC_SOURCES };
