// No "server-only" import: the seed scripts and the browser tests' data
// factories publish through this too. It does no request-scoped work.
import { assessMeasure, type Assessment } from "@/lib/domain/evidence";
import type { EvidenceFigures } from "@/lib/domain/evidence-types";
import type { Qualifier } from "@/lib/domain/measure-types";
import { scaleForUnit } from "@/lib/domain/pooling";
import { Prisma } from "@/lib/generated/prisma/client";
import { applySeriesHeadline } from "@/modules/spc/present/spc";
import type { Tx } from "./case-content";
import { fromMeasureRow, measureFieldsSelect } from "./measure-fields";

// The frozen figures of a published version (issue 17): every derived figure
// of every measure — the headline before/after (series phase means where a
// series drives it), the change, the estimate under the measure's design, the
// outcome, how it pools and its evidence level — computed once by the domain
// and stored in measure_figure when the version is published. Public pages
// read `detail`; the comparison views aggregate the plain columns.

/** The before/after a page shows for a measure, and where they came from. */
export interface FigureHeadline {
  before: number | null;
  after: number | null;
  beforeQualifier: Qualifier;
  afterQualifier: Qualifier;
  beforePeriod: string | null;
  afterPeriod: string | null;
  /** The before/after are the series' phase means. */
  fromSeries: boolean;
  /** Why the series did or did not give the headline, or null. */
  note: string | null;
}

/** What a page needs of a published measure beyond its stored fields. */
export interface FigureDetail {
  headline: FigureHeadline;
  assessment: Assessment;
}

const measureSelect = {
  id: true,
  caseVersionId: true,
  ...measureFieldsSelect,
  measureType: { select: { id: true, unit: true, category: true } },
  headlineMethod: true,
  rebaseDates: true,
  seriesFrequency: true,
  // Only a series-headline measure needs its points.
  observations: {
    where: { measure: { headlineMethod: "series_phase_means" } },
    orderBy: { date: "asc" },
    select: { date: true, value: true },
  },
} satisfies Prisma.MeasureSelect;

type MeasureRow = Prisma.MeasureGetPayload<{ select: typeof measureSelect }>;

