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
//   - inside <script>: a JavaScript/JSON escape \uXXXX (Next's inline RSC
//     payload and JSON-LD only carry such characters inside string literals);
//   - inside <style>: a CSS escape \XXXXXX (six hex digits need no terminator);
//   - everywhere else (text, attribute values, <title>, comments): a numeric
//     character reference &#xX;.
// The browser decodes each back to the same character, so the DOM, the RSC
// payload React hydrates from and the page's text are unchanged.

/** @param {string} html */
function asciiHtml(html) {
  if (!/[^\x00-\x7f]/.test(html)) return html;
  const ascii = html.replace(/(<(script|style)\b[^>]*>)([\s\S]*?)(<\/\2\s*>)|[^\x00-\x7f]+/gi, (match, open, tag, body, close) => {
    if (open === undefined) return escapeHtmlText(match);
    const escaped = tag.toLowerCase() === "script" ? escapeScript(body) : escapeStyle(body);
    return open + escaped + close;
  });
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

/** @param {string} body */
function escapeStyle(body) {
  return body.replace(/[^\x00-\x7f]/gu, (ch) => `\\${ch.codePointAt(0).toString(16).padStart(6, "0")}`);
}

module.exports = { asciiHtml };
