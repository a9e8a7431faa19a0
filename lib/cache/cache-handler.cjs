// Next's own file-system cache with two additions, loaded by Next at run time
// from next.config.js (`cacheHandler`):
//  1. each cached page's HTML is stored as ASCII (lib/cache/ascii-html.cjs says why);
//  2. tags expired in one server worker are expired in all of them
//     (lib/cache/worker-tags.cjs), so a publish reaches every worker's cache.
// Everything else, including tag checks, the memory store and the files on
// disk, is Next's unchanged.
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;
const { asciiHtml } = require("./ascii-html.cjs");
const { listenForPeerRevalidations, shareRevalidation } = require("./worker-tags.cjs");

class CacheHandler extends FileSystemCache {
  constructor(ctx) {
    super(ctx);
    // Next makes a handler per request; the tag manifest they share is
    // module-level state, so one listener (registered once) serves them all.
    listenForPeerRevalidations((tags, durations) => FileSystemCache.prototype.revalidateTag.call(this, tags, durations));
  }

  async set(key, data, ctx) {
    if (data && data.kind === "APP_PAGE" && typeof data.html === "string") {
      data = { ...data, html: asciiHtml(data.html) };
    }
    return super.set(key, data, ctx);
  }

  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    shareRevalidation(tags, durations);
  }
}

module.exports = CacheHandler;
