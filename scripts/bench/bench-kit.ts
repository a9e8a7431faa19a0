// What every bench shares: the row it reports, the table it prints, running a
// bench file on its own, a free port, and the production server (scripts/serve.mjs) of the bench build on a
// database of the bench's own, ready once it answers.
import { spawn, type ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import { createWriteStream } from "node:fs";
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
  console.log(
    `\n${rows.length - failed} passed, ${failed} failed (load average ${os.loadavg()[0]!.toFixed(1)}; other work on the machine slows every figure)`,
  );
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

/** How long each load test warms the server up before it is measured. */
export const WARM_UP_SECONDS = 5;

/**
 * autocannon at LOAD against one URL, after an untimed warm-up at the same
 * load, so the timed run measures the server's steady state rather than V8
 * compiling its request path: the first seconds of a fresh server are several
 * times slower, and each worker process warms up on its own share of the
 * requests. `afterWarmUp` runs between the two (e.g. to note the time from
 * which the database must stay untouched). Non-2xx answers invalidate the
 * run; timeouts and socket errors are a (failing) measurement, returned as
 * `errors`.
 */
export async function loadTest(
  url: string,
  afterWarmUp?: () => Promise<void>,
): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  await autocannon({ url, connections: LOAD.connections, duration: WARM_UP_SECONDS });
  await afterWarmUp?.();
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

export async function startNextServer({
  databaseUrl,
  port,
  distDir,
  env = {},
}: {
  databaseUrl: string;
  port: number;
  distDir: string;
  /** More environment for the server (e.g. REDIS_URL). */
  env?: Record<string, string>;
}): Promise<ChildProcess> {
  // The production server, as `npm start` runs it (one `next start` per core).
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "serve.mjs"), "-p", String(port)], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-000",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // BENCH_SERVER_LOG=<file> keeps the server's output (e.g. with NEXT_PRIVATE_DEBUG_CACHE=1).
  const log = process.env.BENCH_SERVER_LOG ? createWriteStream(process.env.BENCH_SERVER_LOG, { flags: "a" }) : null;
  // Ready once every worker listens (scripts/serve.mjs says so), so that the
  // warm-up reaches them all.
  const ready = new Promise<boolean>((resolve) => {
    let seen = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      log?.write(chunk);
      seen = (seen + chunk.toString()).slice(-4096);
      if (/\[serve\] \d+ server process(es)? ready/.test(seen)) resolve(true);
    });
    child.once("exit", () => resolve(false));
    setTimeout(() => resolve(false), 30_000).unref();
  });
  if (await ready) return child;
  child.kill();
  throw new Error("the server did not come up");
}

/** Stops a server from startNextServer and waits until it (and so each of its workers) has exited. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill();
  await exited;
}
