import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import CacheHandler from "./cache-handler.cjs";

// Without REDIS_URL: entries in each process's memory, expired tags in a file
// that every process of the instance reads on each cache read.

/** A handler as a separate server process would have it: its own memory, the same tag file. */
function processHandler(tagFile: string, maxMemoryCacheSize = 1024 * 1024) {
  (CacheHandler as unknown as { _resetForTests(): void })._resetForTests();
  process.env.CACHE_TAGS_FILE = tagFile;
  const handler = new CacheHandler({ serverDistDir: path.dirname(tagFile), maxMemoryCacheSize });
  delete process.env.CACHE_TAGS_FILE;
  return handler;
}

const page = (html: string, tags: string[]) => ({
  kind: "APP_PAGE",
  html,
  rscData: Buffer.from("rsc"),
  headers: { "x-next-cache-tags": tags.join(",") },
  status: 200,
});

describe("the cache handler without Redis", () => {
  it("serves what it stored until one of the entry's tags expires, then misses", async () => {
    const tagFile = path.join(mkdtempSync(path.join(os.tmpdir(), "rm-cache-")), "tags.log");
    const handler = processHandler(tagFile);
    await handler.set("/route-cache/cases/a", page("<p>A</p>", ["public-case:a", "_N_T_/cases/a"]), {});
    expect((await handler.get("/route-cache/cases/a", { kind: "APP_PAGE" }))?.value.html).toBe("<p>A</p>");
    await handler.revalidateTag(["public-case:other"], { expire: 0 });
    expect(await handler.get("/route-cache/cases/a", { kind: "APP_PAGE" })).not.toBeNull();
    await handler.revalidateTag("public-case:a", { expire: 0 });
    expect(await handler.get("/route-cache/cases/a", { kind: "APP_PAGE" })).toBeNull();
  });

  it("sees a tag another process expired on its very next read (the shared file)", async () => {
    const tagFile = path.join(mkdtempSync(path.join(os.tmpdir(), "rm-cache-")), "tags.log");
    const reader = processHandler(tagFile);
    await reader.set(
      "data-key",
      { kind: "FETCH", data: { body: "{}", headers: {}, url: "" }, revalidate: false },
      { tags: ["public-cases"] },
    );
    expect(await reader.get("data-key", { kind: "FETCH", tags: ["public-cases"], softTags: [] })).not.toBeNull();
    const writer = processHandler(tagFile); // another process (its own memory) …
    await writer.revalidateTag("public-cases", { expire: 0 });
    // … and the first process's memory layer, read again, is checked against the file.
    const readerAgain = new CacheHandler({});
    expect(await readerAgain.get("data-key", { kind: "FETCH", tags: ["public-cases"], softTags: [] })).toBeNull();
  });

  it("dates an entry from the miss that began its render, so a render overtaken by an expiry is out of date", async () => {
    const tagFile = path.join(mkdtempSync(path.join(os.tmpdir(), "rm-cache-")), "tags.log");
    const handler = processHandler(tagFile);
    expect(await handler.get("/route-cache/cases/b", { kind: "APP_PAGE" })).toBeNull(); // the render begins
    await new Promise((r) => setTimeout(r, 5));
    await handler.revalidateTag("public-case:b", { expire: 0 }); // an unpublish lands meanwhile
    await new Promise((r) => setTimeout(r, 5));
    await handler.set("/route-cache/cases/b", page("<p>old</p>", ["public-case:b"]), {}); // the render ends
    expect(await handler.get("/route-cache/cases/b", { kind: "APP_PAGE" })).toBeNull();
  });

  it("keeps case-index views in a share of memory of their own: 5,000 views leave a case page cached", async () => {
    const tagFile = path.join(mkdtempSync(path.join(os.tmpdir(), "rm-cache-")), "tags.log");
    const handler = processHandler(tagFile, 8 * 1024 * 1024);
    await handler.set("/route-cache/cases/kept", page("x".repeat(80_000), ["public-case:kept"]), {});
    for (let i = 0; i < 5000; i++) {
      await handler.set(`/route-cache/case-index/view-${i}`, page("v".repeat(20_000), ["public-cases"]), {});
      await handler.set(
        `search-${i}`,
        { kind: "FETCH", data: { body: "[]".repeat(5000), headers: {}, url: "" }, revalidate: false },
        {
          tags: ["public-cases", CacheHandler.VIEW_TAG],
        },
      );
    }
    expect(await handler.get("/route-cache/cases/kept", { kind: "APP_PAGE" })).not.toBeNull();
  });

  it("stores a page's HTML as ASCII", async () => {
    const tagFile = path.join(mkdtempSync(path.join(os.tmpdir(), "rm-cache-")), "tags.log");
    const handler = processHandler(tagFile);
    await handler.set("/route-cache/cases/c", page("<p>71% → 12%</p>", []), {});
    expect((await handler.get("/route-cache/cases/c", { kind: "APP_PAGE" }))?.value.html).toBe("<p>71% &#x2192; 12%</p>");
  });
});
