import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser, Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { formatRowError, parseCsvText } from "@/lib/domain/csv";
import { measureRow, reportedOnlyRow, toCsvText, type RowValues } from "@/lib/domain/csv/test-rows";
import { publishCase } from "@/modules/workspace/data/case-drafts";
import { commitImport, ImportRejectedError, previewImport } from "./case-import";

// CSV import against a real, migrated PostgreSQL: all or nothing, idempotent
// re-import, permissions per row's organisation.

const prisma = db();
let orgA: { id: string; slug: string };
let orgB: { id: string; slug: string };
const users: Record<string, CurrentUser> = {};
const approachKey = `approach-${randomUUID().slice(0, 6)}`;
const typeKey = `type-${randomUUID().slice(0, 6)}`;

async function makeUser(key: string, role: Role, organisationId: string | null) {
  const id = randomUUID();
  await prisma.user.create({ data: { id, name: `${key} user`, email: `${key}-${id}@example.test`, role, organisationId } });
  users[key] = { id, email: `${key}@example.test`, name: key, role, organisationId, organisationName: null };
}

const uniqueSlug = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** A two-case file for organisation A: three measures, one reported-only. */
function cleanFile(slugs = [uniqueSlug("import"), uniqueSlug("import")]) {
  const rows: RowValues[] = [
    measureRow({ case_slug: slugs[0], organisation_slug: orgA.slug }),
    reportedOnlyRow({ case_slug: slugs[0], organisation_slug: orgA.slug }),
    reportedOnlyRow({
      case_slug: slugs[1],
      organisation_slug: orgA.slug,
      case_title: "Front door",
      measure_label: "Referrals",
      reported_change: "-41",
    }),
  ];
  return { slugs, rows, text: toCsvText(rows) };
}

async function preview(actor: CurrentUser, text: string) {
  const parsed = parseCsvText(text);
  return previewImport(actor, parsed.records, parsed.errors);
}

async function rejection(promise: Promise<unknown>): Promise<string[]> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportRejectedError);
  return (err as ImportRejectedError).errors.map(formatRowError);
}

async function snapshot(slug: string) {
  const c = await prisma.caseStudy.findUniqueOrThrow({
    where: { slug },
    select: {
      id: true,
      revision: true,
      status: true,
      draftVersionId: true,
      publishedVersionId: true,
      draftVersion: { select: { measures: { select: { id: true, label: true }, orderBy: { position: "asc" } } } },
    },
  });
  const audits = await prisma.auditEvent.count({ where: { caseStudyId: c.id } });
  return { ...c, audits };
}

const caseCount = (slugs: string[]) => prisma.caseStudy.count({ where: { slug: { in: slugs } } });

