// A least-recently-used map bounded by the approximate bytes of what it holds.
// Used by lib/cache/cache-handler.cjs as each process's in-memory layer.
class MemoryLru {
  /** @param {number} maxBytes */
  constructor(maxBytes) {
    this.maxBytes = maxBytes;
    this.bytes = 0;
    /** @type {Map<string, { value: unknown; size: number }>} */
    this.map = new Map();
  }

  /** @param {string} key */
  get(key) {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    // Re-insert: a Map iterates in insertion order, so the oldest key comes first.
    this.map.delete(key);
    this.map.set(key, hit);
    return hit.value;
  }

  /** @param {string} key @param {unknown} value @param {number} size */
  set(key, value, size) {
    this.delete(key);
    if (size > this.maxBytes) return;
    this.map.set(key, { value, size });
    this.bytes += size;
    for (const [oldest, entry] of this.map) {
      if (this.bytes <= this.maxBytes) break;
      this.map.delete(oldest);
      this.bytes -= entry.size;
    }
  }

  /** @param {string} key */
  delete(key) {
    const hit = this.map.get(key);
    if (!hit) return;
    this.map.delete(key);
    this.bytes -= hit.size;
  }

  clear() {
    this.map.clear();
    this.bytes = 0;
  }

  get size() {
    return this.map.size;
  }
}

module.exports = { MemoryLru };
