// A second Content-Security-Policy for one HTML document, written into it as a
// <meta> element: `script-src 'self'` plus the SHA-256 hash of each inline
// script the server wrote. The browser enforces it together with the header
// policy (lib/security/headers.cjs), and a script runs only if both allow it,
// so an inline script that is not one the server wrote (one injected through
// a bug) does not run.
//
// Why a hash in the document and not a nonce or a header: the public pages are
// cached and served to everyone, so a per-request nonce is impossible (Next's
// CSP guide); Next writes each page's data as inline `self.__next_f.push(…)`
// scripts that differ per page, so the hashes can only be known once the page
// is written; and a header listing a hash per script would grow past the 4–8 kB
// many proxies accept for all response headers (nginx's proxy_buffer_size).
// scripts/server-worker.mjs buffers each HTML document to add it (and a cached
// page keeps it: it is computed once per cached page, not per request).
//
// frame-ancestors, report-uri and sandbox are not allowed in a <meta> policy;
// they stay in the header.
const crypto = require("node:crypto");

/** A <script …>…</script> element; group 1 its attributes, group 2 its text. */
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const HAS_SRC = /(?:^|\s)src\s*=/i;
const HEAD = /<head(?=[\s>])[^>]*>/i;
/** A charset declaration at the start of <head>: it stays in the document's first 1,024 bytes. */
const CHARSET_FIRST = /^\s*<meta charset=["']?[\w-]+["']?\s*\/?>/i;

/**
 * The SHA-256 source of each distinct inline script (hashed over its UTF-8
 * bytes, as the browser hashes it).
 * @param {string} html
 * @returns {string[]}
 */
function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, attributes, text] of html.matchAll(SCRIPT)) {
    if (HAS_SRC.test(attributes)) continue;
    hashes.add(`'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/**
 * The document with the policy at the start of its <head> (after a charset
 * declaration that opens it), so that it applies to every script after it; a
 * document without a <head> (not one of Next's pages) is returned as it was.
 * @param {string} html
 * @returns {string}
 */
function withInlineScriptPolicy(html) {
  const head = HEAD.exec(html);
  if (!head) return html;
  const policy = ["script-src", "'self'", ...inlineScriptHashes(html)].join(" ");
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  let at = head.index + head[0].length;
  at += CHARSET_FIRST.exec(html.slice(at, at + 200))?.[0].length ?? 0;
  return html.slice(0, at) + meta + html.slice(at);
}

module.exports = { inlineScriptHashes, withInlineScriptPolicy };