beforeAll(async () => {
  orgA = await prisma.organisation.create({ data: { slug: uniqueSlug("org-a"), name: "Org A" }, select: { id: true, slug: true } });
  orgB = await prisma.organisation.create({ data: { slug: uniqueSlug("org-b"), name: "Org B" }, select: { id: true, slug: true } });
  await prisma.approach.create({ data: { key: approachKey, name: "Test approach", description: "For the import tests" } });
  await prisma.measureType.create({
    data: {
      key: typeKey,
      name: "Face-to-face time",
      definition: "Share of time face to face",
      countingUnit: "one hour",
      unit: "percent",
      direction: "higher_is_better",
      category: "capacity",
    },
  });
  await makeUser("admin", "admin", null);
  await makeUser("analyst", "analyst", orgA.id);
  await makeUser("otherAnalyst", "analyst", orgB.id);
  await makeUser("viewer", "viewer", orgA.id);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("CSV import", () => {
  it("refuses a file with errors, naming each row, and changes nothing", async () => {
    const { slugs, rows } = cleanFile();
    const text = toCsvText([rows[0]!, { ...rows[1]!, unit: "percent", reported_change: "", before: "146" }, rows[2]!]);
    const before = await prisma.auditEvent.count();

    const p = await preview(users.analyst!, text);
    expect(p.errors.map(formatRowError)).toEqual(["row 3, before: A percentage must be between 0 and 100"]);
    expect(p.plans.map((x) => x.action)).toEqual(["invalid", "create"]);

    expect(await rejection(commitImport(users.analyst!, text))).toEqual(["row 3, before: A percentage must be between 0 and 100"]);
    expect(await caseCount(slugs)).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(before);
  });

  it("imports a clean file as drafts, and importing it again changes nothing", async () => {
    const { slugs, text } = cleanFile();
    expect((await preview(users.analyst!, text)).plans.map((p) => [p.action, p.measureCount])).toEqual([
      ["create", 2],
      ["create", 1],
    ]);

    const first = await commitImport(users.analyst!, text);
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const imported = await snapshot(slugs[0]!);
    expect(imported.status).toBe("draft");
    expect(imported.publishedVersionId).toBeNull();
    expect(imported.draftVersion!.measures.map((m) => m.label)).toEqual(["Face-to-face time as % of total time", "Number of assessments"]);
    const stored = await prisma.measure.findFirstOrThrow({ where: { id: imported.draftVersion!.measures[1]!.id } });
    expect([stored.beforeValue, stored.afterValue, stored.reportedChange?.toNumber()]).toEqual([null, null, -64]);

    expect((await preview(users.analyst!, text)).plans.map((p) => p.action)).toEqual(["unchanged", "unchanged"]);
    const again = await commitImport(users.analyst!, text);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, changeCount: 0 });
    expect(await snapshot(slugs[0]!)).toEqual(imported);
  });

  it("stores every column, library keys included, exactly as a re-import reads it", async () => {
    const slug = uniqueSlug("full");
    const full = measureRow({
      case_slug: slug,
      organisation_slug: orgA.slug,
      approach_key: approachKey,
      case_summary: "Line one.\n\nLine two, with a comma, and “quotes”.",
      measure_type_key: typeKey,
      rate_basis: "per week",
      denominator: "of all contacts",
      before: "46.25",
      before_qualifier: "about",
      before_wording: "about 46%",
      after: "60",
      after_qualifier: "at_least",
      after_wording: "at least 60%",
      reported_change: "14",
      reported_change_basis: "percentage_points",
      reported_change_qualifier: "at_most",
      reported_change_wording: "+14 pp",
      before_period: "2022",
      after_period: "2024",
      sample_size: "1,240",
      measure_source_citation: "Survey, 2024",
      measure_source_url: "https://example.org/survey",
      notes: "=not a formula",
    });
    const text = toCsvText([
      full,
      reportedOnlyRow({ case_slug: slug, organisation_slug: orgA.slug, approach_key: approachKey, case_summary: full.case_summary }),
    ]);
    expect(await commitImport(users.analyst!, text)).toMatchObject({ created: 1 });
    const stored = await prisma.measure.findFirstOrThrow({
      where: { caseVersion: { draftOf: { slug } }, position: 0 },
      select: {
        measureType: { select: { key: true } },
        caseVersion: { select: { approach: { select: { key: true } }, reformShifts: true, interventionDate: true } },
        sampleSize: true,
        beforeValue: true,
      },
    });
    expect(stored).toMatchObject({
      measureType: { key: typeKey },
      caseVersion: { approach: { key: approachKey }, reformShifts: ["hospital_to_community", "sickness_to_prevention"] },
      sampleSize: 1240,
    });
    expect(stored.beforeValue?.toNumber()).toBe(46.25);
    expect(stored.caseVersion.interventionDate?.toISOString()).toBe("2023-04-01T00:00:00.000Z");
    expect(await commitImport(users.analyst!, text)).toMatchObject({ unchanged: 1, changeCount: 0 });
  });

  it("imports every evidence design, stores each field, and publishing computes each figure under its design", async () => {
    const slug = uniqueSlug("designs");
    const row = (fields: RowValues) =>
      reportedOnlyRow({ case_slug: slug, organisation_slug: orgA.slug, reported_change: "", reported_change_wording: "", ...fields });
    const text = toCsvText([
      row({
        measure_label: "Emergency admissions",
        design: "comparison_group",
        comparison_kind: "matched_control",
        comparison_description: "Matched residents",
        after: "88",
        comparison_after: "100",
        reported_change: "-12",
        ci_lower: "-19",
        ci_upper: "-5",
        p_value: "0.004",
        comparison_sample_size: "480",
        quote: "Emergency admissions were 12% lower.",
      }),
      row({
        measure_label: "Outpatient attendances",
        design: "difference_in_differences",
        comparison_kind: "comparison_site",
        comparison_description: "A neighbouring borough",
        before: "200",
        after: "150",
        comparison_before: "100",
        comparison_after: "90",
      }),
      row({ measure_label: "Readmissions", finding_direction: "no_clear_difference", quote: "No significant difference in readmissions." }),
      row({
        measure_label: "Savings",
        unit: "money",
        rate_basis: "a year",
        reported_change: "-400000",
        reported_change_basis: "absolute",
        modelled: "yes",
      }),
      row({
        measure_label: "Seen within two weeks",
        unit: "percent",
        direction: "higher_is_better",
        design: "against_target",
        after: "95",
        target: "93",
      }),
      row({
        measure_label: "Repeat requests",
        unit: "percent",
        before: "33.333333",
        before_qualifier: "about",
        before_words: "a third",
        after: "25",
        after_qualifier: "less_than",
        measure_evidence_level: "2",
        measure_evidence_level_reason: "Survey of staff",
        notes: "Shown",
        notes_public: "yes",
      }),
    ]);
    const result = await commitImport(users.analyst!, text);
    expect(result.created).toBe(1);
    const c = await prisma.caseStudy.findUniqueOrThrow({ where: { slug }, select: { id: true, revision: true, draftVersionId: true } });
    const measures = await prisma.measure.findMany({ where: { caseVersionId: c.draftVersionId! }, orderBy: { position: "asc" } });
    expect(measures.map((m) => m.design)).toEqual([
      "comparison_group",
      "difference_in_differences",
      "before_after",
      "before_after",
      "against_target",
      "before_after",
    ]);
    expect(measures[0]).toMatchObject({
      comparisonKind: "matched_control",
      comparisonSampleSize: 480,
      quote: "Emergency admissions were 12% lower.",
    });
    expect([measures[0]!.ciLower?.toNumber(), measures[0]!.ciUpper?.toNumber(), measures[0]!.pValue?.toNumber()]).toEqual([-19, -5, 0.004]);
    expect(measures[2]).toMatchObject({
      findingDirection: "no_clear_difference",
      beforeValue: null,
      afterValue: null,
      reportedChange: null,
    });
    expect(measures[3]).toMatchObject({ reportedChangeBasis: "absolute", modelled: true, rateBasis: "a year" });
    expect(measures[5]).toMatchObject({ beforeWords: "a third", afterQualifier: "less_than", evidenceLevel: 2, notesPublic: true });
    // The same file again changes nothing.
    expect((await commitImport(users.analyst!, text)).unchanged).toBe(1);

    await publishCase(users.analyst!, c.id, (await snapshot(slug)).revision, null);
    const figures = await prisma.measureFigure.findMany({
      where: { caseVersionId: c.draftVersionId! },
      include: { measure: { select: { label: true } } },
    });
    const byLabel = new Map(figures.map((f) => [f.measure.label, f]));
    expect(byLabel.get("Emergency admissions")).toMatchObject({
      design: "comparison_group",
      evidenceLevel: 3,
      hasInterval: true,
      poolStatus: "pooled",
    });
    expect(byLabel.get("Outpatient attendances")!.poolValue).toBeCloseTo(100 * Math.log(0.75 / 0.9), 9);
    expect(byLabel.get("Readmissions")).toMatchObject({ poolStatus: "words", outcome: "no_clear_difference" });
    expect(byLabel.get("Savings")).toMatchObject({ poolStatus: "absolute", outcome: "improved" });
    expect(byLabel.get("Seen within two weeks")).toMatchObject({ poolStatus: "not_comparable", outcome: "improved" });
    expect(byLabel.get("Repeat requests")).toMatchObject({ evidenceLevel: 2 });
  });

  it("refuses a design's missing pieces with the column named", async () => {
    const slug = uniqueSlug("bad-designs");
    const row = (fields: RowValues) => reportedOnlyRow({ case_slug: slug, organisation_slug: orgA.slug, reported_change: "", ...fields });
    const errors = await rejection(
      commitImport(
        users.analyst!,
        toCsvText([
          row({ design: "comparison_group", comparison_kind: "matched_control", reported_change: "-12" }),
          row({ measure_label: "B", reported_change: "-12", ci_lower: "5", ci_upper: "19" }),
          row({
            measure_label: "C",
            design: "difference_in_differences",
            comparison_kind: "other",
            comparison_description: "x",
            before: "1",
            after: "2",
          }),
          row({ measure_label: "D", finding_direction: "worsened" }),
        ]),
      ),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^row 2, comparison_description: Describe the comparison group/),
        expect.stringMatching(/^row 3, ci_lower: The estimate must lie within its interval/),
        expect.stringMatching(/^row 4, comparison_before: A difference-in-differences needs all four figures/),
        expect.stringMatching(/^row 5, quote: A finding in words needs the source's own sentence/),
      ]),
    );
    expect(await caseCount([slug])).toBe(0);
  });

  it("updates an existing case in place, matching measures by label whatever the case, so their ids survive", async () => {
    const { slugs, rows, text } = cleanFile();
    await commitImport(users.analyst!, text);
    const before = await snapshot(slugs[0]!);

    const changed = toCsvText([
      { ...rows[1]!, measure_label: "NUMBER OF ASSESSMENTS", reported_change: "-60" },
      rows[0]!,
      reportedOnlyRow({ case_slug: slugs[0], organisation_slug: orgA.slug, measure_label: "Referrals", reported_change: "-41" }),
      rows[2]!,
    ]);
    const p = await preview(users.analyst!, changed);
    expect(p.plans.map((x) => x.action)).toEqual(["update", "unchanged"]);

    const result = await commitImport(users.analyst!, changed);
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(result.changeCount).toBe(p.plans[0]!.changeCount);
    const after = await snapshot(slugs[0]!);
    expect(after.revision).toBe(before.revision + 1);
    expect(after.audits).toBe(before.audits + 1);
    const idOf = (s: typeof before, label: string) =>
      s.draftVersion!.measures.find((m) => m.label.toLowerCase() === label.toLowerCase())!.id;
    expect(idOf(after, "number of assessments")).toBe(idOf(before, "number of assessments"));
    expect(idOf(after, "Face-to-face time as % of total time")).toBe(idOf(before, "Face-to-face time as % of total time"));
    expect(after.draftVersion!.measures.map((m) => m.label)).toEqual([
      "NUMBER OF ASSESSMENTS",
      "Face-to-face time as % of total time",
      "Referrals",
    ]);
  });

  it("puts changes to a published case into a new draft and leaves the live version alone", async () => {
    const { slugs, rows, text } = cleanFile();
    await commitImport(users.analyst!, text);
    const { id, revision } = await snapshot(slugs[1]!);
    await publishCase(users.analyst!, id, revision, null);

    expect((await commitImport(users.analyst!, text)).unchanged).toBe(2);
    const result = await commitImport(users.analyst!, toCsvText([rows[0]!, rows[1]!, { ...rows[2]!, reported_change: "-40" }]));
    expect(result).toMatchObject({ updated: 1, unchanged: 1 });
    const after = await snapshot(slugs[1]!);
    expect(after.status).toBe("published");
    expect(after.draftVersionId).not.toBeNull();
    const live = await prisma.measure.findFirstOrThrow({ where: { caseVersionId: after.publishedVersionId! } });
    expect(live.reportedChange?.toNumber()).toBe(-41);
  });

  it("refuses a row for an organisation the analyst cannot edit, and imports none of the file", async () => {
    const { slugs, rows } = cleanFile();
    const text = toCsvText([rows[0]!, rows[1]!, { ...rows[2]!, organisation_slug: orgB.slug }]);
    const expected = [`row 4, organisation_slug: You cannot import cases into the organisation “${orgB.slug}”`];
    expect((await preview(users.analyst!, text)).errors.map(formatRowError)).toEqual(expected);
    expect(await rejection(commitImport(users.analyst!, text))).toEqual(expected);
    expect(await caseCount(slugs)).toBe(0);
  });

  it("refuses to change another organisation's existing case by reusing its slug", async () => {
    const { slugs, text } = cleanFile();
    await commitImport(users.analyst!, text);
    const hijack = toCsvText([reportedOnlyRow({ case_slug: slugs[0], organisation_slug: orgB.slug, case_title: "Taken over" })]);
    expect(await rejection(commitImport(users.otherAnalyst!, hijack))).toEqual([
      "row 2, case_slug: A case with this web address belongs to an organisation whose cases you cannot edit",
    ]);
  });

  it("refuses viewers, unknown organisations and unknown library keys, row by row", async () => {
    const { rows, text } = cleanFile();
    expect(await rejection(commitImport(users.viewer!, text))).toEqual([
      `row 2, organisation_slug: You cannot import cases into the organisation “${orgA.slug}”`,
      `row 4, organisation_slug: You cannot import cases into the organisation “${orgA.slug}”`,
    ]);
    const bad = toCsvText([
      { ...rows[0]!, organisation_slug: "no-such-org" },
      { ...rows[2]!, approach_key: "no-such-approach", measure_type_key: "no-such-type" },
    ]);
    expect(await rejection(commitImport(users.admin!, bad))).toEqual([
      "row 2, organisation_slug: No organisation has the slug “no-such-org”",
      "row 3, approach_key: No approach in the library has the key “no-such-approach”",
      "row 3, measure_type_key: No measure type in the library has the key “no-such-type”",
    ]);
  });

  describe("when the database refuses the last row", () => {
    // A constraint the zod schemas do not know about stands in for any database-level failure.
    beforeAll(() => prisma.$executeRawUnsafe(`ALTER TABLE measure ADD CONSTRAINT import_test_poison CHECK (label <> 'Poison') NOT VALID`));
    afterAll(() => prisma.$executeRawUnsafe(`ALTER TABLE measure DROP CONSTRAINT import_test_poison`));

    it("writes none of the new cases", async () => {
      const { slugs, rows } = cleanFile([uniqueSlug("import"), uniqueSlug("import"), uniqueSlug("import")]);
      const text = toCsvText([...rows, reportedOnlyRow({ case_slug: slugs[2], organisation_slug: orgA.slug, measure_label: "Poison" })]);
      const audits = await prisma.auditEvent.count();
      const messages = await rejection(commitImport(users.analyst!, text));
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(/^The database refused the new cases, so nothing was imported: .*import_test_poison/);
      expect(await caseCount(slugs)).toBe(0);
      expect(await prisma.auditEvent.count()).toBe(audits);
    });

    it("undoes the updates and creations before it when the last row updates an existing case", async () => {
      const existing = cleanFile();
      await commitImport(users.analyst!, existing.text);
      const before = await snapshot(existing.slugs[0]!);
      const fresh = uniqueSlug("import");
      const text = toCsvText([
        measureRow({ case_slug: fresh, organisation_slug: orgA.slug }),
        { ...existing.rows[0]!, after: "61" },
        existing.rows[1]!,
        { ...existing.rows[2]!, measure_label: "Poison" },
      ]);
      const messages = await rejection(commitImport(users.analyst!, text));
      expect(messages).toEqual([
        expect.stringMatching(
          new RegExp(`^row 5: The database refused case “${existing.slugs[1]}”, so nothing was imported: .*import_test_poison`),
        ),
      ]);
      expect(await caseCount([fresh])).toBe(0);
      expect(await snapshot(existing.slugs[0]!)).toEqual(before);
    });
  });
});
