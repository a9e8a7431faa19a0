import "server-only";
import { unstable_cache } from "next/cache";
import { db, publicDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseStatus } from "@/lib/generated/prisma/enums";
import { canEditCase, canViewCaseDraft, type CurrentUser } from "@/lib/auth/permissions";
import type { FieldChange } from "@/lib/domain/case-diff";
import {
  assessChangeSignal,
  checkValueForUnit,
  computePhaseMeansHeadline,
  detectFrequency,
  toImprovementDirection,
  type ChangeSignal,
} from "@/lib/domain/series";
import type { SeriesInput } from "@/lib/schemas/series";
import type { SeriesForChart } from "@/modules/spc/present/spc";
import { recordAudit } from "@/modules/workspace/data/audit";
import { copyVersionToDraft, type Tx } from "@/modules/workspace/data/case-content";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/modules/workspace/data/case-drafts";

// A measure's series (observations: daily to yearly, or irregular dates), for SPC and run charts:
// the public read of a published case's series, the workspace read of the
// working version, the analyst's write (replace one measure's series in one
// transaction: permission, revision, audit), and the per-case signal the
// comparison views show. The write follows modules/workspace/data/case-drafts.ts: lock the
// case row, check permission and revision inside the transaction, write to the
// draft (copying a published version into a new draft first), bump the
// revision, record an audit event in the same transaction.

const TX_OPTIONS = { timeout: 20_000, isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted } as const;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const num = (d: { toNumber(): number }) => d.toNumber();

const seriesMeasureSelect = {
  id: true,
  label: true,
  unit: true,
  rateBasis: true,
  direction: true,
  headlineMethod: true,
  target: true,
  rebaseDates: true,
  spcRunLength: true,
  spcScreenOutliers: true,
  spcFixAfterPoints: true,
  seriesFrequency: true,
  observations: { orderBy: { date: "asc" }, select: { date: true, value: true, annotation: true } },
} satisfies Prisma.MeasureSelect;

type SeriesMeasureRow = Prisma.MeasureGetPayload<{ select: typeof seriesMeasureSelect }>;

function toSeries(m: SeriesMeasureRow, interventionDate: Date | null): SeriesForChart {
  return {
    measureId: m.id,
    label: m.label,
    unit: m.unit,
    rateBasis: m.rateBasis,
    direction: m.direction,
    headlineMethod: m.headlineMethod,
    target: m.target === null ? null : num(m.target),
    rebaseDates: m.rebaseDates.map(isoDate),
    runLength: m.spcRunLength,
    screenOutliers: m.spcScreenOutliers,
    fixAfterPoints: m.spcFixAfterPoints,
    frequency: m.seriesFrequency,
    interventionDate: interventionDate ? isoDate(interventionDate) : null,
    points: m.observations.map((o) => ({ date: isoDate(o.date), value: num(o.value), annotation: o.annotation })),
  };
}

// ---- Public reads -----------------------------------------------------------

const isPublic = { status: "published", publishedVersionId: { not: null } } satisfies Prisma.CaseStudyWhereInput;

/**
 * The series of every measure with at least one observation in a public case's
 * live version (or, given `versionNumber`, one of its published versions), in
 * measure order. Empty when the case is not public or has no series.
 */
export async function getPublishedSeriesForCase(slug: string, versionNumber?: number): Promise<SeriesForChart[]> {
  const c = await publicDb().caseStudy.findFirst({ where: { slug, ...isPublic }, select: { id: true, publishedVersionId: true } });
  if (!c) return [];
  const version = await publicDb().caseVersion.findFirst({
    where:
      versionNumber === undefined
        ? { id: c.publishedVersionId! }
        : { caseStudyId: c.id, number: versionNumber, publishedAt: { not: null } },
    select: {
      interventionDate: true,
      measures: { where: { observations: { some: {} } }, orderBy: { position: "asc" }, select: seriesMeasureSelect },
    },
  });
  if (!version) return [];
  return version.measures.map((m) => toSeries(m, version.interventionDate));
}

/** The explorer's series-backed figures for one measure type, cached with the public lists. */
export function getCachedSeriesSignals(measureTypeKey: string) {
  return unstable_cache((key: string) => listSeriesSignals(key, { onlyWithSeries: true }), ["public-series-signals"], {
    tags: ["public-cases"],
  })(measureTypeKey);
}

