// Speed targets of the analyst workspace (issue 3), on a fresh database of its own:
//   import of a 10,000-measure CSV (500 cases × 20 measures): preview + commit ≤ 5 s
//   import of the same 10,000 measures as an .xlsx file (other slugs): preview + commit ≤ 8 s
//   saving a case with 30 measures through saveDraft: ≤ 200 ms server time
// Run alone with `npx tsx scripts/bench/import-bench.ts`; `npm run bench` calls runImportBench().
// The database is made on the server in DATABASE_URL (or an embedded one) and dropped after.
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { runAlone, type BenchRow } from "./bench-kit";

const CASES = 500;
const MEASURES_PER_CASE = 20;
const IMPORT_TARGET_MS = 5000;
const XLSX_IMPORT_TARGET_MS = 8000;
const SAVE_TARGET_MS = 200;
const SAVE_RUNS = 15;

// The data modules start with `import "server-only"`, which throws outside React's server
// build. A bench is server code, so resolve it to the package's empty module, as
// vitest.config.mts does (tsx compiles these modules to CommonJS, so the require cache applies).
function allowServerOnlyImports() {
  const require = createRequire(__filename);
  const marker = require.resolve("server-only");
  require.cache[marker] = { id: marker, filename: marker, loaded: true, exports: {} } as NodeJS.Module;
}

type CsvModule = typeof import("../../lib/domain/csv");

/** 500 cases × 20 measures: before/after percentages, reported-only counts, rates, qualifiers and wording. */
function generateCsv(csv: CsvModule, organisationSlug: string): string {
  return csv.rowsToCsv(generateRows(organisationSlug, "bench-case"), csv.IMPORT_COLUMNS);
}

function generateRows(organisationSlug: string, slugPrefix: string): Array<Record<string, string | number>> {
  const rows: Array<Record<string, string | number>> = [];
  for (let c = 0; c < CASES; c++) {
    const shared = {
      case_slug: `${slugPrefix}-${c}`,
      case_title: `Bench case ${c}: integrated care, locality ${c % 37}`,
      organisation_slug: organisationSlug,
      sector: "health_and_social_care",
      reform_shifts: "hospital_to_community;sickness_to_prevention",
      intervention_date: "2023-04-01",
      baseline_period: "2022",
      follow_up_period: "2024",
      case_source_citation: `Council evaluation report ${c}, 2024`,
      case_source_url: `https://example.org/report/${c}`,
      evidence_level: 1 + (c % 3),
      case_summary: "Staff worked to relational principles.\n\nFigures as reported by the council.",
    };
    for (let m = 0; m < MEASURES_PER_CASE; m++) {
      const kind = m % 3;
      rows.push({
        ...shared,
        measure_label: `Measure ${m} of case ${c}`,
        ...(kind === 0
          ? {
              unit: "percent",
              direction: "lower_is_better",
              before: 40 + (m % 50),
              after: 20 + (c % 30),
              before_wording: "over 40%",
              after_qualifier: "about",
            }
          : kind === 1
            ? {
                unit: "count",
                direction: "lower_is_better",
                reported_change: -((m * 7 + c) % 90),
                reported_change_wording: "down by a third",
                reported_change_basis: "percent",
              }
            : {
                unit: "rate",
                rate_basis: "per week",
                direction: "higher_is_better",
                before: 10.5 + m,
                after: 12.25 + m,
                sample_size: 100 + c,
              }),
        notes: m === 0 ? "=not a formula" : "",
      });
    }
  }
  return rows;
}

