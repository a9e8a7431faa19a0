import http from "node:http";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort, startInstance } from "./support/instances";

// Issue 19.2: a stop (SIGTERM, as a deploy or a supervisor sends it) lets the
// requests in flight finish: none is reset, and the server then exits by itself.

function get(baseURL: string, path: string): Promise<{ status: number; error?: string }> {
  return new Promise((resolve) => {
    http
      .get(new URL(path, baseURL), { agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
        res.on("error", (e) => resolve({ status: 0, error: e.message }));
      })
      .on("error", (e) => resolve({ status: 0, error: e.message }));
  });
}

test("on SIGTERM the server answers all 20 requests in flight, stops accepting, and exits", async () => {
  test.setTimeout(180_000);
  const port = await freePort(Number(process.env.E2E_PORT ?? 3100) + 40);
  // A tag file of its own: this instance shares the build folder with the main test server.
  const CACHE_TAGS_FILE = path.join(os.tmpdir(), `rm-graceful-${process.pid}-${Date.now()}.log`);
  const server = await startInstance(port, { WEB_CONCURRENCY: "2", SHUTDOWN_TIMEOUT_SECONDS: "90", CACHE_TAGS_FILE });
  // Warm both workers (each compiles its request path on its first requests).
  await Promise.all(Array.from({ length: 4 }, (_, i) => get(server.baseURL, `/cases?q=warm-${i}`)));
  // Uncached searches: each is rendered from the database, so 20 at once keep both workers busy.
  const inFlight = Array.from({ length: 20 }, (_, i) => get(server.baseURL, `/cases?q=graceful-${i}-${Date.now()}`));
  await new Promise((r) => setTimeout(r, 150));
  const started = Date.now();
  const exited = server.stop("SIGTERM");
  const answers = await Promise.all(inFlight);
  expect(answers.map((a) => a.error ?? a.status)).toEqual(Array(20).fill(200));
  // New connections are refused once the workers have stopped accepting.
  const code = await exited;
  expect(code).toBe(0);
  expect(Date.now() - started).toBeLessThan(90_000);
  expect((await get(server.baseURL, "/")).status).toBe(0);
});