interface VersionInfo {
  id: string;
  sector: string;
  approachId: string | null;
  evidenceLevel: number;
  interventionDate: Date | null;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The headline before/after: the series' phase means when the measure asks for them and its series gives them. */
function headlineOf(m: MeasureRow, fields: ReturnType<typeof fromMeasureRow>, v: VersionInfo): FigureHeadline {
  const figures = {
    before: fields.before,
    after: fields.after,
    beforeQualifier: fields.beforeQualifier,
    afterQualifier: fields.afterQualifier,
    beforeWording: fields.beforeWording,
    afterWording: fields.afterWording,
    beforePeriod: fields.beforePeriod,
    afterPeriod: fields.afterPeriod,
  };
  const h = applySeriesHeadline(figures, {
    headlineMethod: m.headlineMethod,
    interventionDate: v.interventionDate ? isoDate(v.interventionDate) : null,
    rebaseDates: m.rebaseDates.map(isoDate),
    points: m.observations.map((o) => ({ date: isoDate(o.date), value: o.value.toNumber() })),
    frequency: m.seriesFrequency,
  });
  return {
    before: h.before,
    after: h.after,
    beforeQualifier: h.beforeQualifier,
    afterQualifier: h.afterQualifier,
    beforePeriod: h.beforePeriod,
    afterPeriod: h.afterPeriod,
    fromSeries: h.headlineMethod === "series_phase_means",
    note: h.headlineNote,
  };
}

/** Assesses one measure of a version: the pure part, exported for tests and the recompute check. */
export function computeFigure(m: MeasureRow, v: VersionInfo) {
  const fields = fromMeasureRow(m);
  const headline = headlineOf(m, fields, v);
  const figures: EvidenceFigures = {
    ...fields,
    before: headline.before,
    after: headline.after,
    beforeQualifier: headline.beforeQualifier,
    afterQualifier: headline.afterQualifier,
  };
  const scale = scaleForUnit(m.measureType?.unit ?? fields.unit);
  const assessment = assessMeasure(figures, { caseEvidenceLevel: v.evidenceLevel, scale });
  const detail: FigureDetail = { headline, assessment };
  const interval = assessment.effect?.interval ?? null;
  return {
    measureId: m.id,
    caseVersionId: v.id,
    measureTypeId: m.measureType?.id ?? null,
    category: m.measureType?.category ?? null,
    approachId: v.approachId,
    sector: v.sector,
    design: fields.design,
    evidenceLevel: assessment.evidenceLevel,
    outcome: assessment.outcome,
    headlineBefore: headline.before,
    headlineAfter: headline.after,
    fromSeries: headline.fromSeries,
    reportedOnly: assessment.effect?.source === "reported" && interval === null,
    hasInterval: interval !== null,
    poolScale: assessment.pool.scale,
    poolStatus: assessment.pool.status,
    poolValue: assessment.pool.value,
    poolLower: assessment.pool.lower,
    poolUpper: assessment.pool.upper,
    detail,
  };
}

type FigureRow = ReturnType<typeof computeFigure>;

const COLUMNS: Array<[keyof FigureRow, string, string]> = [
  ["measureId", "measure_id", "uuid"],
  ["caseVersionId", "case_version_id", "uuid"],
  ["measureTypeId", "measure_type_id", "uuid"],
  ["category", "category", '"MeasureCategory"'],
  ["approachId", "approach_id", "uuid"],
  ["sector", "sector", '"Sector"'],
  ["design", "design", '"MeasureDesign"'],
  ["evidenceLevel", "evidence_level", "smallint"],
  ["outcome", "outcome", '"Outcome"'],
  ["headlineBefore", "headline_before", "float8"],
  ["headlineAfter", "headline_after", "float8"],
  ["fromSeries", "from_series", "boolean"],
  ["reportedOnly", "reported_only", "boolean"],
  ["hasInterval", "has_interval", "boolean"],
  ["poolScale", "pool_scale", '"PoolScale"'],
  ["poolStatus", "pool_status", '"PoolStatus"'],
  ["poolValue", "pool_value", "float8"],
  ["poolLower", "pool_lower", "float8"],
  ["poolUpper", "pool_upper", "float8"],
];

/** INSERT … SELECT FROM unnest: one bind parameter per column however many rows. */
function insertSql(rows: FigureRow[]): Prisma.Sql {
  const arrays = COLUMNS.map(([key, , t]) => {
    const values = rows.map((r) => r[key]);
    return Prisma.sql`${values}::${Prisma.raw(t.startsWith('"') ? "text" : t)}[]`;
  });
  const names = Prisma.raw(COLUMNS.map(([, column]) => column).join(", "));
  const aliases = COLUMNS.map((_, i) => `c${i}`);
  const casts = Prisma.raw(COLUMNS.map(([, , t], i) => (t.startsWith('"') ? `c${i}::${t}` : `c${i}`)).join(", "));
  return Prisma.sql`INSERT INTO measure_figure (${names})
    SELECT ${casts} FROM unnest(${Prisma.join(arrays)}) AS t(${Prisma.raw(aliases.join(", "))})`;
}

function insertDetailSql(rows: FigureRow[]): Prisma.Sql {
  return Prisma.sql`INSERT INTO measure_figure_detail (measure_id, detail)
    SELECT id, detail::jsonb FROM unnest(${rows.map((r) => r.measureId)}::uuid[], ${rows.map((r) => JSON.stringify(r.detail))}::text[])
      AS t(id, detail)`;
}

const CHUNK = 2000;

/**
 * Computes and stores the figures of the measures of these versions
 * (replacing any stored before). Call it inside the publishing transaction,
 * before the versions are stamped; `npm run db:recompute` calls it for
 * published versions when the arithmetic or a measure type changes.
 * `measureTypeId` limits it to the measures of one type.
 */
export async function storeMeasureFigures(tx: Tx, versionIds: string[], opts: { measureTypeId?: string } = {}): Promise<number> {
  if (versionIds.length === 0) return 0;
  const versions = await tx.caseVersion.findMany({
    where: { id: { in: versionIds } },
    select: { id: true, sector: true, approachId: true, evidenceLevel: true, interventionDate: true },
  });
  const byId = new Map(versions.map((v) => [v.id, v]));
  const where: Prisma.MeasureWhereInput = { caseVersionId: { in: versionIds } };
  if (opts.measureTypeId) where.measureTypeId = opts.measureTypeId;
  const measures = await tx.measure.findMany({ where, select: measureSelect });
  const rows = measures.map((m) => computeFigure(m, byId.get(m.caseVersionId)!));
  const ids = measures.map((m) => m.id);
  for (let i = 0; i < ids.length; i += CHUNK) {
    await tx.measureFigure.deleteMany({ where: { measureId: { in: ids.slice(i, i + CHUNK) } } });
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await tx.$executeRaw(insertSql(chunk));
    await tx.$executeRaw(insertDetailSql(chunk));
  }
  return rows.length;
}
