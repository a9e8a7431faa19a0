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
//
// Cold renders after a publish (issues 14 and 17): COLD_RUNS times, a case is
// published through the one publish path (which keeps the stored approach
// summaries current), the server restarts with an empty cache (as a publish
// expires every comparison view), its request path is warmed on other URLs,
// and then each view's first request is timed. The rows give the p50 of those
// first renders with their spread.
//
// BENCH_DATABASE_URL=<url of a database already holding the scale data> skips
// the 3-minute seed (that database is kept, and gains one case per cold run).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { approachOverviewSql } from "@/modules/compare/data/approach-overview";
import { approachCardsSql, NO_FILTERS } from "@/modules/compare/data/approach-card-summary";
import { createPrismaClient } from "@/lib/prisma-client";
import { caseInputSchema } from "@/lib/schemas/case";
import { writeDraftContent } from "@/modules/workspace/data/case-content";
import { publishVersionsTx } from "@/modules/workspace/data/case-drafts";
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
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const COLD_TARGET = 150;
// Other URLs of the same routes, requested before the timed ones so that the
// restarted server's code is loaded and compiled, as it is in a server that
// has been running when a publish expires the views.
const WARM_UP_PATHS = [
  "/measures/failure-demand?sector=health",
  "/approaches?sector=housing",
  "/compare?cases=scale-case-00004,scale-case-00005",
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
      ["approach overview (table, before issue 14)", approachOverviewSql()],
      ["approach cards, live aggregate (filtered views; the refresh at publish runs it per approach)", approachCardsSql(NO_FILTERS)],
      ["compare (6 cases)", comparedCasesSql(COMPARE_SLUGS)],
    ] as const;
    const stored = await client.query(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT a."id", a."key", a."name", a."description", s."body" FROM "approach" a LEFT JOIN "approach_card_summary" s ON s."approach_id" = a."id" WHERE a."status" = 'accepted'`,
    );
    console.log(
      `  approach cards, stored summaries (what /approaches reads): ${summarisePlan(stored.rows.map((r: Record<string, string>) => r["QUERY PLAN"] ?? ""))}`,
    );
    for (const [name, q] of queries) {
      // The overview runs with these settings in the app (see getApproachOverview).
      await client.query("BEGIN");
      if (name.startsWith("approach")) await client.query("SET LOCAL jit = off; SET LOCAL work_mem = '64MB'");
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values as unknown[]);
      await client.query("COMMIT");
      console.log(`  ${name}: ${summarisePlan(plan.rows.map((r: Record<string, string>) => r["QUERY PLAN"] ?? ""))}`);
    }
  } finally {
    await client.end();
  }
}

/** One new case under a shared approach, published through the one publish path (publishVersionsTx). */
async function publishBenchCase(url: string, run: number): Promise<void> {
  const prisma = createPrismaClient(url);
  try {
    const org = await prisma.organisation.upsert({
      where: { slug: "bench-publish-org" },
      update: {},
      create: { slug: "bench-publish-org", name: "Bench publishing organisation" },
    });
    const slug = `bench-publish-${Date.now()}-${run}`;
    const input = caseInputSchema.parse({
      slug,
      organisationId: org.id,
      title: `Bench publish ${run}`,
      sector: "social_care",
      approachKey: "relational-public-services",
      sourceCitation: "Bench",
      evidenceLevel: 1,
      measures: [
        {
          label: "Referrals",
          measureTypeKey: "referrals",
          unit: "count",
          direction: "lower_is_better",
          before: "120",
          after: String(90 - run),
        },
        {
          label: "Failure demand",
          measureTypeKey: "failure-demand",
          unit: "percent",
          direction: "lower_is_better",
          before: "60",
          after: "25",
        },
      ],
    });
    await prisma.$transaction(
      async (tx) => {
        const c = await tx.caseStudy.create({ data: { slug, organisationId: org.id } });
        const v = await tx.caseVersion.create({
          data: { caseStudyId: c.id, title: input.title, sector: "social_care", sourceCitation: "Bench" },
        });
        await writeDraftContent(tx, v.id, input);
        await publishVersionsTx(tx, [{ caseId: c.id, versionId: v.id, number: 1, changeNote: null, actorId: null }]);
      },
      { timeout: 120_000 },
    );
  } finally {
    await prisma.$disconnect();
  }
}

function startServer(url: string, port: number, distDir: string): ChildProcess {
  // The data cache outlives a database and a process: clear it so the first render is really cold.
  rmSync(path.join(ROOT, distDir, "cache", "fetch-cache"), { recursive: true, force: true });
  return spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(port)], {
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
}

async function stop(child: ChildProcess | null) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** COLD_RUNS × (publish, restart with an empty cache, warm the code, time each view's first render). */
async function coldRendersAfterPublish(url: string, port: number, distDir: string): Promise<BenchRow[]> {
  const samples = new Map<string, number[]>(VIEWS.map((v) => [v.name, []]));
  const base = `http://127.0.0.1:${port}`;
  for (let run = 1; run <= COLD_RUNS; run++) {
    await publishBenchCase(url, run);
    const server = startServer(url, port, distDir);
    try {
      await waitForServer(base, server);
      for (const p of WARM_UP_PATHS) await fetch(base + p).then((r) => r.text());
      for (const view of VIEWS) {
        const t = performance.now();
        const response = await fetch(base + view.path);
        await response.text();
        if (!response.ok) throw new Error(`${view.path}: ${response.status}`);
        samples.get(view.name)!.push(performance.now() - t);
      }
    } finally {
      await stop(server);
    }
  }
  return VIEWS.map((view) => {
    const xs = samples.get(view.name)!;
    const p50 = median(xs);
    const spread = `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;
    return {
      name: `${view.name} cold render after a publish, p50 of ${xs.length} (spread ${spread} ms)`,
      value: p50,
      unit: "ms",
      target: COLD_TARGET,
      pass: p50 <= COLD_TARGET,
    };
  });
}

export async function runCompareBench({ port = Number(process.env.BENCH_PORT ?? 3650), amount = 60 } = {}): Promise<BenchRow[]> {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next-compare";
  if (!existsSync(path.join(ROOT, distDir, "BUILD_ID")))
    throw new Error(`No build in ${distDir}: run NEXT_DIST_DIR=${distDir} npx next build first.`);
  const given = process.env.BENCH_DATABASE_URL;
  const serverUrl = given ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `rm_bench_${Math.floor(Date.now() / 1000)}`;
  const url = given ?? withDatabase(serverUrl, name);
  const rows: BenchRow[] = [];
  let server: ChildProcess | null = null;
  if (!given) await admin(serverUrl, `CREATE DATABASE "${name}"`);
  try {
    const t0 = Date.now();
    if (!given) {
      const migrate = spawnSync(process.execPath, [path.join(ROOT, "scripts", "migrate.mjs"), "deploy"], {
        env: { ...process.env, DATABASE_URL: url },
        encoding: "utf8",
      });
      if (migrate.status !== 0) throw new Error(`migrate failed: ${migrate.stderr}`);
      const cases = await seedScale(url, 10_000);
      console.log(`[bench] ${name}: migrated and seeded ${cases} scale cases in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      rows.push({ name: "scale cases", value: cases, unit: "cases", target: 10_000, pass: cases >= 10_000 });
    }

    server = startServer(url, port, distDir);
    const base = `http://127.0.0.1:${port}`;
    await waitForServer(base, server);
    for (const view of VIEWS) {
      const first = Date.now();
      await fetch(base + view.path).then((r) => r.text());
      rows.push({
        name: `${view.name} first render (cold cache, fresh process)`,
        value: Date.now() - first,
        unit: "ms",
        target: null,
        pass: true,
      });
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
    await stop(server);
    server = null;
    rows.push(...(await coldRendersAfterPublish(url, port, distDir)));
    console.log("[bench] query plans (EXPLAIN ANALYZE, BUFFERS):");
    await explainAll(url);
  } finally {
    await stop(server);
    if (!given) await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  return rows;
}

if (process.argv[1]?.endsWith("compare-bench.ts")) runAlone(runCompareBench);
