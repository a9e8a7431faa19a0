// Next's cache for pages, route handlers and unstable_cache data, through
// Next's documented `cacheHandler` interface (get, set, revalidateTag,
// resetRequestCache; next.config.js loads this file). No Next internals.
//
// Two set-ups, the same behaviour:
//  - REDIS_URL unset (one machine, `npm start`): entries live in each server
//    process's memory; expired tags are recorded in a file all processes of the
//    instance share (lib/cache/tag-expiry.cjs).
//  - REDIS_URL set (several instances): entries and expired tags live in Redis
//    (or Valkey); each process keeps a memory layer in front of it for speed.
//
// Either way an entry's tags are checked against the shared record of expired
// tags on every read, so when revalidateTag returns (a publish, unpublish or
// archive action has not answered yet) no process of any instance serves the
// old entry again. An entry counts as made when its render began (the miss
// that started it), so a render that read the database before an unpublish
// and finished after it is out of date at once.
//
// Redis unreachable: pages are rendered from PostgreSQL (never served from a
// memory layer that can no longer be checked), expiries are kept and written
// when Redis returns; one log line when it goes, one when it is back.
const crypto = require("node:crypto");
const path = require("node:path");
const v8 = require("node:v8");
const { asciiHtml } = require("./ascii-html.cjs");
const { MemoryLru } = require("./memory-lru.cjs");
const { FileTagLog, expiredSince } = require("./tag-expiry.cjs");
const { notePageFromCache } = require("./served-pages.cjs");

/** Next's header that lists a cached page's or route's tags. */
const CACHE_TAGS_HEADER = "x-next-cache-tags";
/**
 * Views of the case index (/case-index/<view>, proxy.ts) and the data behind
 * them (tag in modules/cases/cache.ts) are kept apart from everything else,
 * in a share of the memory of their own: no number of distinct views can push
 * case pages out of the cache.
 */
const VIEW_TAG = "public-case-views";
const VIEW_SHARE = 0.125;
/**
 * A read that Redis has not answered within this long is a miss for that
 * request (the page is rendered from PostgreSQL); the connection itself is
 * judged by the client's own events, not by one slow answer.
 */
const REDIS_TIMEOUT_MS = Number(process.env.REDIS_TIMEOUT_MS) || 2000;
/** Entries in Redis expire after this long unread (a miss renders the page again). */
const REDIS_ENTRY_TTL_SECONDS = 7 * 24 * 3600;

let logger = null;
function log(level, fields, message) {
  try {
    logger ??= require("pino")({
      level: process.env.LOG_LEVEL || "info",
      base: { service: "reform-metrics", pid: process.pid, component: "cache" },
      timestamp: require("pino").stdTimeFunctions.isoTime,
    });
    logger[level](fields, message);
  } catch {
    console.error(`[cache] ${message}`);
  }
}

/** The tags of a cached value: a page's or route's from its header, data's from the request. */
function entryTags(value, ctx) {
  const tags = [];
  const header = value && value.headers && value.headers[CACHE_TAGS_HEADER];
  if (typeof header === "string" && header) tags.push(...header.split(","));
  if (ctx) {
    if (Array.isArray(ctx.tags)) tags.push(...ctx.tags);
    if (Array.isArray(ctx.softTags)) tags.push(...ctx.softTags);
  }
  return tags;
}

/** Roughly how many bytes an entry holds in memory (strings count one byte a character: they are ASCII). */
function sizeOf(value) {
  if (!value) return 64;
  let size = 256;
  if (typeof value.html === "string") size += value.html.length;
  if (value.rscData) size += value.rscData.length;
  if (value.segmentData instanceof Map) for (const part of value.segmentData.values()) size += part.length;
  if (value.body) size += value.body.length;
  if (value.data && typeof value.data.body === "string") size += value.data.body.length;
  if (value.kind !== "APP_PAGE" && value.kind !== "APP_ROUTE" && value.kind !== "FETCH") size += JSON.stringify(value).length;
  return size;
}

function isView(key, ctx) {
  return key.includes("/case-index/") || Boolean(ctx && Array.isArray(ctx.tags) && ctx.tags.includes(VIEW_TAG));
}

