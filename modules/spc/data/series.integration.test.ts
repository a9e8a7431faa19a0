import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser, Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { computePhaseMeansHeadline } from "@/lib/domain/series";
import { caseInputSchema } from "@/lib/schemas/case";
import { seriesInputSchema, type SeriesInput } from "@/lib/schemas/series";
import { ConflictError, ForbiddenError, InputError, NotFoundError, createCase, publishCase } from "@/modules/workspace/data/case-drafts";
import { parseExplorerFilters } from "@/lib/schemas/comparison";
import { getComparedCases } from "@/modules/compare/data/comparisons";
import { getMeasureExplorer, getMeasureType } from "@/modules/compare/data/measure-library";
import { getPublishedCase } from "@/modules/cases/data/public-cases";
import { recomputeFigures } from "@/modules/workspace/data/recompute-figures";
import { getDraftSeriesForCase, getMeasureSeries, getPublishedSeriesForCase, listSeriesSignals, replaceMeasureSeries } from "./series";

// The series write path against a real, migrated PostgreSQL: replace on a
// draft, permission, optimistic locking, the frozen published version, the
// audit row; and the reads the public page and the explorer use.

const prisma = db();
let orgA: string;
let orgB: string;
let typeKey: string;
const users: Record<string, CurrentUser> = {};

async function makeUser(key: string, role: Role, organisationId: string | null) {
  const id = randomUUID();
  await prisma.user.create({ data: { id, name: `${key} user`, email: `${key}-${id}@example.test`, role, organisationId } });
  users[key] = { id, email: `${key}@example.test`, name: key, role, organisationId, organisationName: null };
}

const monthly = (from: string, values: number[]) =>
  values.map((value, i) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + i);
    return { date: d.toISOString().slice(0, 10), value, annotation: null };
  });

// 14 months around 60, then 14 around 30 from January 2024 (the intervention).
const SHIFT = monthly(
  "2022-11-01",
  [58, 62, 59, 61, 60, 63, 57, 60, 61, 59, 62, 58, 60, 60, 31, 29, 30, 32, 28, 30, 31, 29, 30, 30, 32, 28, 29, 31],
);

async function newCase(entered = { before: "60", after: "30" }) {
  const input = caseInputSchema.parse({
    title: "Front door redesign",
    slug: `series-${randomUUID().slice(0, 8)}`,
    organisationId: orgA,
    sector: "social_care",
    sourceCitation: "Council report, 2024",
    evidenceLevel: 1,
    interventionDate: "2024-01-01",
    measures: [
      { label: "Failure demand", unit: "percent", direction: "lower_is_better", ...entered, measureTypeKey: typeKey },
      { label: "Referrals", unit: "count", direction: "lower_is_better", before: "100", after: "59", measureTypeKey: typeKey },
    ],
  });
  const created = await createCase(users.analyst!, input);
  const data = (await getDraftSeriesForCase(users.analyst!, created.id))!;
  return { ...created, revision: data.revision, measureIds: data.measures.map((m) => m.measureId) };
}

function seriesInput(c: { id: string; revision: number; measureIds: string[] }, over: Partial<SeriesInput> = {}): SeriesInput {
  return seriesInputSchema.parse({
    caseId: c.id,
    measureId: c.measureIds[0],
    revision: c.revision,
    points: SHIFT,
    rebaseDates: [],
    target: null,
    runLength: 7,
    headlineMethod: "figures",
    ...over,
  });
}

