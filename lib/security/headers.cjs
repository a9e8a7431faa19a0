// The security headers on every response, as rules for next.config.js `headers()`.
// CommonJS because next.config.js loads it; pure, so lib/security/headers.test.ts
// checks it without a server.
//
// Inline scripts: a per-request nonce is only possible on a page rendered for each
// request (Next's CSP guide), and the public pages are cached and served to everyone
// from memory or a CDN; Next's App Router writes each page's data into inline
// `self.__next_f.push(...)` scripts that differ per page, and header rules are fixed at
// build time. So this header's `script-src` allows inline scripts, and each HTML
// document carries a second policy listing the hashes of the framework's inline scripts
// (lib/security/inline-script-policy.cjs, added by scripts/server-worker.mjs): a script
// runs only if both policies allow it. The rest of this policy removes what an injected
// script needs most:
//   - no inline event handlers or javascript: attributes (`script-src-attr 'none'`),
//     the usual form of injected HTML (`<img onerror=…>`);
//   - no scripts from any other site, no eval (`'unsafe-eval'` only under next dev,
//     which React needs there);
//   - no sending data elsewhere: fetch/XHR/WebSocket and form posts to this site only;
//   - no plugins, no <base> rewriting every relative address;
//   - no framing (clickjacking), except the embed, which is made to be framed.
// Markdown is sanitised and React escapes text, so injection needs a bug first; this is
// the second line. See README, "Security settings".

/** The policy's directives, in order. `embed` lets any page frame it. */
function contentSecurityPolicy({ embed = false, https = false, development = false } = {}) {
  const directives = [
    ["default-src", "'self'"],
    ["script-src", "'self'", "'unsafe-inline'", ...(development ? ["'unsafe-eval'"] : [])],
    ["script-src-attr", "'none'"],
    // React and the charts set style attributes; styles cannot run code.
    ["style-src", "'self'", "'unsafe-inline'"],
    // data: and blob: for chart images made in the browser (PNG and SVG downloads).
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'"],
    ["frame-src", "'self'"],
    ["worker-src", "'self'", "blob:"],
    ["manifest-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    // The embed sets no frame-ancestors at all: "*" would still refuse pages with an
    // opaque origin (sandboxed iframes in CMSs, local files), and it is made to be embedded.
    ...(embed ? [] : [["frame-ancestors", "'none'"]]),
    ...(https ? [["upgrade-insecure-requests"]] : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "browsing-topics=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "payment=()",
  "usb=()",
].join(", ");

/** One year; no includeSubDomains: the app often lives on a subdomain of an organisation's domain, whose other sites it must not bind. */
const HSTS = "max-age=31536000";

/**
 * Header rules for next.config.js. `siteUrl` is SITE_URL when the config is loaded
 * (HSTS only when it is https); `development` adds what next dev needs.
 */
function securityHeaderRules({ siteUrl = "http://localhost:3000", development = false } = {}) {
  const https = /^https:/i.test(siteUrl);
  const common = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
    ...(https ? [{ key: "Strict-Transport-Security", value: HSTS }] : []),
  ];
  return [
    { source: "/:path*", headers: common },
    // Everything but /embed/…: not framed by anyone.
    {
      source: "/((?!embed(?:/|$)).*)",
      headers: [
        { key: "Content-Security-Policy", value: contentSecurityPolicy({ https, development }) },
        { key: "X-Frame-Options", value: "DENY" },
        { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
      ],
    },
    // The embed is made for other sites' iframes.
    {
      source: "/embed/:path*",
      headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy({ embed: true, https, development }) }],
    },
  ];
}

module.exports = { contentSecurityPolicy, securityHeaderRules, PERMISSIONS_POLICY };