function withTimeout(promise, ms = REDIS_TIMEOUT_MS) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Redis: the shared store of entries and expired tags, and the connection's state. */
class RedisStore {
  constructor(url, prefix, onReset) {
    const { createClient, RESP_TYPES } = require("redis");
    this.prefix = prefix;
    this.onReset = onReset;
    this.ready = false;
    this.down = false;
    this.epoch = null;
    /** Expiries recorded while Redis was unreachable: written when it returns. @type {Map<string, number>} */
    this.pending = new Map();
    this.where = describe(url);
    this.client = createClient({
      url,
      // A command sent while disconnected fails at once rather than waiting in a queue.
      disableOfflineQueue: true,
      socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000) },
    });
    this.binary = this.client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    this.client.on("ready", () => void this.onReady());
    this.client.on("error", (error) => this.onDown(error));
    this.client.on("end", () => this.onDown(new Error("connection closed")));
    this.client.connect().catch((error) => this.onDown(error));
  }

  key(name) {
    return `${this.prefix}${name}`;
  }

  onDown(error) {
    if (this.closing) return;
    const wasUp = this.ready || !this.down;
    this.ready = false;
    if (wasUp) {
      this.down = true;
      log(
        "warn",
        { redis: this.where, err: error && error.message },
        "Redis is unreachable: pages are rendered from PostgreSQL until it returns (reconnecting)",
      );
    }
  }

  async onReady() {
    try {
      await withTimeout(this.checkEpoch());
      if (this.pending.size > 0) {
        await withTimeout(
          this.client.hSet(this.key("tag-expiry"), Object.fromEntries([...this.pending].map(([t, at]) => [t, String(at)]))),
        );
        this.pending.clear();
      }
      // What other instances expired meanwhile is in Redis, but the memory layer
      // was not checked against it: start it afresh.
      this.onReset();
      this.ready = true;
      if (this.down) log("info", { redis: this.where }, "Redis is reachable again: the shared cache is in use again");
      else log("info", { redis: this.where }, "Shared cache on Redis");
      this.down = false;
    } catch (error) {
      this.onDown(error);
    }
  }

  /**
   * Redis restarted empty (or was flushed): every expiry it recorded is gone,
   * so entries held in memory can no longer be checked. A random epoch, set
   * once per Redis data set, tells.
   */
  async checkEpoch(seen) {
    const key = this.key("epoch");
    let epoch = seen === undefined ? await this.client.get(key) : seen;
    if (epoch === null) {
      await this.client.set(key, crypto.randomUUID(), { NX: true });
      epoch = await this.client.get(key);
    }
    if (this.epoch !== null && epoch !== this.epoch) this.onReset();
    const changed = this.epoch !== null && epoch !== this.epoch;
    this.epoch = epoch;
    return !changed;
  }

  async getEntry(key) {
    const raw = await withTimeout(this.binary.get(this.key(`entry:${key}`)));
    return raw ? v8.deserialize(raw) : null;
  }

  async setEntry(key, entry) {
    await withTimeout(this.binary.set(this.key(`entry:${key}`), v8.serialize(entry), { EX: REDIS_ENTRY_TTL_SECONDS }));
  }

  /** Whether any of `tags` expired since `since`, and whether Redis still holds the data set the memory layer was checked against. */
  async isExpired(tags, since) {
    const [expiries, epoch] = await withTimeout(
      Promise.all([
        tags.length ? this.client.hmGet(this.key("tag-expiry"), tags) : Promise.resolve([]),
        this.client.get(this.key("epoch")),
      ]),
    );
    if (epoch !== this.epoch) {
      await withTimeout(this.checkEpoch(epoch));
      return true;
    }
    return expiredSince(expiries, since);
  }

  async expire(tags, at) {
    if (this.ready) {
      try {
        // No timeout of ours: an expiry must be recorded; a dropped connection rejects at once.
        await this.client.hSet(this.key("tag-expiry"), Object.fromEntries(tags.map((tag) => [tag, String(at)])));
        return;
      } catch (error) {
        this.onDown(error);
      }
    }
    for (const tag of tags) this.pending.set(tag, Math.max(at, this.pending.get(tag) ?? 0));
  }
}

