import http from "node:http";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";

// Issue 17: free-text searches are rendered afresh and never enter the cache
// (proxy.ts, modules/cases/cache.ts), so a stream of distinct searches — anyone
// can send endless ones — cannot push a case page out of the cache.

const CASE = "/cases/integrated-health-and-social-care";
const SEARCHES = 5_000;
const AT_ONCE = 4;

/** One GET on a new connection (the cluster hands each connection to the next worker); keeps the status and cache header. */
function get(baseURL: string, path: string): Promise<{ status: number; cache: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(path, baseURL), { agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, cache: res.headers["x-nextjs-cache"] as string | undefined }));
      })
      .on("error", reject);
  });
}

/** Enough fresh connections to reach every worker. */
const everyWorker = (baseURL: string) => Promise.all(Array.from({ length: 6 }, () => get(baseURL, CASE)));

test("a stream of 5,000 distinct searches leaves a cached case page served from the cache", async ({ baseURL }) => {
  test.setTimeout(600_000);
  await everyWorker(baseURL!);
  expect((await everyWorker(baseURL!)).map((a) => a.cache)).toEqual(Array(6).fill("HIT"));

  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: AT_ONCE }, async () => {
      while (next < SEARCHES) {
        next++;
        const { status } = await get(baseURL!, `/cases?q=${encodeURIComponent(`stream ${randomUUID()}`)}`);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  expect(Object.fromEntries(statuses)).toEqual({ 200: SEARCHES });

  const after = await everyWorker(baseURL!);
  expect(after.map((a) => a.status)).toEqual(Array(6).fill(200));
  expect(after.map((a) => a.cache)).toEqual(Array(6).fill("HIT"));
});