/**
 * getPublishedSeriesForCase through Next's data cache, under the same tag as
 * the case itself (modules/cases/cache.ts: `public-case:<slug>`), so
 * revalidatePublicCase(slug) on publish/unpublish expires both together.
 */
export function getCachedPublishedSeriesForCase(slug: string, versionNumber?: number) {
  return unstable_cache(getPublishedSeriesForCase, ["public-case-series"], { tags: [`public-case:${slug}`] })(slug, versionNumber);
}

export type SeriesEvidence =
  | { kind: "series"; signal: ChangeSignal }
  /** No series: the change rests on two figures (or a reported change) only. */
  | { kind: "two_points_only" };

export interface SeriesSignalRow {
  caseSlug: string;
  caseTitle: string;
  isExample: boolean;
  measureId: string;
  measureLabel: string;
  evidence: SeriesEvidence;
  /** Plain-English reading for the explorer, e.g. "Supported by a special-cause signal: 12 points in a row below the previous mean." */
  description: string;
}

/**
 * For the measure explorer: for every public case's live measure of this type,
 * whether its change is supported by a special-cause signal after the
 * intervention (a shift, or a point beyond the previous limits) or rests on
 * two points only. N is the Making Data Count default, 7.
 */
export async function listSeriesSignals(measureTypeKey: string, { onlyWithSeries = false } = {}): Promise<SeriesSignalRow[]> {
  const rows = await publicDb().measure.findMany({
    // onlyWithSeries: the explorer lists just the series-backed figures and
    // counts the rest, rather than loading every published measure of the type.
    where: {
      measureType: { key: measureTypeKey },
      caseVersion: { publishedOf: isPublic },
      ...(onlyWithSeries ? { observations: { some: {} } } : {}),
    },
    orderBy: [{ caseVersion: { caseStudy: { slug: "asc" } } }, { position: "asc" }],
    select: {
      ...seriesMeasureSelect,
      caseVersion: { select: { title: true, interventionDate: true, caseStudy: { select: { slug: true, isExample: true } } } },
    },
  });
  return rows.map((m) => {
    const base = {
      caseSlug: m.caseVersion.caseStudy.slug,
      caseTitle: m.caseVersion.title,
      isExample: m.caseVersion.caseStudy.isExample,
      measureId: m.id,
      measureLabel: m.label,
    };
    if (m.observations.length === 0) {
      return {
        ...base,
        evidence: { kind: "two_points_only" },
        description: "Rests on two points only: no series to tell a real change from noise.",
      };
    }
    const s = toSeries(m, m.caseVersion.interventionDate);
    const signal = assessChangeSignal(s.points, {
      interventionDate: s.interventionDate,
      rebaseDates: s.rebaseDates,
      direction: toImprovementDirection(s.direction),
      runLength: s.runLength,
      screenOutliers: s.screenOutliers,
      fixAfterPoints: s.fixAfterPoints,
      frequency: s.frequency,
    });
    const lead = signal.status === "special_cause" ? "Supported by a special-cause signal" : "Not supported by a special-cause signal";
    // The measure's own SPC options decide the limits, so the reader is told when they differ from the defaults.
    const settings = [
      s.screenOutliers ? null : "outlier screening off",
      s.fixAfterPoints ? `limits fixed after ${s.fixAfterPoints} points` : null,
      s.runLength !== 7 ? `runs of ${s.runLength}` : null,
    ].filter(Boolean);
    return {
      ...base,
      evidence: { kind: "series", signal },
      description: `${lead}: ${signal.description.replace(/^A special-cause signal after the intervention: /, "")}${settings.length ? ` (SPC settings: ${settings.join(", ")})` : ""}`,
    };
  });
}

// ---- Workspace reads --------------------------------------------------------

export interface DraftSeriesCase {
  caseId: string;
  revision: number;
  status: CaseStatus;
  canEdit: boolean;
  /** The working version (the draft, else the live version) is what the editor shows. */
  editingDraft: boolean;
  interventionDate: string | null;
  measures: SeriesForChart[];
}

