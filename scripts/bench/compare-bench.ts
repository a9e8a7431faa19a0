// Benchmark of the comparison views (issue 5) on 10,000 published cases × 20 measures.
//
//   NEXT_DIST_DIR=.next-compare npx next build          # once: the bench serves a built app
//   NEXT_DIST_DIR=.next-compare npx tsx --conditions=react-server scripts/bench/compare-bench.ts
//
// It creates a fresh database (on the server in DATABASE_URL, else
// postgresql://postgres@127.0.0.1:5432), migrates it, seeds the demo cases and
// the scale data (scripts/seed-scale.ts), starts `next start` on BENCH_PORT
// (3650), times server-side renders over HTTP with autocannon (sequential
// requests after a warm-up, so the figures are render times, not queueing),
// prints EXPLAIN (ANALYZE, BUFFERS) summaries of each view's one query, then
// stops the server and drops the database. The --conditions flag lets the
// server-only data modules load outside Next (to build the SQL to EXPLAIN).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { approachOverviewSql } from "@/modules/compare/data/approach-overview";
import { comparedCasesSql } from "@/modules/compare/data/comparisons";
import { explorerSql } from "@/modules/compare/data/measure-library";
import { parseExplorerFilters } from "@/lib/schemas/comparison";
import { seedScale } from "@/scripts/seed-scale";
import { runAlone, type BenchRow } from "./bench-kit";

const ROOT = path.resolve(__dirname, "..", "..");
const COMPARE_SLUGS = [
  "integrated-health-and-social-care",
  "westmoor-early-help",
  "riverton-neighbourhood-health-teams",
  "scale-case-00001",
  "scale-case-00002",
  "scale-case-00003",
];
const VIEWS = [
  { name: "/measures/referrals", path: "/measures/referrals", p50: 150, p99: 400 },
  { name: "/approaches", path: "/approaches", p50: 150, p99: 400 },
  { name: "/compare (6 cases)", path: `/compare?cases=${COMPARE_SLUGS.join(",")}`, p50: 100, p99: null },
] as const;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitForServer(base: string, child: ChildProcess) {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error("next start exited early");
    try {
      if ((await fetch(`${base}/measures`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("next start did not answer within 60 s");
}

async function time(url: string, amount: number) {
  const result = await autocannon({ url, connections: 1, amount, timeout: 30 });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  return result.latency;
}

/** Index names and scan kinds in a plan, plus its execution time. */
function summarisePlan(lines: string[]): string {
  const scans = new Set<string>();
  for (const line of lines) {
    const m = /(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)(?: using| on) ("?[\w.]+"?)(?: on (\w+))?/.exec(line);
    if (m) scans.add(`${m[1]} ${m[2]}${m[3] ? ` on ${m[3]}` : ""}`);
  }
  const exec = lines.find((l) => l.startsWith("Execution Time"))?.trim() ?? "";
  const buffers = lines.find((l) => l.trim().startsWith("Buffers"))?.trim() ?? "";
  return `${exec}; ${buffers}\n    ${[...scans].join("\n    ")}`;
}

async function explainAll(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; unit: "count" }>(
      `SELECT "id", "unit"::text AS unit FROM "measure_type" WHERE "key" = 'referrals'`,
    );
    const type = rows[0];
    if (!type) throw new Error("no referrals measure type");
    const queries = [
      ["measure explorer (referrals)", explorerSql(type.id, parseExplorerFilters({}))],
      ["approach overview", approachOverviewSql()],
      ["compare (6 cases)", comparedCasesSql(COMPARE_SLUGS)],
    ] as const;
    for (const [name, q] of queries) {
      // The overview runs with these settings in the app (see getApproachOverview).
      await client.query("BEGIN");
      if (name === "approach overview") await client.query("SET LOCAL jit = off; SET LOCAL work_mem = '64MB'");
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values as unknown[]);
      await client.query("COMMIT");
      console.log(`  ${name}: ${summarisePlan(plan.rows.map((r: Record<string, string>) => r["QUERY PLAN"] ?? ""))}`);
    }
  } finally {
    await client.end();
  }
}

export async function runCompareBench({ port = Number(process.env.BENCH_PORT ?? 3650), amount = 60 } = {}): Promise<BenchRow[]> {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next-compare";
  if (!existsSync(path.join(ROOT, distDir, "BUILD_ID")))
    throw new Error(`No build in ${distDir}: run NEXT_DIST_DIR=${distDir} npx next build first.`);
  const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `rm_bench_${Math.floor(Date.now() / 1000)}`;
  const url = withDatabase(serverUrl, name);
  const rows: BenchRow[] = [];
  let server: ChildProcess | null = null;
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  try {
    const t0 = Date.now();
    const migrate = spawnSync(process.execPath, [path.join(ROOT, "scripts", "migrate.mjs"), "deploy"], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });
    if (migrate.status !== 0) throw new Error(`migrate failed: ${migrate.stderr}`);
    const cases = await seedScale(url, 10_000);
    console.log(`[bench] ${name}: migrated and seeded ${cases} scale cases in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    rows.push({ name: "scale cases", value: cases, unit: "cases", target: 10_000, pass: cases >= 10_000 });

    // The data cache outlives a database: clear it so the first render is really cold.
    rmSync(path.join(ROOT, distDir, "cache", "fetch-cache"), { recursive: true, force: true });
    server = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(port)], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: url,
        NEXT_DIST_DIR: distDir,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0000",
      },
      stdio: "ignore",
    });
    const base = `http://127.0.0.1:${port}`;
    await waitForServer(base, server);
    for (const view of VIEWS) {
      const first = Date.now();
      await fetch(base + view.path).then((r) => r.text());
      rows.push({ name: `${view.name} first render (cold cache)`, value: Date.now() - first, unit: "ms", target: null, pass: true });
      await time(base + view.path, 5); // warm-up
      const latency = await time(base + view.path, amount);
      rows.push({ name: `${view.name} p50`, value: latency.p50, unit: "ms", target: view.p50, pass: latency.p50 <= view.p50 });
      rows.push({
        name: `${view.name} p99`,
        value: latency.p99,
        unit: "ms",
        target: view.p99,
        pass: view.p99 === null || latency.p99 <= view.p99,
      });
    }
    console.log("[bench] query plans (EXPLAIN ANALYZE, BUFFERS):");
    await explainAll(url);
  } finally {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  return rows;
}

if (process.argv[1]?.endsWith("compare-bench.ts")) runAlone(runCompareBench);
