// Public pages speed bench (issue 4). Builds nothing: run it on a built app.
//
//   NEXT_DIST_DIR=.next-public npx next build
//   NEXT_DIST_DIR=.next-public npx tsx scripts/bench/public-bench.ts
//
// It makes its own database (on DATABASE_URL's server, or the embedded test
// server when unset), seeds the demo data plus 10,000 generated published
// cases, starts `next start`, and drives it with autocannon (50 connections ×
// 10 s). Prints a table; exits 1 if a target is missed. The load generator
// shares the machine's cores with the server: compare figures within one run.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { createPrismaClient } from "@/lib/prisma-client";
import { seed } from "@/prisma/seed";
import { freePort, loadTest, runAlone, startNextServer, stopServer, type BenchRow } from "./bench-kit";

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = process.env.NEXT_DIST_DIR || ".next";
const REFERENCE = "/cases/integrated-health-and-social-care";
const INDEX_FILTERED = "/cases?sector=health&sort=title";
const GENERATED_CASES = 10_000;
/** The server's connections carry this name, so the bench can tell them from its own and from autovacuum. */
const APP_NAME = "rm-bench-server";

/** 10,000 (or `count`) published cases with versions and measures, in four statements. Also the API bench's data. */
export async function generateCases(url: string, count = GENERATED_CASES): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`
      INSERT INTO organisation (id, slug, name, updated_at)
        SELECT gen_random_uuid(), 'bench-org-' || g, 'Bench council ' || g, now() FROM generate_series(1, 500) g;
      INSERT INTO case_study (id, slug, organisation_id, updated_at)
        SELECT gen_random_uuid(), 'bench-case-' || g, o.id, now()
        FROM generate_series(1, ${count}) g JOIN organisation o ON o.slug = 'bench-org-' || (g % 500 + 1);
      INSERT INTO case_version (id, case_study_id, title, summary, sector, approach_id, reform_shifts, intervention_date, source_citation, updated_at)
        SELECT gen_random_uuid(), c.id, 'Bench reform ' || substr(c.slug, 12) || ' of referrals and assessments',
               'A generated case for the speed bench.',
               (enum_range(NULL::"Sector"))[1 + (hashtext(c.slug) & 7)],
               (SELECT id FROM approach ORDER BY key LIMIT 1 OFFSET (hashtext(c.slug) & 3)),
               ARRAY[(enum_range(NULL::"ReformShift"))[1 + (hashtext(c.slug) & 1)]],
               make_date(2018 + (hashtext(c.slug) & 7), 1 + (hashtext(c.slug) & 7), 1), 'Generated', now()
        FROM case_study c WHERE c.slug LIKE 'bench-case-%';
      INSERT INTO measure (id, case_version_id, position, label, unit, direction, before_value, after_value, measure_type_id, updated_at)
        SELECT gen_random_uuid(), v.id, p, (ARRAY['Number of referrals','Number of assessments','Failure demand'])[p + 1],
               (ARRAY['count','count','percent'])[p + 1]::"MeasureUnit", 'lower_is_better', 40 + p, 30 + p,
               (SELECT id FROM measure_type ORDER BY key LIMIT 1 OFFSET p), now()
        FROM case_version v JOIN case_study c ON c.id = v.case_study_id, generate_series(0, 2) p
        WHERE c.slug LIKE 'bench-case-%';
      UPDATE case_version v SET number = 1, published_at = now() - (hashtext(c.slug) & 1023) * interval '1 hour'
        FROM case_study c WHERE c.id = v.case_study_id AND c.slug LIKE 'bench-case-%';
      UPDATE case_study c SET status = 'published', published_version_id = v.id
        FROM case_version v WHERE v.case_study_id = c.id AND c.slug LIKE 'bench-case-%';
      ANALYZE;`);
    // Vacuum now, so that autovacuum does not choose the load run to tidy up
    // after 40,000 inserted rows: its transactions would count as the app's.
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
}

async function load(url: string, afterWarmUp?: () => Promise<void>) {
  const r = await loadTest(url, afterWarmUp);
  if (r.errors > 0) throw new Error(`${url}: ${r.errors} errors`);
  return r;
}

/** gzip bytes of the scripts a page's HTML loads (the first-load JavaScript). */
async function firstLoadJs(base: string, page: string): Promise<number> {
  const html = await (await fetch(base + page)).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
  let total = 0;
  for (const src of srcs) total += gzipSync(Buffer.from(await (await fetch(base + src)).arrayBuffer()), { level: 9 }).byteLength;
  return total;
}

/**
 * How many of the server's connections ran a query since `since` (the
 * database's clock). pg_stat_activity shows each backend's last query start
 * at once, unlike pg_stat_database's counters, which a backend reports up to
 * 10 s late and which include autovacuum and the bench's own queries.
 */
async function serverQueriesSince(client: pg.Client, db: string, since: Date): Promise<number> {
  const { rows } = await client.query(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = $2 AND (query_start >= $3 OR backend_start >= $3)",
    [db, APP_NAME, since],
  );
  return rows[0].n;
}

const row = (name: string, value: number, unit: string, target: string, pass: boolean): BenchRow => ({
  name,
  value: Math.round(value * 100) / 100,
  unit,
  target,
  pass,
});

