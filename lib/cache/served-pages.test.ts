import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { bufferHtmlDocuments } from "../http/buffer-html.cjs";
import { notePageFromCache, ServedPages } from "./served-pages.cjs";

let server: http.Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/**
 * A stand-in for Next behind the served-pages layer, as scripts/server-worker.mjs
 * puts them: each request to it counts, says whether "its cache" served the page
 * (a HIT notes the entry, as lib/cache/cache-handler.cjs does) and how it may be cached.
 */
async function start(outOfDate: { value: boolean | null }, next: { hit: boolean; cacheControl: string; cookie?: boolean }) {
  const pages = new ServedPages({ maxBytes: 1024 * 1024, isOutOfDate: () => outOfDate.value });
  let rendered = 0;
  server = http.createServer(async (req, res) => {
    if (await pages.serve(req, res)) return;
    await pages.record(req, res, async (keep) => {
      bufferHtmlDocuments(res, { finish: (html) => html, onDocument: keep });
      rendered += 1;
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (next.hit) notePageFromCache(["case-a"], Date.now() - 1000, 0);
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("cache-control", next.cacheControl);
      res.setHeader("x-nextjs-cache", next.hit ? "HIT" : "MISS");
      if (next.cookie) res.setHeader("set-cookie", "a=b");
      res.end(`<html><head></head><body>render ${rendered} of ${req.url}</body></html>`);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  return { base, rendered: () => rendered };
}

const PUBLIC = "public, max-age=0, s-maxage=60, stale-while-revalidate=60";

describe("served pages", () => {
  it("serves a public page Next served from its cache from memory until it is out of date", async () => {
    const outOfDate = { value: false as boolean | null };
    const s = await start(outOfDate, { hit: true, cacheControl: PUBLIC });
    expect(await (await fetch(`${s.base}/cases/a`)).text()).toContain("render 1");
    const kept = await fetch(`${s.base}/cases/a`);
    expect(await kept.text()).toContain("render 1");
    expect(kept.headers.get("cache-control")).toBe(PUBLIC);
    expect(kept.headers.get("x-nextjs-cache")).toBe("HIT");
    expect(kept.headers.get("vary")).toMatch(/Accept-Encoding/);
    expect(s.rendered()).toBe(1);

    // Compressed for a client that asks.
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve) => {
      http.get(`${s.base}/cases/a`, { headers: { "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res
          .on("data", (c: Buffer) => chunks.push(c))
          .on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
      });
    });
    expect(raw.encoding).toBe("gzip");
    expect(gunzipSync(raw.body).toString()).toContain("render 1");

    // Not for router requests: Next answers those.
    await fetch(`${s.base}/cases/a`, { headers: { rsc: "1" } });
    expect(s.rendered()).toBe(2);

    // Out of date (a publish expired its tag): Next answers, and its new page is kept.
    outOfDate.value = true;
    expect(await (await fetch(`${s.base}/cases/a`)).text()).toContain("render 3");
    outOfDate.value = false;
    expect(await (await fetch(`${s.base}/cases/a`)).text()).toContain("render 3");
    expect(s.rendered()).toBe(3);

    // When the record of expiries cannot be read (Redis down), Next answers every time.
    outOfDate.value = null;
    await fetch(`${s.base}/cases/a`);
    await fetch(`${s.base}/cases/a`);
    expect(s.rendered()).toBe(5);
  });

  it("keeps nothing that was rendered, private, or set a cookie", async () => {
    for (const next of [
      { hit: false, cacheControl: PUBLIC },
      { hit: true, cacheControl: "private, no-cache, no-store, max-age=0, must-revalidate" },
      { hit: true, cacheControl: PUBLIC, cookie: true },
    ]) {
      const s = await start({ value: false }, next);
      await fetch(`${s.base}/cases/a`);
      await fetch(`${s.base}/cases/a`);
      expect(s.rendered(), JSON.stringify(next)).toBe(2);
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = null;
    }
  });
});

describe("the app's pages expire by tag only", () => {
  // A kept page is out of date only when one of its tags expires. A page that
  // Next re-rendered after a time (`export const revalidate = <seconds>`) would
  // go on being served from the kept copy: such a page needs a maximum age
  // here first.
  it("no route sets a time-based revalidate", () => {
    const app = path.resolve(__dirname, "..", "..", "app");
    const offenders = (readdirSync(app, { recursive: true }) as string[])
      .filter((f) => /\.(tsx?|jsx?)$/.test(f))
      .filter((f) => /export\s+const\s+revalidate\s*=(?!\s*false\b)/.test(readFileSync(path.join(app, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});