function describe(url) {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 6379}`;
  } catch {
    return "unparsable REDIS_URL";
  }
}

/**
 * One per process: Next makes a handler per request, and they all share this;
 * so does the server's own cache of served pages (isOutOfDate below), which
 * may load this file apart from Next.
 */
const SHARED = Symbol.for("reform-metrics.cache-handler.state");

function sharedState(ctx) {
  if (globalThis[SHARED]) return globalThis[SHARED];
  const maxBytes = (ctx && ctx.maxMemoryCacheSize) || 256 * 1024 * 1024;
  const state = {
    pages: new MemoryLru(Math.floor(maxBytes * (1 - VIEW_SHARE))),
    views: new MemoryLru(Math.floor(maxBytes * VIEW_SHARE)),
    /** When each key's pending render began (a get that missed). @type {Map<string, number>} */
    misses: new Map(),
    redis: null,
    tags: null,
    /** Counts the times the memory layer was started afresh (Redis returned, or came back empty). */
    generation: 0,
  };
  const redisUrl = process.env.REDIS_URL && process.env.REDIS_URL.trim();
  if (redisUrl) {
    const prefix = process.env.REDIS_KEY_PREFIX || "reform-metrics:cache:";
    state.redis = new RedisStore(redisUrl, prefix, () => {
      state.pages.clear();
      state.views.clear();
      state.generation += 1;
    });
  } else {
    const distDir = ctx && ctx.serverDistDir ? path.dirname(ctx.serverDistDir) : path.join(process.cwd(), ".next");
    state.tags = new FileTagLog(defaultTagFile(distDir));
  }
  globalThis[SHARED] = state;
  return state;
}

/** The file the default (no Redis) set-up records expired tags in; scripts/serve.mjs clears it at start. */
function defaultTagFile(distDir) {
  return process.env.CACHE_TAGS_FILE || path.join(distDir, "cache", "expired-tags.log");
}

class CacheHandler {
  constructor(ctx) {
    this.state = sharedState(ctx);
  }

  memory(key, ctx) {
    return isView(key, ctx) ? this.state.views : this.state.pages;
  }

  noteMiss(key) {
    const { misses } = this.state;
    const now = Date.now();
    const began = misses.get(key);
    if (began === undefined || now - began > 60_000) {
      if (misses.size > 10_000) misses.clear();
      misses.set(key, now);
    }
  }

  async get(key, ctx) {
    const { redis, tags } = this.state;
    const memory = this.memory(key, ctx);
    if (redis && !redis.ready) return null;
    let entry = memory.get(key);
    try {
      if (!entry && redis) {
        entry = await redis.getEntry(key);
        if (entry) memory.set(key, entry, sizeOf(entry.value));
      }
      if (!entry) {
        this.noteMiss(key);
        return null;
      }
      const entryTagList = entryTags(entry.value, ctx);
      const expired = redis ? await redis.isExpired(entryTagList, entry.lastModified) : tags.isExpired(entryTagList, entry.lastModified);
      if (expired) {
        memory.delete(key);
        this.noteMiss(key);
        return null;
      }
      if (entry.value && entry.value.kind === "APP_PAGE") notePageFromCache(entryTagList, entry.lastModified, this.state.generation);
      return entry;
    } catch (error) {
      // A slow or failed read is a miss for this request; a lost connection is
      // reported by the client's own events (RedisStore.onDown).
      log("debug", { err: error && error.message, key }, "cache read failed: rendering instead");
      return null;
    }
  }

  async set(key, data, ctx) {
    const { redis, misses } = this.state;
    const began = misses.get(key);
    misses.delete(key);
    if (redis && !redis.ready) return;
    let value = data;
    if (value && value.kind === "APP_PAGE" && typeof value.html === "string") value = { ...value, html: asciiHtml(value.html) };
    const entry = { value, lastModified: began ?? Date.now() };
    this.memory(key, ctx).set(key, entry, sizeOf(value));
    if (redis) {
      try {
        await redis.setEntry(key, entry);
      } catch (error) {
        log("debug", { err: error && error.message, key }, "cache write failed");
      }
    }
  }

  async revalidateTag(tags, durations) {
    const list = (typeof tags === "string" ? [tags] : [...tags]).filter(Boolean);
    if (list.length === 0) return;
    // { expire: n } expires in n seconds; anything else (including a stale-only
    // profile, which Next would serve once more while it re-renders) expires now.
    const expire = durations && typeof durations.expire === "number" ? durations.expire : 0;
    const at = Date.now() + expire * 1000;
    const { redis } = this.state;
    if (redis) await redis.expire(list, at);
    else this.state.tags.expire(list, at);
  }

  resetRequestCache() {}
}

/**
 * Whether something made at `since` with `tags` is out of date, as a cache read
 * would judge it: true or false, or null when it cannot be told (Redis is
 * unreachable, or no handler has run in this process yet). For
 * lib/cache/served-pages.cjs.
 * @param {string[]} tags @param {number} since @param {number} generation
 */
async function isOutOfDate(tags, since, generation) {
  const state = globalThis[SHARED];
  if (!state) return null;
  if (generation !== state.generation) return true;
  if (state.redis) {
    if (!state.redis.ready) return null;
    try {
      return (await state.redis.isExpired(tags, since)) || generation !== state.generation;
    } catch {
      return null;
    }
  }
  return state.tags.isExpired(tags, since);
}

module.exports = CacheHandler;
module.exports.isOutOfDate = isOutOfDate;
module.exports.defaultTagFile = defaultTagFile;
module.exports.VIEW_TAG = VIEW_TAG;
module.exports._resetForTests = () => {
  const shared = globalThis[SHARED];
  if (shared && shared.redis) {
    shared.redis.closing = true;
    void shared.redis.client.quit().catch(() => {});
  }
  globalThis[SHARED] = null;
};