beforeAll(async () => {
  orgA = (await prisma.organisation.create({ data: { slug: `org-a-${randomUUID().slice(0, 6)}`, name: "Org A" } })).id;
  orgB = (await prisma.organisation.create({ data: { slug: `org-b-${randomUUID().slice(0, 6)}`, name: "Org B" } })).id;
  typeKey = `series-test-${randomUUID().slice(0, 6)}`;
  await prisma.measureType.create({
    data: {
      key: typeKey,
      name: "Series test measure",
      definition: "Test",
      countingUnit: "one",
      unit: "percent",
      direction: "lower_is_better",
      category: "failure_demand",
    },
  });
  await makeUser("admin", "admin", null);
  await makeUser("analyst", "analyst", orgA);
  await makeUser("otherAnalyst", "analyst", orgB);
  await makeUser("viewer", "viewer", orgA);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("replaceMeasureSeries", () => {
  it("replaces a draft measure's series in one go, bumps the revision and records an audit event", async () => {
    const c = await newCase();
    const first = await replaceMeasureSeries(users.analyst!, seriesInput(c, { target: 25, rebaseDates: ["2023-06-01"] }));
    expect(first.revision).toBe(c.revision + 1);
    expect(first.measureId).toBe(c.measureIds[0]);

    const second = await replaceMeasureSeries(
      users.analyst!,
      seriesInput({ ...c, revision: first.revision }, { points: SHIFT.slice(0, 5) }),
    );
    expect(second.revision).toBe(first.revision + 1);
    const stored = await prisma.observation.findMany({ where: { measureId: c.measureIds[0] }, orderBy: { date: "asc" } });
    expect(stored.map((o) => [o.date.toISOString().slice(0, 10), o.value.toNumber()])).toEqual(
      SHIFT.slice(0, 5).map((p) => [p.date, p.value]),
    );

    const draft = (await getDraftSeriesForCase(users.analyst!, c.id))!;
    expect(draft.measures[0]).toMatchObject({ target: null, rebaseDates: [], interventionDate: "2024-01-01" });
    expect(draft.measures[1]!.points).toEqual([]);

    const audit = await prisma.auditEvent.findMany({ where: { caseStudyId: c.id, entityType: "measure_series" }, orderBy: { id: "asc" } });
    expect(audit).toHaveLength(2);
    expect(audit[0]!.changes).toEqual([
      { field: "measures[Failure demand].series", from: "none", to: "28 points, 2022-11-01 to 2025-02-01" },
      { field: "measures[Failure demand].target", from: null, to: 25 },
      { field: "measures[Failure demand].rebaseDates", from: null, to: "2023-06-01" },
      // No frequency given (an older caller): stored as the dates look.
      { field: "measures[Failure demand].seriesFrequency", from: null, to: "monthly" },
    ]);
  });

  it("stores the SPC options and the frequency, audits them, and the database refuses a fix-after below 12", async () => {
    const c = await newCase();
    const r = await replaceMeasureSeries(
      users.analyst!,
      seriesInput(c, { screenOutliers: false, fixAfterPoints: 12, frequency: "monthly" }),
    );
    expect(r.changes).toEqual(
      expect.arrayContaining([
        { field: "measures[Failure demand].spcScreenOutliers", from: true, to: false },
        { field: "measures[Failure demand].spcFixAfterPoints", from: null, to: 12 },
        { field: "measures[Failure demand].seriesFrequency", from: null, to: "monthly" },
      ]),
    );
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { caseStudyId: c.id, entityType: "measure_series" } });
    expect(audit.changes).toContainEqual({ field: "measures[Failure demand].spcFixAfterPoints", from: null, to: 12 });
    const draft = (await getDraftSeriesForCase(users.analyst!, c.id))!;
    expect(draft.measures[0]).toMatchObject({ screenOutliers: false, fixAfterPoints: 12, frequency: "monthly" });

    // zod mirrors the CHECK constraint, with a message for the field.
    const low = seriesInputSchema.safeParse({ ...seriesInput(c), fixAfterPoints: 11 });
    expect(low.success).toBe(false);
    expect(low.error?.issues[0]).toMatchObject({ path: ["fixAfterPoints"], message: expect.stringMatching(/12 points or more/) });
    expect(seriesInputSchema.safeParse({ ...seriesInput(c), fixAfterPoints: 1001 }).success).toBe(false);
    expect(seriesInputSchema.safeParse({ ...seriesInput(c), frequency: "fortnightly" }).success).toBe(false);
    await expect(prisma.measure.update({ where: { id: c.measureIds[0] }, data: { spcFixAfterPoints: 11 } })).rejects.toThrow(
      /measure_spc_fix_after_points_range/,
    );
  });

  it("a yearly series (a four-year trend before the reform) is saved and read back with its frequency", async () => {
    const c = await newCase();
    const points = [
      ["2020-04-01", 64],
      ["2021-04-01", 61],
      ["2022-04-01", 58],
      ["2023-04-01", 55],
      ["2024-04-01", 30],
    ].map(([date, value]) => ({ date: date as string, value: value as number, annotation: null }));
    await replaceMeasureSeries(users.analyst!, seriesInput(c, { points, frequency: "yearly" }));
    const draft = (await getDraftSeriesForCase(users.analyst!, c.id))!;
    expect(draft.measures[0]).toMatchObject({ frequency: "yearly", points: points });
    // Two points in one year are refused by the schema, on the point's date.
    const twice = seriesInputSchema.safeParse({
      ...seriesInput(c),
      frequency: "yearly",
      points: [...points, { date: "2025-03-31", value: 1, annotation: null }],
    });
    expect(twice.error?.issues).toEqual([
      expect.objectContaining({
        path: ["points", 5, "date"],
        message: "31 March 2025 is in the same year as the point before (2024/25): keep one value per year.",
      }),
    ]);
  });

  it("stores the run length N, audits it, and the database refuses one out of range", async () => {
    const c = await newCase();
    const r = await replaceMeasureSeries(users.analyst!, seriesInput(c, { runLength: 6 }));
    expect(r.changes).toContainEqual({ field: "measures[Failure demand].spcRunLength", from: 7, to: 6 });
    const draft = (await getDraftSeriesForCase(users.analyst!, c.id))!;
    expect(draft.measures[0]!.runLength).toBe(6);
    expect(seriesInputSchema.safeParse({ ...seriesInput(c), runLength: 4 }).success).toBe(false);
    expect(seriesInputSchema.safeParse({ ...seriesInput(c), runLength: 13 }).success).toBe(false);
    await expect(prisma.measure.update({ where: { id: c.measureIds[0] }, data: { spcRunLength: 13 } })).rejects.toThrow(
      /measure_spc_run_length_range/,
    );
  });

  it("saving the same series again changes nothing and keeps the revision", async () => {
    const c = await newCase();
    const r = await replaceMeasureSeries(users.analyst!, seriesInput(c));
    const again = await replaceMeasureSeries(users.analyst!, seriesInput({ ...c, revision: r.revision }));
    expect(again).toMatchObject({ revision: r.revision, changes: [] });
  });

  it("refuses another organisation's analyst as if the case did not exist, and a viewer outright", async () => {
    const c = await newCase();
    await expect(replaceMeasureSeries(users.otherAnalyst!, seriesInput(c))).rejects.toBeInstanceOf(NotFoundError);
    await expect(replaceMeasureSeries(users.viewer!, seriesInput(c))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getDraftSeriesForCase(users.otherAnalyst!, c.id)).toBeNull();
    expect(await getMeasureSeries(users.otherAnalyst!, c.measureIds[0]!)).toBeNull();
    expect((await getDraftSeriesForCase(users.viewer!, c.id))!.canEdit).toBe(false);
    expect(await prisma.observation.count({ where: { measureId: c.measureIds[0] } })).toBe(0);
    // an admin may edit any organisation's case
    await expect(replaceMeasureSeries(users.admin!, seriesInput(c))).resolves.toMatchObject({ revision: c.revision + 1 });
  });

  it("refuses a save that quotes an old revision (someone else saved first)", async () => {
    const c = await newCase();
    await replaceMeasureSeries(users.analyst!, seriesInput(c));
    const stale = replaceMeasureSeries(users.analyst!, seriesInput(c, { points: SHIFT.slice(0, 3) }));
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    expect(await prisma.observation.count({ where: { measureId: c.measureIds[0] } })).toBe(SHIFT.length);
  });

  it("refuses values that do not fit the unit, a measure of another case, and an impossible headline method", async () => {
    const c = await newCase();
    const bad = seriesInput(c, { points: [{ date: "2024-01-01", value: 120, annotation: null }] });
    await expect(replaceMeasureSeries(users.analyst!, bad)).rejects.toMatchObject({
      fieldErrors: { "points.0.value": ["120 is a percentage, so it must be between 0 and 100"] },
    });
    const other = await newCase();
    await expect(replaceMeasureSeries(users.analyst!, seriesInput({ ...c, measureIds: other.measureIds }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const before = seriesInput(c, { points: SHIFT.slice(0, 10), headlineMethod: "series_phase_means" });
    await expect(replaceMeasureSeries(users.analyst!, before)).rejects.toBeInstanceOf(InputError);
  });

  it("leaves a published version's observations untouchable: the save goes to a new draft", async () => {
    const c = await newCase();
    const saved = await replaceMeasureSeries(users.analyst!, seriesInput(c, { headlineMethod: "series_phase_means" }));
    await publishCase(users.analyst!, c.id, saved.revision, null);
    const published = await prisma.caseStudy.findUniqueOrThrow({
      where: { id: c.id },
      select: { revision: true, publishedVersionId: true, draftVersionId: true },
    });
    expect(published.draftVersionId).toBeNull();

    // The database refuses any direct change to the published version's series.
    await expect(prisma.observation.deleteMany({ where: { measureId: c.measureIds[0] } })).rejects.toThrow(/published/);
    await expect(
      prisma.observation.create({ data: { measureId: c.measureIds[0]!, date: new Date("2030-01-01"), value: 1 } }),
    ).rejects.toThrow(/published/);

    // Through the data layer, the edit makes a draft with copied measures; the live series is unchanged.
    const edited = await replaceMeasureSeries(
      users.analyst!,
      seriesInput({ ...c, revision: published.revision }, { points: SHIFT.slice(0, 20) }),
    );
    expect(edited.measureId).not.toBe(c.measureIds[0]);
    expect(await prisma.observation.count({ where: { measureId: c.measureIds[0] } })).toBe(SHIFT.length);
    expect(await prisma.observation.count({ where: { measureId: edited.measureId } })).toBe(20);
    const draft = (await getDraftSeriesForCase(users.analyst!, c.id))!;
    expect(draft.editingDraft).toBe(true);
    expect(draft.measures[0]!.measureId).toBe(edited.measureId);

    // The public reads see the live version: its series, and before/after from its phase means.
    const live = await getPublishedSeriesForCase(c.slug);
    expect(live).toHaveLength(1);
    expect(live[0]!.points).toHaveLength(SHIFT.length);
    const page = (await getPublishedCase(c.slug))!;
    expect(page.measures[0]).toMatchObject({ headlineMethod: "series_phase_means", before: 60, after: 30, beforeWording: null });
    expect(page.measures[1]).toMatchObject({ headlineMethod: "figures", before: 100, after: 59 });
    expect(await getMeasureSeries(null, c.measureIds[0]!)).not.toBeNull();
    expect(await getMeasureSeries(null, edited.measureId)).toBeNull();
  });

  it("refuses an archived case", async () => {
    const c = await newCase();
    await prisma.caseStudy.update({ where: { id: c.id }, data: { status: "archived" } });
    await expect(replaceMeasureSeries(users.analyst!, seriesInput(c))).rejects.toBeInstanceOf(InputError);
  });
});

describe("listSeriesSignals", () => {
  it("marks a published change supported by a special-cause signal, and one resting on two points", async () => {
    const c = await newCase();
    const saved = await replaceMeasureSeries(users.analyst!, seriesInput(c));
    await publishCase(users.analyst!, c.id, saved.revision, null);
    const rows = (await listSeriesSignals(typeKey)).filter((r) => r.caseSlug === c.slug);
    expect(rows.map((r) => [r.measureLabel, r.evidence.kind, r.evidence.kind === "series" ? r.evidence.signal.status : null])).toEqual([
      ["Failure demand", "series", "special_cause"],
      ["Referrals", "two_points_only", null],
    ]);
    expect(rows[0]!.description).toBe(
      "Supported by a special-cause signal: 14 points in a row below the previous mean; 14 beyond the previous limits.",
    );
    // The measure's own options decide the signal: with screening off (as the Excel tool) the same series is judged on its own limits.
    const spiky = await newCase();
    // 12 tight months with a spike, then a single point below the tight limits and values just under the old mean.
    const values = [49, 51, 49, 51, 49, 51, 80, 51, 49, 51, 49, 51, 45, 53, 52, 53, 52, 53, 52, 53, 52, 53, 52, 53];
    const spikySeries = monthly("2023-01-01", values);
    const on = await replaceMeasureSeries(users.analyst!, seriesInput(spiky, { points: spikySeries }));
    await publishCase(users.analyst!, spiky.id, on.revision, null);
    const signalOf = async () => (await listSeriesSignals(typeKey)).find((r) => r.caseSlug === spiky.slug && r.evidence.kind === "series")!;
    expect((await signalOf()).description).toBe("Supported by a special-cause signal: 1 beyond the previous limits.");
    const republish = await prisma.caseStudy.findUniqueOrThrow({ where: { id: spiky.id }, select: { revision: true } });
    const off = await replaceMeasureSeries(
      users.analyst!,
      seriesInput({ ...spiky, revision: republish.revision }, { points: spikySeries, screenOutliers: false }),
    );
    await publishCase(users.analyst!, spiky.id, off.revision, "Outlier screening off, as the Excel tool");
    expect((await signalOf()).description).toMatch(/^Not supported by a special-cause signal: .* \(SPC settings: outlier screening off\)$/);

    // Drafts are never listed.
    const draftOnly = await newCase();
    expect((await listSeriesSignals(typeKey)).some((r) => r.caseSlug === draftOnly.slug)).toBe(false);
  });
});

describe("a headline from the series' phase means, in the comparison views", () => {
  it("is stored at publish, so the explorer and compare pool the phase means the case page shows, not the entered figures", async () => {
    const c = await newCase({ before: "65", after: "35" }); // as a source might round them
    const mean = (values: number[]) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1e6) / 1e6;
    const before = mean(SHIFT.slice(0, 14).map((p) => p.value));
    const after = mean(SHIFT.slice(14).map((p) => p.value));
    expect([before, after]).toEqual([60, 30]);
    const saved = await replaceMeasureSeries(users.analyst!, seriesInput(c, { headlineMethod: "series_phase_means" }));
    await publishCase(users.analyst!, c.id, saved.revision, null);

    const explorer = await getMeasureExplorer((await getMeasureType(typeKey))!, parseExplorerFilters({}));
    const row = explorer.rows.find((r) => r.slug === c.slug && r.figures.label === "Failure demand");
    // A percent measure pools in percentage points: after − before.
    expect(row?.value).toBeCloseTo(after - before, 9);
    expect(row?.figures).toMatchObject({ fromSeries: true, before, after, beforeQualifier: "exact", afterQualifier: "exact" });
    const page = (await getPublishedCase(c.slug))!.measures.find((m) => m.label === "Failure demand")!;
    expect(page).toMatchObject({ headlineMethod: "series_phase_means" });

    const [compared] = await getComparedCases([c.slug]);
    expect(compared!.measures.find((m) => m.label === "Failure demand")).toMatchObject({ fromSeries: true, before, after });
    // The measure whose headline is its entered figures keeps them.
    expect(compared!.measures.find((m) => m.label === "Referrals")).toMatchObject({ fromSeries: false, before: 100, after: 59 });
  });
});

describe("the backfill of figures for versions published before they were stored (npm start runs it)", () => {
  it("computes, with the domain's phase rules, the same means for a version published without figures (rebase dates before and after the intervention, an intervention between points)", async () => {
    const c = await newCase();
    const measureId = c.measureIds[0]!;
    // Rebase in May 2023 (before the intervention), intervention 15 Dec 2023 (between points: the
    // phase starts in January 2024), rebase again in September 2024.
    const rebaseDates = ["2023-05-01", "2024-09-01"];
    const points = SHIFT.map((p, i) => ({ ...p, value: p.value + (i % 5) * 0.37 }));
    await prisma.caseVersion.update({
      where: { id: (await prisma.measure.findUniqueOrThrow({ where: { id: measureId } })).caseVersionId },
      data: { interventionDate: new Date("2023-12-15T00:00:00Z") },
    });
    await prisma.observation.createMany({
      data: points.map((p) => ({ measureId, date: new Date(`${p.date}T00:00:00Z`), value: p.value })),
    });
    await prisma.measure.update({
      where: { id: measureId },
      data: { headlineMethod: "series_phase_means", rebaseDates: rebaseDates.map((d) => new Date(`${d}T00:00:00Z`)) },
    });
    // Published the old way: frozen with no stored figures.
    const versionId = (await prisma.measure.findUniqueOrThrow({ where: { id: measureId } })).caseVersionId;
    await prisma.caseVersion.update({ where: { id: versionId }, data: { number: 1, publishedAt: new Date() } });
    expect(await prisma.measureFigure.count({ where: { caseVersionId: versionId } })).toBe(0);

    expect(await recomputeFigures(prisma, { missingOnly: true })).toBeGreaterThan(0);

    const expected = computePhaseMeansHeadline(points, "2023-12-15", rebaseDates);
    if (!expected.ok) throw new Error(expected.reason);
    const stored = await prisma.measureFigure.findUniqueOrThrow({ where: { measureId } });
    expect([stored.headlineBefore, stored.headlineAfter]).toEqual([expected.before.mean, expected.after.mean]);
    expect(stored.fromSeries).toBe(true);
    expect(expected.before.count).toBe(8); // May to December 2023
    expect(expected.after.count).toBe(8); // January to August 2024
    // A second run finds nothing missing; the frozen measure itself cannot be changed.
    expect(await recomputeFigures(prisma, { missingOnly: true })).toBe(0);
    await expect(prisma.measure.update({ where: { id: measureId }, data: { notes: "x" } })).rejects.toThrow();
  });
});
