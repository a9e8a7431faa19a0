import { mkdtempSync } from "node:fs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import CacheHandler from "./cache-handler.cjs";
import { revalidationMessage } from "./worker-tags.cjs";
// The tag manifest every handler in a process reads (Next's own module).
import { areTagsExpired } from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";

function newHandler() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "rm-cache-"));
  return new CacheHandler({
    fs: { ...fs.promises, existsSync: fs.existsSync, readFileSync: fs.readFileSync },
    flushToDisk: false,
    serverDistDir: dir,
    revalidatedTags: [],
    maxMemoryCacheSize: 1024 * 1024,
  });
}

describe("the cache handler shared by server workers", () => {
  it("expires the tags another worker expired, as if it had expired them itself", async () => {
    newHandler();
    const cachedAt = Date.now() - 1000;
    expect(areTagsExpired(["public-case:peer-test"], cachedAt)).toBe(false);
    // What the primary (scripts/serve.mjs) passes on from the worker that published.
    process.emit("message", revalidationMessage(["public-case:peer-test"], { expire: 0 }), undefined);
    expect(areTagsExpired(["public-case:peer-test"], cachedAt)).toBe(true);
    expect(areTagsExpired(["public-case:untouched"], cachedAt)).toBe(false);
  });

  it("expires its own tags as Next's file-system cache does", async () => {
    const handler = newHandler();
    const cachedAt = Date.now() - 1000;
    await handler.revalidateTag("public-case:own-test", { expire: 0 });
    expect(areTagsExpired(["public-case:own-test"], cachedAt)).toBe(true);
  });
});
