// A second Content-Security-Policy for one HTML document, written into it as a
// <meta> element: `script-src 'self'` plus the SHA-256 hash of each inline
// script Next and React write. The browser enforces it together with the
// header policy (lib/security/headers.cjs), and a script runs only if both
// allow it.
//
// Not every inline script in the document is hashed, only those of the shapes
// the framework writes, checked to carry nothing but data or React's own code:
// Next's RSC payload `self.__next_f.push(<JSON>)`, Turbopack's chunk list
// `(globalThis["TURBOPACK"] …).push(<JSON>)`, and React's streaming runtime
// (`$RC=function…;$RC("B:0","S:0")`, written where a part of a page completes
// late): code found word for word in React's server renderer, then calls with
// plain string arguments. A script that a bug let into a
// page (markup that escaped sanitising) is of no such shape, gets no hash and
// does not run; it is logged once, so that a framework upgrade that writes a
// new kind of script is seen rather than silently broken.
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
const fs = require("node:fs");
const path = require("node:path");

/** A <script …>…</script> element; group 1 its attributes, group 2 its text. */
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const HAS_SRC = /(?:^|\s)src\s*=/i;
const TYPE = /(?:^|\s)type\s*=\s*["']?([^"'\s>]+)/i;
const JAVASCRIPT_TYPES = new Set(["", "text/javascript", "application/javascript", "module"]);
/** The framework's inline scripts: a push of one JSON value (group 1) onto a known global. */
const FRAMEWORK_SCRIPTS = [
  /^\(self\.__next_f=self\.__next_f\|\|\[\]\)\.push\(([\s\S]*)\)$/,
  /^self\.__next_f\.push\(([\s\S]*)\)$/,
  /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\(([\s\S]*)\);?$/,
];
/** React's runtime instructions at the end of its scripts: calls with plain string arguments. */
const REACT_CALLS = /(?:\$R[A-Z]\((?:"[^"\\\n]*"(?:,"[^"\\\n]*")*)?\);?)*$/;
/** How React's runtime code begins ($RC=function…, $RB=[];…, requestAnimationFrame(…$RT…)). */
const REACT_CODE_START = /^(?:\$R[A-Z]+=|requestAnimationFrame\(function\(\)\{\$RT=)/;
/** React's server renderer as text, read once when first needed. @type {string | null} */
let reactServerSource = null;

function reactServerCode() {
  if (reactServerSource === null) {
    try {
      const dir = path.dirname(require.resolve("react-dom/package.json"));
      reactServerSource = fs.readFileSync(path.join(dir, "cjs", "react-dom-server.node.production.js"), "utf8");
    } catch {
      reactServerSource = "";
    }
  }
  return reactServerSource;
}

/** Whether `text` is React's streaming runtime: its own code (as its source writes it, newlines as \n), then calls. @param {string} text */
function isReactRuntime(text) {
  const calls = REACT_CALLS.exec(text)[0];
  const code = text.slice(0, text.length - calls.length);
  if (code === "") return calls !== "";
  return REACT_CODE_START.test(code) && reactServerCode().includes(code.replace(/\n/g, "\\n"));
}

/** Shapes of unknown scripts already logged (bounded: a flood of injected ones is one problem). */
const reported = new Set();

/** Whether `text` is one of the framework's scripts, carrying only data. @param {string} text */
function isFrameworkScript(text) {
  for (const shape of FRAMEWORK_SCRIPTS) {
    const match = shape.exec(text);
    if (!match) continue;
    try {
      JSON.parse(match[1]);
      return true;
    } catch {
      return false;
    }
  }
  return false;
}

function reportUnknown(text) {
  const start = text.slice(0, 80);
  if (reported.has(start) || reported.size >= 100) return;
  reported.add(start);
  console.warn(`[csp] an inline script of no known shape was not allowed to run: ${JSON.stringify(start)}`);
}
const HEAD = /<head(?=[\s>])[^>]*>/i;
/** A charset declaration at the start of <head>: it stays in the document's first 1,024 bytes. */
const CHARSET_FIRST = /^\s*<meta charset=["']?[\w-]+["']?\s*\/?>/i;

/**
 * The SHA-256 source of each distinct framework script (hashed over its UTF-8
 * bytes, as the browser hashes it). Scripts loaded by src need none; data
 * blocks (a type that is not JavaScript, such as JSON-LD) never run.
 * @param {string} html
 * @returns {string[]}
 */
function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, attributes, text] of html.matchAll(SCRIPT)) {
    if (HAS_SRC.test(attributes)) continue;
    if (!JAVASCRIPT_TYPES.has((TYPE.exec(attributes)?.[1] ?? "").toLowerCase())) continue;
    if (!isFrameworkScript(text) && !isReactRuntime(text)) {
      reportUnknown(text);
      continue;
    }
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
