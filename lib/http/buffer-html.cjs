// Holds back each HTML document a response writes until it is complete, so
// that it can be finished as a whole (the inline-script policy needs every
// script of the page, lib/security/inline-script-policy.cjs) and handed on
// (lib/cache/served-pages.cjs keeps public pages). Anything that is not HTML
// (scripts, images, RSC payloads, CSV, JSON) passes through untouched.
//
// The cost: a page that streams (a dynamic page with Suspense) reaches the
// browser when it is complete rather than in parts. None of this app's pages
// shows a loading state that would be lost.

/**
 * Patches `res` (a Node ServerResponse, before anything is written to it).
 * `discard()` drops what was held and restores the response, for an error
 * answer in its place.
 * @param {import("node:http").ServerResponse} res
 * @param {{ finish: (html: string) => string, onDocument?: (status: number, body: Buffer) => void }} hooks
 * @returns {{ discard: () => void }}
 */
function bufferHtmlDocuments(res, { finish, onDocument }) {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  /** @type {null | "pass" | "buffer"} */
  let mode = null;
  /** @type {Buffer[]} */
  const chunks = [];

  const passThrough = () => {
    mode = "pass";
    Object.assign(res, original);
  };
  const decide = () => {
    if (mode === null) {
      if (/^text\/html\b/i.test(String(res.getHeader("content-type") ?? ""))) mode = "buffer";
      else passThrough();
    }
    return mode;
  };
  const keep = (chunk, encoding) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
  };

  res.writeHead = function (status, ...rest) {
    const headers = rest.find((a) => a && typeof a === "object");
    // Raw header arrays are not read here: pass such a response through as it is.
    if (Array.isArray(headers)) {
      passThrough();
      return original.writeHead.call(res, status, ...rest);
    }
    if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    res.statusCode = status;
    if (decide() === "pass") return original.writeHead.call(res, status, ...rest.filter((a) => typeof a === "string"));
    return res;
  };
  res.flushHeaders = function () {
    if (decide() === "pass") return original.flushHeaders.call(res);
  };
  res.write = function (chunk, encoding, callback) {
    if (decide() === "pass") return original.write.call(res, chunk, encoding, callback);
    keep(chunk, encoding);
    const done = typeof encoding === "function" ? encoding : callback;
    if (typeof done === "function") process.nextTick(done);
    return true;
  };
  res.end = function (chunk, encoding, callback) {
    if (decide() === "pass") return original.end.call(res, chunk, encoding, callback);
    keep(chunk, encoding);
    const done = [chunk, encoding, callback].find((a) => typeof a === "function");
    Object.assign(res, original);
    res.removeHeader("transfer-encoding");
    if (res.req && res.req.method === "HEAD") {
      // No body to finish, so the length of the finished document is unknown:
      // say none rather than the unfinished one's.
      res.removeHeader("content-length");
      res.end(done);
      return res;
    }
    const body = Buffer.from(finish(Buffer.concat(chunks).toString("utf8")), "utf8");
    res.setHeader("content-length", body.byteLength);
    res.end(body, done);
    onDocument?.(res.statusCode, body);
    return res;
  };
  return {
    discard() {
      chunks.length = 0;
      Object.assign(res, original);
    },
  };
}

module.exports = { bufferHtmlDocuments };
