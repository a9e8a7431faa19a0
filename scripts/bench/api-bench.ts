// JSON API speed bench (issue 15): GET /api/v1/cases, the first page, at
// 10,000 published cases. Builds nothing: run it on a built app.
//
//   NEXT_DIST_DIR=.next-bench npx tsx --conditions=react-server scripts/bench/api-bench.ts
//   BENCH_API_CASES=200 …   the same at a small scale (to see that it works)
//
// Its own database (demo data + generated cases, as the public bench), the
// production server (scripts/serve.mjs), then three load runs (autocannon, 50
// connections, each after a warm-up): the row is the median run's p50, with
// the spread of the three p50s, since this machine's speed varies run to run.
import { existsSync } from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { createPrismaClient } from "@/lib/prisma-client";
import { seed } from "@/prisma/seed";
import { freePort, loadTest, runAlone, startNextServer, stopServer, type BenchRow } from "./bench-kit";
import { generateCases } from "./public-bench";

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = process.env.NEXT_DIST_DIR || ".next";
const CASES = Number(process.env.BENCH_API_CASES || 10_000);
const RUNS = 3;
const TARGET_P50_MS = 50;

export async function runApiBench(): Promise<BenchRow[]> {
  if (!existsSync(path.join(ROOT, DIST, "BUILD_ID"))) {
    throw new Error(`No build in ${DIST}: run \`NEXT_DIST_DIR=${DIST} npx next build\` first.`);
  }
  const { createTestDatabase } = await import("../lib/test-database.mjs");
  const database = await createTestDatabase("rm_bench_api");
  let server: ChildProcess | null = null;
  try {
    const prisma = createPrismaClient(database.url);
    await seed(prisma);
    await prisma.$disconnect();
    await generateCases(database.url, CASES);

    const port = await freePort(3570);
    const base = `http://127.0.0.1:${port}`;
    server = await startNextServer({ databaseUrl: database.url, port, distDir: DIST });
    const url = `${base}/api/v1/cases`;
    const first = await fetch(url);
    const body = (await first.json()) as { meta?: { total?: number } };
    if (first.status !== 200 || (body.meta?.total ?? 0) < CASES) throw new Error(`${url}: ${first.status}, total ${body.meta?.total}`);
    const etag = first.headers.get("etag");
    const revalidated = await fetch(url, { headers: etag ? { "if-none-match": etag } : {} });

    const p50s: number[] = [];
    const rps: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const r = await loadTest(url);
      if (r.errors > 0) throw new Error(`${url}: ${r.errors} errors`);
      p50s.push(r.p50);
      rps.push(r.rps);
    }
    const sorted = [...p50s].sort((a, b) => a - b);
    const median = sorted[Math.floor(RUNS / 2)]!;
    const scale = CASES.toLocaleString("en-GB");
    return [
      {
        name: `GET /api/v1/cases, first page (${scale} cases): p50, median of ${RUNS} runs (p50s ${sorted.join(", ")} ms)`,
        value: median,
        unit: "ms",
        target: `≤ ${TARGET_P50_MS}`,
        pass: median <= TARGET_P50_MS,
      },
      {
        name: `GET /api/v1/cases, first page: requests/s (runs ${rps.map((r) => Math.round(r)).join(", ")})`,
        value: Math.round([...rps].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!),
        unit: "req/s",
        target: "—",
        pass: true,
      },
      {
        name: "GET /api/v1/cases with its ETag as If-None-Match: status",
        value: revalidated.status,
        unit: "",
        target: "304",
        pass: revalidated.status === 304,
      },
    ];
  } finally {
    if (server) await stopServer(server);
    await database.drop();
  }
}

if (process.argv[1]?.endsWith("api-bench.ts")) runAlone(runApiBench);
