// Next's own file-system cache, storing each cached page's HTML as ASCII
// (lib/cache/ascii-html.cjs says why). Everything else, including tags,
// revalidation, the memory store and the files on disk, is Next's unchanged.
// Loaded by Next at run time from next.config.js (`cacheHandler`).
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;
const { asciiHtml } = require("./ascii-html.cjs");

class AsciiHtmlCache extends FileSystemCache {
  async set(key, data, ctx) {
    if (data && data.kind === "APP_PAGE" && typeof data.html === "string") {
      data = { ...data, html: asciiHtml(data.html) };
    }
    return super.set(key, data, ctx);
  }
}

module.exports = AsciiHtmlCache;