export async function runPublicBench(): Promise<BenchRow[]> {
  if (!existsSync(path.join(ROOT, DIST, "BUILD_ID"))) {
    throw new Error(`No build in ${DIST}: run \`NEXT_DIST_DIR=${DIST} npx next build\` first.`);
  }
  // Dynamic import: the harness helper is an ES module with top-level await,
  // which tsx cannot turn into the CommonJS this script runs as.
  const { createTestDatabase } = await import("../lib/test-database.mjs");
  const database = await createTestDatabase("rm_bench");
  const staticName = `bench-${process.pid}-${Date.now()}.html`;
  const staticPath = path.join(ROOT, "public", staticName);
  let server: ChildProcess | null = null;
  let redis: ChildProcess | null = null;
  let createdPublicDir = false;
  const stats = new pg.Client({ connectionString: database.url });
  try {
    const prisma = createPrismaClient(database.url);
    await seed(prisma);
    await prisma.$disconnect();
    await generateCases(database.url);

    const port = await freePort(3560);
    const base = `http://127.0.0.1:${port}`;
    // next start lists public/ when it starts: fetch the page once from a first
    // server, write its bytes as a static file, then restart for the runs.
    const serverUrl = new URL(database.url);
    serverUrl.searchParams.set("application_name", APP_NAME);
    server = await startNextServer({ databaseUrl: serverUrl.toString(), port: port, distDir: DIST });
    const html = Buffer.from(await (await fetch(base + REFERENCE)).arrayBuffer());
    await stopServer(server);
    createdPublicDir = !existsSync(path.dirname(staticPath));
    await mkdir(path.dirname(staticPath), { recursive: true });
    await writeFile(staticPath, html);
    server = await startNextServer({ databaseUrl: serverUrl.toString(), port: port, distDir: DIST });

    await fetch(base + REFERENCE); // first request renders and caches it
    const indexBytes = (await (await fetch(base + INDEX_FILTERED)).arrayBuffer()).byteLength;
    await stats.connect();
    // Each server process renders the page once, on its first request for it
    // (during the warm-up); from then on the timed run must not touch the database.
    let runStart = new Date();
    const page = await load(base + REFERENCE, async () => {
      runStart = (await stats.query("SELECT now() AS t")).rows[0].t;
    });
    const during = await serverQueriesSince(stats, database.name, runStart);
    const file = await load(`${base}/${staticName}`);
    const index = await load(base + INDEX_FILTERED);

    // Distinct views of the index are each a fresh query: time a few in turn.
    const cold: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      await fetch(`${base}/cases?sector=${["health", "housing", "policing"][i % 3]}&year=${2018 + (i % 8)}&page=${1 + i}`);
      cold.push(performance.now() - t0);
    }
    cold.sort((a, b) => a - b);

    const caseJs = await firstLoadJs(base, REFERENCE);
    const emptyJs = await firstLoadJs(base, "/cases/no-such-case-bench");
    const ratio = page.rps / file.rps;

    // The same page with REDIS_URL set (several instances share one Redis):
    // each read checks the entry's tags in Redis, the page itself comes from
    // the process's memory layer. A redis-server of the bench's own.
    await stopServer(server);
    server = null;
    const redisPort = await freePort(6390);
    redis = spawn("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    await new Promise((r) => setTimeout(r, 500));
    server = await startNextServer({
      databaseUrl: serverUrl.toString(),
      port,
      distDir: DIST,
      env: { REDIS_URL: `redis://127.0.0.1:${redisPort}`, REDIS_KEY_PREFIX: `bench-${process.pid}:` },
    });
    await fetch(base + REFERENCE);
    const redisPage = await load(base + REFERENCE);
    const redisRatio = redisPage.rps / file.rps;
    return [
      row("case page, cached: requests/s", page.rps, "req/s", "≥ 1000", page.rps >= 1000),
      row("case page, cached: p99 latency", page.p99, "ms", "≤ 50", page.p99 <= 50),
      row("case page, cached: server connections that queried the database during the timed run", during, "", "0", during === 0),
      row(`static file of the same size (${html.byteLength} B): requests/s`, file.rps, "req/s", "—", true),
      row("case page ÷ static file", ratio, "×", "≥ 0.4", ratio >= 0.4),
      row("case page, cached, with REDIS_URL: requests/s", redisPage.rps, "req/s", "≥ 1000", redisPage.rps >= 1000),
      row("case page, cached, with REDIS_URL: p99 latency", redisPage.p99, "ms", "≤ 50", redisPage.p99 <= 50),
      row("case page with REDIS_URL ÷ static file", redisRatio, "×", "≥ 0.4", redisRatio >= 0.4),
      row(
        `index with a filter (${GENERATED_CASES.toLocaleString("en-GB")} cases, ${indexBytes} B): p50`,
        index.p50,
        "ms",
        "≤ 100",
        index.p50 <= 100,
      ),
      row("index, 15 distinct uncached views in turn: median", cold[7]!, "ms", "—", true),
      row("first-load JS, case page (gzip)", caseJs / 1000, "kB", "—", true),
      row("first-load JS, empty page: the 404 page (gzip)", emptyJs / 1000, "kB", "—", true),
      row("first-load JS, case page minus empty page", (caseJs - emptyJs) / 1000, "kB", "≤ 100", caseJs - emptyJs <= 100_000),
    ];
  } finally {
    await stats.end().catch(() => {});
    if (server) await stopServer(server);
    redis?.kill("SIGKILL");
    await rm(staticPath, { force: true });
    if (createdPublicDir) await rm(path.dirname(staticPath), { recursive: true, force: true });
    await database.drop();
  }
}

if (process.argv[1]?.endsWith("public-bench.ts")) runAlone(runPublicBench);
