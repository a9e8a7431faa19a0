// The migrations folder against the schema, and the database rules that live
// only in the migrations (CHECK constraints and the "published versions are
// frozen" triggers).
//
// Needs (from scripts/test/integration-global-setup.ts):
//   DATABASE_URL     a fresh database with all migrations applied;
//   TEST_SERVER_URL  the server's maintenance database, whose role may CREATE
//                    DATABASE (the drift check replays the migrations into a
//                    shadow database it creates and drops).
import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const migrateScript = path.join(root, "scripts", "migrate.mjs");

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (the integration global setup provides it)`);
  return value;
}

/** Run `node scripts/migrate.mjs …`; resolves with the exit code and output, never rejects on exit codes. */
function runMigrate(args: string[], databaseUrl: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [migrateScript, ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, DEBUG: "" }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe("drift check (scripts/migrate.mjs check)", () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), "migrations-test-"));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it("reports prisma/migrations in sync with prisma/schema.prisma", async () => {
    const result = await runMigrate(["check"], requireEnv("TEST_SERVER_URL"));
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("in sync");
    expect(result.code).toBe(0);
  });

  it("fails, printing the SQL, when the schema has a change with no migration", async () => {
    const schemaPath = path.join(tmp, "schema.prisma");
    await copyFile(path.join(root, "prisma", "schema.prisma"), schemaPath);
    const schema = await readFile(schemaPath, "utf8");
    expect(schema).toContain("model Organisation {");
    await writeFile(schemaPath, schema.replace("model Organisation {", 'model Organisation {\n  driftProbe String? @map("drift_probe")'));
    const result = await runMigrate(["check", "--schema", schemaPath], requireEnv("TEST_SERVER_URL"));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/ALTER TABLE "organisation" ADD COLUMN\s+"drift_probe" TEXT/);
  });
});

describe("database rules from the constraints migration", () => {
  let client: pg.Client;
  const ids = {
    org: "00000000-0000-7000-8000-000000000001",
    case: "00000000-0000-7000-8000-000000000002",
    version: "00000000-0000-7000-8000-000000000003",
    measure: "00000000-0000-7000-8000-000000000004",
  };

  beforeAll(async () => {
    client = new pg.Client({ connectionString: requireEnv("DATABASE_URL") });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
  });

  // Every test runs in a transaction that is rolled back: the database is
  // left as it was, whatever other test files expect to find in it.
  beforeEach(async () => {
    await client.query("BEGIN");
    await client.query(`INSERT INTO organisation (id, slug, name, updated_at) VALUES ($1, 'test-org', 'Test org', now())`, [ids.org]);
    await client.query(`INSERT INTO case_study (id, slug, organisation_id, updated_at) VALUES ($1, 'test-case', $2, now())`, [
      ids.case,
      ids.org,
    ]);
    await client.query(
      `INSERT INTO case_version (id, case_study_id, title, sector, source_citation, updated_at)
       VALUES ($1, $2, 'A draft', 'health', 'A source', now())`,
      [ids.version, ids.case],
    );
    await insertMeasure({ id: ids.measure, before_value: 10, after_value: 5 });
    await client.query(`INSERT INTO observation (id, measure_id, date, value) VALUES (gen_random_uuid(), $1, '2024-01-01', 7)`, [
      ids.measure,
    ]);
  });
  afterEach(async () => {
    await client.query("ROLLBACK");
  });

  function insertMeasure(fields: Record<string, unknown>) {
    const row: Record<string, unknown> = {
      id: "00000000-0000-7000-8000-0000000000ff",
      case_version_id: ids.version,
      label: "Assessments",
      unit: "count",
      direction: "lower_is_better",
      updated_at: new Date(),
      ...fields,
    };
    const columns = Object.keys(row);
    return client.query(
      `INSERT INTO measure (${columns.map((c) => `"${c}"`).join(", ")})
       VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
      Object.values(row),
    );
  }

  const randomId = (n: number) => `00000000-0000-7000-8000-0000000001${String(n).padStart(2, "0")}`;

  /** Expect `action` to fail with the given SQLSTATE (and constraint name); the transaction survives. */
  async function expectRejected(action: () => Promise<unknown>, code: string, constraint?: string) {
    await client.query("SAVEPOINT attempt");
    const error = await action().then(
      () => null,
      (e: pg.DatabaseError) => e,
    );
    await client.query("ROLLBACK TO SAVEPOINT attempt");
    expect(error, "the statement should have been rejected").not.toBeNull();
    expect(error?.code).toBe(code);
    if (constraint) expect(error?.constraint).toBe(constraint);
  }

  async function publish() {
    await client.query(`UPDATE case_version SET number = 1, published_at = now() WHERE id = $1`, [ids.version]);
    await client.query(`UPDATE case_study SET published_version_id = $1, status = 'published' WHERE id = $2`, [ids.version, ids.case]);
  }

  it("refuses a measure with no figure at all", async () => {
    await expectRejected(() => insertMeasure({}), "23514", "measure_has_a_figure_check");
    await insertMeasure({ reported_change: -64 }); // one figure is enough
  });

  it("refuses a percentage outside 0..100", async () => {
    await expectRejected(() => insertMeasure({ unit: "percent", before_value: 120 }), "23514", "measure_percent_range_check");
    await expectRejected(
      () => insertMeasure({ unit: "percent", reported_change: -120, reported_change_basis: "percentage_points" }),
      "23514",
      "measure_percentage_points_range_check",
    );
    // A relative change of a percentage may exceed 100 (e.g. +150%).
    await insertMeasure({ unit: "percent", before_value: 20, after_value: 50, reported_change: 150 });
  });

  it("refuses other malformed rows", async () => {
    await expectRejected(() => insertMeasure({ unit: "rate", after_value: 3 }), "23514", "measure_rate_basis_check");
    await expectRejected(() => insertMeasure({ label: "  ", after_value: 3 }), "23514", "measure_label_check");
    await expectRejected(
      () => client.query(`UPDATE case_version SET evidence_level = 6 WHERE id = $1`, [ids.version]),
      "23514",
      "case_version_evidence_level_check",
    );
    await expectRejected(
      () => client.query(`UPDATE case_version SET number = 1 WHERE id = $1`, [ids.version]),
      "23514",
      "case_version_number_iff_published_check",
    );
    await expectRejected(
      () => client.query(`UPDATE case_study SET slug = 'Not A Slug' WHERE id = $1`, [ids.case]),
      "23514",
      "case_study_slug_check",
    );
  });

  it("evidence designs: an interval holds its estimate, a comparison group is described, a DiD has four figures or an estimate", async () => {
    const reject = (fields: Record<string, unknown>, constraint: string) =>
      expectRejected(() => insertMeasure(fields), "23514", constraint);
    const matched = { design: "comparison_group", comparison_kind: "matched_control", comparison_description: "Matched residents" };
    // Intervals: both ends, containing the reported estimate, a level of 50 to 99.9.
    await reject({ ...matched, reported_change: -12, ci_lower: -19 }, "measure_interval_check");
    await reject({ ...matched, reported_change: -12, ci_lower: 5, ci_upper: 19 }, "measure_interval_check");
    await reject({ ...matched, after_value: 3, ci_lower: -19, ci_upper: -5 }, "measure_interval_check");
    await reject({ ...matched, reported_change: -12, ci_lower: -19, ci_upper: -5, ci_level: 40 }, "measure_interval_check");
    await reject({ ...matched, reported_change: -12, p_value: 1.5 }, "measure_p_value_check");
    // A comparison design needs its group's kind and description; a before/after has none.
    await reject(
      { design: "comparison_group", comparison_kind: "matched_control", reported_change: -12 },
      "measure_comparison_group_check",
    );
    await reject({ after_value: 3, comparison_kind: "matched_control", comparison_description: "x" }, "measure_comparison_group_check");
    await reject({ after_value: 3, comparison_after: 4 }, "measure_comparison_values_check");
    await reject({ ...matched, comparison_before: 4, after_value: 3 }, "measure_comparison_values_check");
    // A DiD: all four figures, or the reported estimate.
    const did = { ...matched, design: "difference_in_differences" };
    await reject({ ...did, before_value: 10, after_value: 8, comparison_after: 9 }, "measure_difference_in_differences_check");
    await reject({ unit: "percent", ...matched, after_value: 30, comparison_after: 140 }, "measure_comparison_percent_range_check");
    // A finding in words needs its direction and the source's sentence; an evidence level needs a reason.
    await reject({ finding_direction: "no_clear_difference" }, "measure_has_a_figure_check");
    await reject({ after_value: 3, evidence_level: 4 }, "measure_evidence_level_check");

    await insertMeasure({ id: randomId(1), ...matched, reported_change: -12, ci_lower: -19, ci_upper: -5, ci_level: 95, p_value: 0.01 });
    await insertMeasure({ id: randomId(2), ...did, before_value: 10, after_value: 8, comparison_before: 10, comparison_after: 9 });
    await insertMeasure({ id: randomId(3), ...did, reported_change: -9 });
    await insertMeasure({ id: randomId(4), finding_direction: "no_clear_difference", quote: "No significant difference." });
    await insertMeasure({ id: randomId(5), after_value: 3, evidence_level: 3, evidence_level_reason: "Adjusted for season" });
    await insertMeasure({ id: randomId(6), unit: "money", reported_change: -400000, reported_change_basis: "absolute", modelled: true });
  });

  it("freezes a published version, its measures and its observations", async () => {
    await publish();
    await expectRejected(() => client.query(`UPDATE case_version SET title = 'Changed' WHERE id = $1`, [ids.version]), "55000");
    await expectRejected(() => client.query(`UPDATE measure SET label = 'Changed' WHERE id = $1`, [ids.measure]), "55000");
    await expectRejected(() => client.query(`DELETE FROM measure WHERE id = $1`, [ids.measure]), "55000");
    await expectRejected(() => insertMeasure({ after_value: 1 }), "55000");
    await expectRejected(() => client.query(`UPDATE observation SET value = 8 WHERE measure_id = $1`, [ids.measure]), "55000");
    await expectRejected(
      () =>
        client.query(`INSERT INTO observation (id, measure_id, date, value) VALUES (gen_random_uuid(), $1, '2024-02-01', 1)`, [
          ids.measure,
        ]),
      "55000",
    );
  });

  it("still deletes a whole case study with a published version (cascade)", async () => {
    await publish();
    await client.query(`DELETE FROM case_study WHERE id = $1`, [ids.case]);
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM case_version WHERE case_study_id = $1)::int AS versions,
              (SELECT count(*) FROM measure WHERE id = $2)::int AS measures,
              (SELECT count(*) FROM observation WHERE measure_id = $2)::int AS observations`,
      [ids.case, ids.measure],
    );
    expect(rows[0]).toEqual({ versions: 0, measures: 0, observations: 0 });
  });

  it("lets a user who published a version be deleted (published_by_id set to null)", async () => {
    await client.query(`INSERT INTO "user" (id, name, email, updated_at) VALUES ('test-user', 'T', 't@example.org', now())`);
    await client.query(`UPDATE case_version SET published_by_id = 'test-user' WHERE id = $1`, [ids.version]);
    await publish();
    await client.query(`DELETE FROM "user" WHERE id = 'test-user'`);
    const { rows } = await client.query(`SELECT published_by_id FROM case_version WHERE id = $1`, [ids.version]);
    expect(rows[0]).toEqual({ published_by_id: null });
  });
});
