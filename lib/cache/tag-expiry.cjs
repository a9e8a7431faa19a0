// Where expired cache tags are recorded, so that every server process (and,
// with Redis, every instance) sees an expiry as soon as it is recorded.
//
// An expiry is a time: a cached entry is out of date when one of its tags
// expired at or after the time the entry was made. The cache handler checks
// an entry's tags on every read, so once revalidateTag has returned (before a
// publish or unpublish action answers), no process serves the old entry.

const fs = require("node:fs");
const path = require("node:path");

/** True when one of `tags` expired at or after `since` (and the expiry is not in the future). */
function expiredSince(expiries, since, now = Date.now()) {
  for (const at of expiries) {
    if (at === null || at === undefined) continue;
    const t = Number(at);
    if (Number.isFinite(t) && t >= since && t <= now) return true;
  }
  return false;
}

/**
 * One machine without Redis: an append-only file that every process of the
 * instance shares (lines "<time> <tag>"). Appends of a few hundred bytes land
 * whole (O_APPEND); a read costs one stat() unless the file has grown, when
 * the new lines are read.
 */
class FileTagLog {
  /** @param {string} file */
  constructor(file) {
    this.file = file;
    /** @type {Map<string, number>} */
    this.expiry = new Map();
    this.offset = 0;
    this.ino = -1;
    this.partial = "";
    fs.mkdirSync(path.dirname(file), { recursive: true });
  }

  refresh() {
    let stat;
    try {
      stat = fs.statSync(this.file);
    } catch {
      return; // no expiry recorded since the server started
    }
    if (stat.ino !== this.ino || stat.size < this.offset) {
      // A new file (the server restarted and cleared it): read it from the start.
      this.ino = stat.ino;
      this.offset = 0;
      this.partial = "";
    }
    if (stat.size === this.offset) return;
    const fd = fs.openSync(this.file, "r");
    try {
      const buffer = Buffer.alloc(stat.size - this.offset);
      const read = fs.readSync(fd, buffer, 0, buffer.length, this.offset);
      this.offset += read;
      const text = this.partial + buffer.subarray(0, read).toString("utf8");
      const lines = text.split("\n");
      this.partial = lines.pop() ?? "";
      for (const line of lines) this.apply(line);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** @param {string} line */
  apply(line) {
    const space = line.indexOf(" ");
    if (space < 1) return;
    const at = Number(line.slice(0, space));
    const tag = decodeURIComponent(line.slice(space + 1));
    if (Number.isFinite(at) && at > (this.expiry.get(tag) ?? -1)) this.expiry.set(tag, at);
  }

  /** @param {string[]} tags @param {number} since */
  isExpired(tags, since) {
    if (tags.length === 0) return false;
    this.refresh();
    return expiredSince(
      tags.map((tag) => this.expiry.get(tag)),
      since,
    );
  }

  /** @param {string[]} tags @param {number} at */
  expire(tags, at) {
    const lines = tags.map((tag) => `${at} ${encodeURIComponent(tag)}\n`).join("");
    fs.appendFileSync(this.file, lines);
    for (const tag of tags) if (at > (this.expiry.get(tag) ?? -1)) this.expiry.set(tag, at);
  }
}

module.exports = { FileTagLog, expiredSince };
