// What every bench shares: the row it reports, the table it prints, running a
// bench file on its own, a free port, and `next start` of the bench build on a
// database of the bench's own, ready once it answers.
import { spawn, type ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import { openSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target: string | number | null;
  pass: boolean;
}

export function printBenchTable(rows: Array<BenchRow & { bench?: string }>): void {
  const cells = rows.map((r) => [
    r.bench ?? "",
    r.name,
    `${Number.isFinite(r.value) ? Math.round(r.value * 100) / 100 : "—"} ${r.unit}`,
    r.target === null ? "—" : String(r.target),
    r.pass ? "pass" : "FAIL",
  ]);
  const header = ["bench", "measure", "value", "target", "result"];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const c of cells) console.log(line(c));
  const failed = rows.filter((r) => !r.pass).length;
  console.log(`\n${rows.length - failed} passed, ${failed} failed (load average ${os.loadavg()[0]!.toFixed(1)}; other work on the machine slows every figure)`);
}

/** `npx tsx scripts/bench/<file>.ts`: run one bench, print its table, exit 1 if a target is missed. */
export function runAlone(bench: () => Promise<BenchRow[]>): void {
  bench()
    .then((rows) => {
      printBenchTable(rows);
      process.exit(rows.every((r) => r.pass) ? 0 : 1);
    })
    .catch((error: unknown) => {
      console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    });
}

/** The load every page bench applies: 50 connections for 10 s. */
export const LOAD = { connections: 50, duration: 10 };

/**
 * autocannon at LOAD against one URL, after an untimed 3 s warm-up so the timed
 * run measures the server's steady state rather than V8 compiling its request
 * path (the first seconds of a fresh server are several times slower).
 * Non-2xx answers invalidate the run; timeouts and socket errors are a
 * (failing) measurement, returned as `errors`.
 */
export async function loadTest(url: string): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  await autocannon({ url, connections: LOAD.connections, duration: 3 });
  const r = await autocannon({ url, ...LOAD });
  if (r.non2xx > 0) throw new Error(`${url}: ${r.non2xx} non-2xx responses`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors };
}

export async function freePort(start: number, tries = 100): Promise<number> {
  for (let p = start; p < start + tries; p++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.createServer().once("error", () => resolve(false));
      s.listen(p, () => s.close(() => resolve(true)));
    });
    if (ok) return p;
  }
  throw new Error(`no free port from ${start}`);
}

export async function startNextServer({ databaseUrl, port, distDir }: { databaseUrl: string; port: number; distDir: string }): Promise<ChildProcess> {
  const nextBin = createRequire(__filename).resolve("next/dist/bin/next");
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-000",
    },
    // BENCH_SERVER_LOG=<file> keeps the server's output (e.g. with NEXT_PRIVATE_DEBUG_CACHE=1).
    stdio: ["ignore", process.env.BENCH_SERVER_LOG ? openSync(process.env.BENCH_SERVER_LOG, "a") : "ignore", "inherit"],
  });
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/robots.txt`)).status < 500) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error("next start did not come up");
}
