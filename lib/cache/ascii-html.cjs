// Rewrites an HTML document so that it is pure ASCII, with the same meaning.
//
// Why: Next serves a cached page by turning the stored HTML into a JavaScript
// string and writing it to the socket. A string with any character beyond
// Latin-1 (−, →, ·, ’ are on every case page) is held by V8 as UTF-16, and
// measuring and encoding it back to UTF-8 on every request costs more than
// everything else Next does for that request: the same 82 kB case page served
// 510 requests/s as it was and 1,000-1,180 requests/s in ASCII (npm run bench).
//
// Each character beyond ASCII is written in the escape its context decodes:
//   - inside <script> (JavaScript or JSON): a \uXXXX escape (Next's inline RSC
//     payload and JSON-LD only carry such characters inside string literals);
//   - inside <style>: a CSS escape \XXXXXX plus the space that ends it;
//   - everywhere else (text, attribute values, <title>, comments): a numeric
//     character reference &#xX;.
// The browser decodes each back to the same character, so the DOM, the RSC
// payload React hydrates from and the page's text are unchanged. Where that
// cannot be promised, the page is returned as it was (only slower to serve):
// C1 control characters (U+0080-U+009F), whose numeric references HTML maps to
// Windows-1252 characters instead; a script whose type is not JavaScript or
// JSON; anything left beyond ASCII, such as a character in a script's start tag.

const RAW_TEXT = /(<(script|style)(?=[\s/>])[^>]*>)([\s\S]*?)(<\/\2\s*>)|[^\x00-\x7f]+/gi;
const SCRIPT_TYPE = /\stype\s*=\s*["']?([^"'\s>]+)/i;
const ESCAPABLE_SCRIPT_TYPES = new Set([
  "",
  "text/javascript",
  "application/javascript",
  "module",
  "application/json",
  "application/ld+json",
]);

/** @param {string} html */
function asciiHtml(html) {
  if (!/[^\x00-\x7f]/.test(html)) return html;
  if (/[\x80-\x9f]/.test(html)) return html;
  let escapable = true;
  const ascii = html.replace(RAW_TEXT, (match, open, tag, body, close) => {
    if (open === undefined) return escapeHtmlText(match);
    if (tag.toLowerCase() === "style") return open + escapeStyle(body) + close;
    const type = (SCRIPT_TYPE.exec(open)?.[1] ?? "").toLowerCase();
    if (!ESCAPABLE_SCRIPT_TYPES.has(type)) escapable = false;
    return open + escapeScript(body) + close;
  });
  if (!escapable || /[^\x00-\x7f]/.test(ascii)) return html;
  // A string made from a UTF-16 string stays UTF-16 inside V8 even when every
  // character is now ASCII; a round trip through bytes gives the compact form.
  return Buffer.from(ascii, "latin1").toString("latin1");
}

/** @param {string} text */
function escapeHtmlText(text) {
  let out = "";
  for (const ch of text) out += `&#x${ch.codePointAt(0).toString(16)};`;
  return out;
}

/** @param {string} body UTF-16 code units, so astral characters become surrogate pairs as JSON writes them */
function escapeScript(body) {
  return body.replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** @param {string} body CSS consumes one whitespace character after an escape, so each escape brings its own */
function escapeStyle(body) {
  return body.replace(/[^\x00-\x7f]/gu, (ch) => `\\${ch.codePointAt(0).toString(16).padStart(6, "0")} `);
}

module.exports = { asciiHtml };