/** Every measure of the case's working version with its series (possibly empty), or null if the actor may not see the case. */
export async function getDraftSeriesForCase(actor: CurrentUser, caseId: string): Promise<DraftSeriesCase | null> {
  const c = await db().caseStudy.findUnique({
    where: { id: caseId },
    select: { id: true, status: true, revision: true, organisationId: true, draftVersionId: true, publishedVersionId: true },
  });
  if (!c || !canViewCaseDraft(actor, c)) return null;
  const versionId = c.draftVersionId ?? c.publishedVersionId;
  if (!versionId) return null;
  const v = await db().caseVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { interventionDate: true, measures: { orderBy: { position: "asc" }, select: seriesMeasureSelect } },
  });
  return {
    caseId: c.id,
    revision: c.revision,
    status: c.status,
    canEdit: canEditCase(actor, c) && c.status !== "archived",
    editingDraft: c.draftVersionId !== null,
    interventionDate: v.interventionDate ? isoDate(v.interventionDate) : null,
    measures: v.measures.map((m) => toSeries(m, v.interventionDate)),
  };
}

/** One measure's series: public when its version is a public case's published version, else only for those who may see the case's drafts. */
export async function getMeasureSeries(actor: CurrentUser | null, measureId: string): Promise<SeriesForChart | null> {
  const m = await db().measure.findUnique({
    where: { id: measureId },
    select: {
      ...seriesMeasureSelect,
      caseVersion: {
        select: {
          interventionDate: true,
          publishedAt: true,
          caseStudy: { select: { status: true, organisationId: true, publishedVersionId: true } },
        },
      },
    },
  });
  if (!m) return null;
  const cs = m.caseVersion.caseStudy;
  const isPublicVersion = m.caseVersion.publishedAt !== null && cs.status === "published" && cs.publishedVersionId !== null;
  if (!isPublicVersion && !canViewCaseDraft(actor, cs)) return null;
  return toSeries(m, m.caseVersion.interventionDate);
}

// ---- The write --------------------------------------------------------------

const caseRowSelect = {
  id: true,
  slug: true,
  organisationId: true,
  status: true,
  revision: true,
  draftVersionId: true,
  publishedVersionId: true,
} as const;

