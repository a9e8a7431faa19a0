// Each server process keeps the finished bytes of the public pages it served
// from Next's cache, and answers the next request for the same address with
// them, without entering Next. Serving a cached page through Next costs about
// a millisecond of CPU (routing, headers, the page's writing); on a busy
// two-core machine that queueing was the 99th percentile (66–111 ms at 50
// connections, `npm run bench`). From here it is a lookup and a write.
//
// What is kept is only ever what Next itself served from its cache (the page's
// entry was read by lib/cache/cache-handler.cjs during the request: a HIT), as
// a plain document request, 200, public (Cache-Control with s-maxage, set for
// the pages in lib/http/public-cache-headers.cjs) and with no cookie set: the
// same bytes for everyone. A kept page is out of date exactly when Next's entry
// is: the same tags, checked against the same shared record of expired tags
// (a file on one machine, Redis across instances) on every request, from the
// time its render began. When that record cannot be read (Redis unreachable),
// nothing is served from here.
const { AsyncLocalStorage } = require("node:async_hooks");
const zlib = require("node:zlib");
const Negotiator = require("negotiator");
const { MemoryLru } = require("./memory-lru.cjs");

/** One per process, however many times this file is loaded (Next loads the cache handler its own way). */
const RECORDER = Symbol.for("reform-metrics.served-pages.recorder");
/** @type {AsyncLocalStorage<{ page?: { tags: string[]; lastModified: number; generation: number } }>} */
const recorder = (globalThis[RECORDER] ??= new AsyncLocalStorage());

/** Requests Next answers with something other than the document (router data, prefetches, actions). */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "next-url"];
/** Written by Node for each response, or describing one particular response. */
const NOT_KEPT = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "date", "content-encoding"]);
/** Addresses with a query string (filtered views) share this much of the memory: no stream of them can evict the pages. */
const QUERY_SHARE = 0.125;

/**
 * Called by the cache handler when a page's entry is read and still current,
 * within the request that reads it.
 * @param {string[]} tags @param {number} lastModified @param {number} generation
 */
function notePageFromCache(tags, lastModified, generation) {
  const store = recorder.getStore();
  if (store) store.page = { tags, lastModified, generation };
}

/** @param {import("node:http").IncomingMessage} req */
function isDocumentGet(req) {
  if (req.method !== "GET") return false;
  for (const name of ROUTER_HEADERS) if (req.headers[name] !== undefined) return false;
  return !/[?&]_rsc=/.test(req.url ?? "");
}

class ServedPages {
  /**
   * @param {{ maxBytes: number, isOutOfDate: (tags: string[], since: number, generation: number) => boolean | null | Promise<boolean | null> }} options
   *   isOutOfDate: true or false, or null when it cannot be told (then the page is not served from here).
   */
  constructor({ maxBytes, isOutOfDate }) {
    this.pages = new MemoryLru(Math.floor(maxBytes * (1 - QUERY_SHARE)));
    this.views = new MemoryLru(Math.floor(maxBytes * QUERY_SHARE));
    this.isOutOfDate = isOutOfDate;
  }

  memory(url) {
    return url.includes("?") ? this.views : this.pages;
  }

  /**
   * Answers `req` from a kept page if there is a current one: true when it did.
   * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res
   * @returns {Promise<boolean>}
   */
  async serve(req, res) {
    if (!isDocumentGet(req)) return false;
    const url = req.url ?? "/";
    const memory = this.memory(url);
    const kept = memory.get(url);
    if (!kept) return false;
    let outOfDate;
    try {
      outOfDate = await this.isOutOfDate(kept.tags, kept.lastModified, kept.generation);
    } catch {
      outOfDate = null;
    }
    if (outOfDate !== false) {
      if (outOfDate) memory.delete(url);
      return false;
    }
    const gzip = new Negotiator(req).encoding(["gzip", "identity"]) === "gzip";
    if (gzip) kept.gzip ??= zlib.gzipSync(kept.body);
    const body = gzip ? kept.gzip : kept.body;
    res.writeHead(kept.status, {
      ...kept.headers,
      ...(gzip ? { "content-encoding": "gzip" } : {}),
      "content-length": body.byteLength,
    });
    res.end(body);
    return true;
  }

  /**
   * Runs Next's handling of `req` while noting whether it served the page from
   * its cache; `keep` (called with the finished document) keeps it if so.
   * @template T
   * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res
   * @param {(keep: (status: number, body: Buffer) => void) => T} handle
   * @returns {T}
   */
  record(req, res, handle) {
    if (!isDocumentGet(req)) return handle(() => {});
    // The address as asked: Next rewrites req.url as it routes (dropping some query keys).
    const url = req.url ?? "/";
    const note = {};
    return recorder.run(note, () =>
      handle((status, body) => {
        if (!note.page || status !== 200) return;
        if (res.getHeader("x-nextjs-cache") !== "HIT" || res.hasHeader("set-cookie")) return;
        if (!/\bs-maxage=/.test(String(res.getHeader("cache-control") ?? ""))) return;
        /** @type {Record<string, string | string[]>} */
        const headers = {};
        for (const [name, value] of Object.entries(res.getHeaders())) {
          if (value !== undefined && !NOT_KEPT.has(name)) headers[name] = typeof value === "number" ? String(value) : value;
        }
        const vary = String(headers.vary ?? "");
        if (!/\baccept-encoding\b/i.test(vary)) headers.vary = vary ? `${vary}, Accept-Encoding` : "Accept-Encoding";
        const { tags, lastModified, generation } = note.page;
        this.memory(url).set(url, { status, headers, body, gzip: null, tags, lastModified, generation }, body.byteLength * 1.5 + 1024);
      }),
    );
  }
}

module.exports = { ServedPages, notePageFromCache, isDocumentGet };