/** Wall time, and this process's CPU time (PostgreSQL's work and other processes' load are not in it). */
async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return { ms: Math.round(performance.now() - start), cpuMs: Math.round((used.user + used.system) / 1000), value };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runImportBench(): Promise<BenchRow[]> {
  // A dynamic import: the helper is an ES module with top-level await, this file compiles to CommonJS.
  const { createTestDatabase } = await import("../lib/test-database.mjs");
  const database = await createTestDatabase("rm_bench_import");
  const previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = database.url;
  allowServerOnlyImports();
  const { db } = await import("../../lib/db");
  try {
    const csv = await import("../../lib/domain/csv");
    const { previewImport, commitImport } = await import("@/modules/import/data/case-import");
    const { createCase, saveDraft } = await import("@/modules/workspace/data/case-drafts");
    const { caseInputSchema } = await import("../../lib/schemas/case");

    const prisma = db();
    const organisation = await prisma.organisation.create({ data: { slug: "bench-organisation", name: "Bench organisation" } });
    const userId = randomUUID();
    await prisma.user.create({
      data: { id: userId, name: "Bench analyst", email: "bench@example.test", role: "analyst", organisationId: organisation.id },
    });
    const actor = {
      id: userId,
      email: "bench@example.test",
      name: "Bench analyst",
      role: "analyst" as const,
      organisationId: organisation.id,
      organisationName: organisation.name,
    };

    const text = generateCsv(csv, organisation.slug);
    // A running server has compiled its code paths already: warm them with a one-case file first.
    const warmUp = csv.parseCsvText(text.split("\r\n").slice(0, 3).join("\r\n"));
    await previewImport(actor, warmUp.records, warmUp.errors);
    const previewOf = async () => {
      const parsed = csv.parseCsvText(text);
      return previewImport(actor, parsed.records, parsed.errors);
    };
    const preview = await time(previewOf);
    if (preview.value.errors.length)
      throw new Error(`The generated CSV has errors: ${preview.value.errors.slice(0, 3).map(csv.formatRowError).join("; ")}`);
    const commit = await time(() => commitImport(actor, text));
    if (commit.value.created !== CASES) throw new Error(`Expected ${CASES} cases created, got ${commit.value.created}`);
    const rePreview = await time(previewOf);
    const reCommit = await time(() => commitImport(actor, text));
    if (reCommit.value.unchanged !== CASES)
      throw new Error(`Expected a re-import to change nothing, got ${JSON.stringify(reCommit.value)}`);

    // The same 10,000 measures as an Excel file (other slugs, so they are new cases): read, map, preview, commit.
    const { writeXlsx } = await import("../../lib/xlsx/write-xlsx");
    const { readImportFile, prepareRecords } = await import("@/modules/import/data/import-source");
    const xlsxBytes = await writeXlsx({
      sheetName: "Cases",
      columns: csv.IMPORT_COLUMNS,
      rows: generateRows(organisation.slug, "bench-xlsx-case"),
      docs: [],
    });
    const readXlsx = async () => prepareRecords((await readImportFile(new Uint8Array(xlsxBytes))).table).parsed;
    const xlsxPreview = await time(async () => {
      const parsed = await readXlsx();
      return previewImport(actor, parsed.records, parsed.errors);
    });
    if (xlsxPreview.value.errors.length)
      throw new Error(`The generated .xlsx has errors: ${xlsxPreview.value.errors.slice(0, 3).map(csv.formatRowError).join("; ")}`);
    const xlsxCommit = await time(async () => commitImport(actor, await readXlsx()));
    if (xlsxCommit.value.created !== CASES) throw new Error(`Expected ${CASES} cases from the .xlsx, got ${xlsxCommit.value.created}`);

    // Saving a case with 30 measures: each save changes one figure, so every run writes.
    const measures = Array.from({ length: 30 }, (_, i) => ({
      label: `Measure ${i}`,
      unit: "count",
      direction: "lower_is_better",
      before: String(100 + i),
      after: String(80 + i),
    }));
    const base = {
      title: "Thirty measures",
      slug: "bench-thirty",
      organisationId: organisation.id,
      sector: "health",
      sourceCitation: "Bench",
      evidenceLevel: 1,
    };
    const created = await createCase(actor, caseInputSchema.parse({ ...base, measures }));
    const saveTimes: number[] = [];
    let revision = (await prisma.caseStudy.findUniqueOrThrow({ where: { id: created.id }, select: { revision: true } })).revision;
    const currentIds = async () =>
      (
        await prisma.measure.findMany({
          where: { caseVersion: { draftOf: { id: created.id } } },
          orderBy: { position: "asc" },
          select: { id: true },
        })
      ).map((m) => m.id);
    const ids = await currentIds();
    for (let run = 0; run < SAVE_RUNS; run++) {
      const input = caseInputSchema.parse({
        ...base,
        measures: measures.map((m, i) => ({ ...m, id: ids[i], after: i === run % 30 ? String(50 + run) : m.after })),
      });
      const saved = await time(() => saveDraft(actor, created.id, input, revision, null));
      revision = saved.value.revision;
      saveTimes.push(saved.ms);
    }

    const importTotal = preview.ms + commit.ms;
    const rows = CASES * MEASURES_PER_CASE;
    return [
      { name: `import ${rows} measures: preview`, value: preview.ms, unit: "ms", target: "—", pass: true },
      { name: `import ${rows} measures: commit`, value: commit.ms, unit: "ms", target: "—", pass: true },
      { name: `import ${rows} measures: Node CPU time of both`, value: preview.cpuMs + commit.cpuMs, unit: "ms", target: "—", pass: true },
      {
        name: `import ${rows} measures: preview + commit`,
        value: importTotal,
        unit: "ms",
        target: `≤ ${IMPORT_TARGET_MS} ms`,
        pass: importTotal <= IMPORT_TARGET_MS,
      },
      {
        name: `import ${rows} measures from .xlsx (${Math.round(xlsxBytes.byteLength / 1024)} kB): preview + commit`,
        value: xlsxPreview.ms + xlsxCommit.ms,
        unit: "ms",
        target: `≤ ${XLSX_IMPORT_TARGET_MS} ms`,
        pass: xlsxPreview.ms + xlsxCommit.ms <= XLSX_IMPORT_TARGET_MS,
      },
      {
        name: `re-import same file (no changes): preview + commit`,
        value: rePreview.ms + reCommit.ms,
        unit: "ms",
        target: `≤ ${IMPORT_TARGET_MS} ms`,
        pass: rePreview.ms + reCommit.ms <= IMPORT_TARGET_MS,
      },
      {
        name: `save a case with 30 measures (median of ${SAVE_RUNS})`,
        value: median(saveTimes),
        unit: "ms",
        target: `≤ ${SAVE_TARGET_MS} ms`,
        pass: median(saveTimes) <= SAVE_TARGET_MS,
      },
    ];
  } finally {
    await db().$disconnect();
    // lib/db.ts caches the client on globalThis: forget it, so a later bench gets its own database.
    delete (globalThis as { prisma?: unknown }).prisma;
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    await database.drop();
  }
}

if (require.main === module) runAlone(runImportBench);