async function lockCase(tx: Tx, caseId: string) {
  // FOR UPDATE serialises writers on one case (as modules/workspace/data/case-drafts.ts does).
  const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM case_study WHERE id = ${caseId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError("No such case");
  return tx.caseStudy.findUniqueOrThrow({ where: { id: caseId }, select: caseRowSelect });
}

function describeSeries(points: ReadonlyArray<{ date: string }>): string {
  if (points.length === 0) return "none";
  return `${points.length} point${points.length === 1 ? "" : "s"}, ${points[0]!.date} to ${points[points.length - 1]!.date}`;
}

function sameSeries(a: SeriesForChart["points"], b: SeriesInput["points"]): boolean {
  return a.length === b.length && a.every((p, i) => p.date === b[i]!.date && p.value === b[i]!.value && p.annotation === b[i]!.annotation);
}

export interface ReplaceSeriesResult {
  revision: number;
  /** The measure's id after the save: a new one when a published case was copied into a draft. */
  measureId: string;
  changes: FieldChange[];
}

/**
 * Replaces one measure's series and SPC settings in the case's draft. A
 * published case without a draft is first copied into one (the live version
 * stays frozen). Refused: a case the actor may not edit (another
 * organisation's answers as not found), an archived case, an out-of-date
 * revision, values that do not fit the measure's unit.
 */
export async function replaceMeasureSeries(actor: CurrentUser, input: SeriesInput): Promise<ReplaceSeriesResult> {
  return db().$transaction(async (tx) => {
    const c = await lockCase(tx, input.caseId);
    if (!canViewCaseDraft(actor, c)) throw new NotFoundError("No such case");
    if (!canEditCase(actor, c)) throw new ForbiddenError("You cannot edit this case");
    if (c.status === "archived") throw new InputError("This case is archived: restore it before editing.", {});
    if (c.revision !== input.revision) throw new ConflictError([], c.revision);

    const workingId = c.draftVersionId ?? c.publishedVersionId;
    const measure = await tx.measure.findUnique({
      where: { id: input.measureId },
      select: { ...seriesMeasureSelect, caseVersionId: true, caseVersion: { select: { interventionDate: true } } },
    });
    if (!measure || !workingId || measure.caseVersionId !== workingId) throw new NotFoundError("No such measure in this case");

    const fieldErrors: Record<string, string[]> = {};
    input.points.forEach((p, i) => {
      const misfit = checkValueForUnit(p.value, measure.unit);
      if (misfit) fieldErrors[`points.${i}.value`] = [`${p.value} ${misfit}`];
    });
    if (measure.unit === "percent" && input.target !== null && checkValueForUnit(input.target, "percent")) {
      fieldErrors.target = ["A percentage target must be between 0 and 100"];
    }
    const points = [...input.points].sort((a, b) => (a.date < b.date ? -1 : 1));
    const interventionDate = measure.caseVersion.interventionDate ? isoDate(measure.caseVersion.interventionDate) : null;
    if (input.headlineMethod === "series_phase_means") {
      const h = computePhaseMeansHeadline(points, interventionDate, input.rebaseDates);
      if (!h.ok)
        fieldErrors.headlineMethod = [
          `The headline can come from the phase means only when there is a series either side of the intervention: ${h.reason}`,
        ];
    }
    if (Object.keys(fieldErrors).length) throw new InputError("Some answers need correcting: see the messages next to them.", fieldErrors);

    const before = toSeries(measure, measure.caseVersion.interventionDate);
    const rebaseDates = [...input.rebaseDates].sort();
    const changes: FieldChange[] = [];
    const field = (name: string) => `measures[${measure.label}].${name}`;
    if (!sameSeries(before.points, points))
      changes.push({ field: field("series"), from: describeSeries(before.points), to: describeSeries(points) });
    if (before.target !== input.target) changes.push({ field: field("target"), from: before.target, to: input.target });
    if (before.rebaseDates.join() !== rebaseDates.join())
      changes.push({ field: field("rebaseDates"), from: before.rebaseDates.join(", ") || null, to: rebaseDates.join(", ") || null });
    if (before.runLength !== input.runLength) changes.push({ field: field("spcRunLength"), from: before.runLength, to: input.runLength });
    if (before.screenOutliers !== input.screenOutliers)
      changes.push({ field: field("spcScreenOutliers"), from: before.screenOutliers, to: input.screenOutliers });
    if (before.fixAfterPoints !== input.fixAfterPoints)
      changes.push({ field: field("spcFixAfterPoints"), from: before.fixAfterPoints, to: input.fixAfterPoints });
    // Stored explicitly from now on: the one chosen, else (an older caller) the one kept or the one the dates look like.
    const frequency = input.frequency ?? before.frequency ?? (points.length ? detectFrequency(points.map((p) => p.date)) : null);
    if (before.frequency !== frequency) changes.push({ field: field("seriesFrequency"), from: before.frequency, to: frequency });
    if (before.headlineMethod !== input.headlineMethod)
      changes.push({ field: field("headlineMethod"), from: before.headlineMethod, to: input.headlineMethod });
    if (changes.length === 0) return { revision: c.revision, measureId: measure.id, changes };

    let draftId = c.draftVersionId;
    let measureId = measure.id;
    if (!draftId) {
      // Editing a published case starts a new draft; the live version stays frozen.
      const copy = await copyVersionToDraft(tx, c.id, c.publishedVersionId!);
      draftId = copy.draftId;
      measureId = copy.idMap.get(measure.id)!;
    }
    await tx.observation.deleteMany({ where: { measureId } });
    if (points.length) {
      await tx.observation.createMany({
        data: points.map((p) => ({ measureId, date: toDate(p.date), value: p.value, annotation: p.annotation })),
      });
    }
    await tx.measure.update({
      where: { id: measureId },
      data: {
        target: input.target,
        rebaseDates: rebaseDates.map(toDate),
        spcRunLength: input.runLength,
        spcScreenOutliers: input.screenOutliers,
        spcFixAfterPoints: input.fixAfterPoints,
        seriesFrequency: frequency,
        headlineMethod: input.headlineMethod,
      },
    });
    const updated = await tx.caseStudy.update({
      where: { id: c.id },
      data: { draftVersionId: draftId, revision: { increment: 1 }, updatedById: actor.id },
      select: { revision: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "update",
      entityType: "measure_series",
      entityId: measureId,
      caseStudyId: c.id,
      changes,
    });
    return { revision: updated.revision, measureId, changes };
  }, TX_OPTIONS);
}

/**
 * The series of every measure with observations in these published versions,
 * by measure id (the board summary's variation and assurance icons).
 */
export async function listSeriesForVersions(versionIds: string[]): Promise<Map<string, SeriesForChart>> {
  if (versionIds.length === 0) return new Map();
  const versions = await db().caseVersion.findMany({
    where: { id: { in: versionIds }, publishedAt: { not: null } },
    select: {
      interventionDate: true,
      measures: { where: { observations: { some: {} } }, orderBy: { position: "asc" }, select: seriesMeasureSelect },
    },
  });
  return new Map(versions.flatMap((v) => v.measures.map((m) => [m.id, toSeries(m, v.interventionDate)] as const)));
}
