import "server-only";
import { unstable_cache } from "next/cache";
import { db, publicDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Direction, MeasureCategory, MeasureUnit } from "@/lib/generated/prisma/enums";
import type { Outcome } from "@/lib/domain/measure-types";
import { DIRECTION_LABELS } from "@/lib/domain/labels";
import type { PoolStatus } from "@/lib/domain/pooling";
import type { ExplorerFilters } from "@/lib/schemas/comparison";
import type { CreateMeasureTypeInput, UpdateMeasureTypeInput } from "@/lib/schemas/measure-type";
import { recordAudit } from "@/modules/workspace/data/audit";
import { recomputeTypeFiguresTx } from "@/modules/workspace/data/recompute-figures";
import type { Design } from "@/lib/domain/evidence-types";
import { COMPARISON_CACHE_TAGS, FIGURE_JSON, type FigureRow } from "./comparisons";

// The measure-type library and the measure explorer. The explorer's
// statistics, its rows and the figures listed apart come from ONE query; the
// distribution is never loaded into JavaScript.

export interface MeasureTypeItem {
  id: string;
  key: string;
  name: string;
  definition: string;
  countingUnit: string;
  unit: MeasureUnit;
  direction: Direction;
  category: MeasureCategory;
}

const typeSelect = {
  id: true,
  key: true,
  name: true,
  definition: true,
  countingUnit: true,
  unit: true,
  direction: true,
  category: true,
} as const;

/** The library with published figures per type, from the primary (admin pages read it right after a change). */
export async function listMeasureTypes(client = db()): Promise<Array<MeasureTypeItem & { published: number }>> {
  // Published figures per type: measure_type_id index → published versions only.
  const rows = await client.$queryRaw<Array<MeasureTypeItem & { published: number }>>`
    SELECT t."id", t."key", t."name", t."definition", t."counting_unit" AS "countingUnit", t."unit"::text AS unit,
      t."direction"::text AS direction, t."category"::text AS category,
      (SELECT count(*)::int FROM "measure" m JOIN "case_study" c ON c."published_version_id" = m."case_version_id"
        WHERE m."measure_type_id" = t."id" AND c."status" = 'published') AS published
    FROM "measure_type" t ORDER BY t."category", t."name"`;
  return rows;
}

/** A measure type for its public explorer page. */
export async function getMeasureType(key: string): Promise<MeasureTypeItem | null> {
  return publicDb().measureType.findUnique({ where: { key }, select: typeSelect });
}

export async function getMeasureTypeById(id: string): Promise<MeasureTypeItem | null> {
  return db().measureType.findUnique({ where: { id }, select: typeSelect });
}

/** Above this many figures the plot shows bands of counts instead of one dot per case. */
export const DOT_CAP = 300;
export const EXPLORER_PAGE_SIZE = 25;
const APART_LIMIT = 25;
export const BIN_COUNT = 30;

export interface ExplorerRow {
  slug: string;
  title: string;
  organisation: string;
  isExample: boolean;
  status: PoolStatus;
  value: number | null;
  /** The source's interval on the pooling scale, where it gives one. */
  lower: number | null;
  upper: number | null;
  outcome: Outcome;
  reportedOnly: boolean;
  design: Design;
  evidenceLevel: number;
  figures: FigureRow;
}

export interface ExplorerStats {
  n: number;
  cases: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
  improved: number;
  noChange: number;
  worsened: number;
  changed: number;
  noClearDifference: number;
  raw: number;
  reported: number;
  /** Pooled figures from a comparison group or a difference-in-differences. */
  controlled: number;
  /** Pooled figures with a reported interval. */
  withInterval: number;
}

export interface Explorer {
  stats: ExplorerStats;
  /** Pooled figures by value: all of them when n ≤ DOT_CAP, else one table page. */
  rows: ExplorerRow[];
  /** Figures that cannot be pooled (zero baseline, fell to zero, not comparable, one figure). */
  apart: ExplorerRow[];
  apartCounts: Partial<Record<PoolStatus, number>>;
  /** When n > DOT_CAP: counts in BIN_COUNT equal bands from min to max, widened to reach 0 (bandEdges). */
  bins: Array<{ bin: number; count: number }> | null;
}

/** Filters on the stored figure (f) or, for shifts and dates, its version (v). */
function filterSql(f: ExplorerFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.approach) parts.push(Prisma.sql`AND f."approach_id" = (SELECT "id" FROM "approach" WHERE "key" = ${f.approach})`);
  if (f.sector) parts.push(Prisma.sql`AND f."sector"::text = ${f.sector}`);
  if (f.design === "controlled") parts.push(Prisma.sql`AND f."design"::text IN ('comparison_group', 'difference_in_differences')`);
  if (f.design === "before_after") parts.push(Prisma.sql`AND f."design"::text IN ('before_after', 'interrupted_time_series')`);
  if (f.shift) parts.push(Prisma.sql`AND ${f.shift} = ANY (v."reform_shifts"::text[])`);
  if (f.from !== null) parts.push(Prisma.sql`AND v."intervention_date" >= make_date(${f.from}::int, 1, 1)`);
  if (f.to !== null) parts.push(Prisma.sql`AND v."intervention_date" < make_date(${f.to}::int + 1, 1, 1)`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

// The detail columns of an output row, fetched only for the rows shown (≤ 300),
// not for every figure in the distribution.
const ROW_JSON = Prisma.sql`(SELECT json_build_object('slug', c."slug", 'title', v."title", 'organisation', o."name",
  'isExample', c."is_example", 'status', x.status, 'value', x.value, 'lower', x.lower, 'upper', x.upper, 'outcome', x.outcome,
  'reportedOnly', x.reported_only, 'design', x.design, 'evidenceLevel', x.evidence_level, 'figures', json_build_object(${FIGURE_JSON}))
  FROM "measure" m JOIN "measure_figure" f ON f."measure_id" = m."id" JOIN "measure_figure_detail" d ON d."measure_id" = m."id"
  JOIN "case_study" c ON c."id" = x.case_id
  JOIN "case_version" v ON v."id" = c."published_version_id"
  JOIN "organisation" o ON o."id" = c."organisation_id" WHERE m."id" = x.measure_id)`;

/** The SQL of the explorer (exported for the bench's EXPLAIN): the stored figures of one measure type. */
export function explorerSql(typeId: string, f: ExplorerFilters): Prisma.Sql {
  const offset = (f.page - 1) * EXPLORER_PAGE_SIZE;
  // Small-baseline changes are pooled only when asked (issue 16).
  const pooled = f.small ? Prisma.sql`('pooled', 'small_baseline')` : Prisma.sql`('pooled')`;
  const needsVersion = f.shift !== null || f.from !== null || f.to !== null;
  return Prisma.sql`
    WITH x AS MATERIALIZED (
      SELECT f."measure_id", c."id" AS case_id, c."slug", f."pool_status"::text AS raw_status, f."pool_value" AS value,
        f."pool_lower" AS lower, f."pool_upper" AS upper, f."outcome"::text AS outcome, f."reported_only",
        f."design"::text AS design, f."evidence_level",
        CASE WHEN f."pool_status"::text IN ${pooled} THEN 'pooled' ELSE f."pool_status"::text END AS status
      FROM "measure_figure" f
      JOIN "case_study" c ON c."published_version_id" = f."case_version_id" AND c."status" = 'published'
      ${needsVersion ? Prisma.sql`JOIN "case_version" v ON v."id" = f."case_version_id"` : Prisma.empty}
      WHERE f."measure_type_id" = ${typeId}::uuid ${filterSql(f)}
    ), st AS (
      SELECT count(*)::int AS n, count(DISTINCT case_id)::int AS cases,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY value) AS median,
        percentile_cont(0.25) WITHIN GROUP (ORDER BY value) AS q1,
        percentile_cont(0.75) WITHIN GROUP (ORDER BY value) AS q3,
        min(value) AS min, max(value) AS max,
        count(*) FILTER (WHERE outcome = 'improved')::int AS improved,
        count(*) FILTER (WHERE outcome = 'no_change')::int AS "noChange",
        count(*) FILTER (WHERE outcome = 'worsened')::int AS worsened,
        count(*) FILTER (WHERE outcome = 'changed')::int AS changed,
        count(*) FILTER (WHERE outcome = 'no_clear_difference')::int AS "noClearDifference",
        count(*) FILTER (WHERE NOT reported_only)::int AS raw,
        count(*) FILTER (WHERE reported_only)::int AS reported,
        count(*) FILTER (WHERE design IN ('comparison_group', 'difference_in_differences'))::int AS controlled,
        count(*) FILTER (WHERE lower IS NOT NULL)::int AS "withInterval"
      FROM x WHERE status = 'pooled'
    )
    SELECT
      (SELECT row_to_json(st) FROM st) AS stats,
      (SELECT coalesce(json_agg(${ROW_JSON} ORDER BY x.value, x.slug), '[]'::json) FROM (
        SELECT * FROM x WHERE status = 'pooled' ORDER BY value, slug
        LIMIT (SELECT CASE WHEN n <= ${DOT_CAP}::int THEN ${DOT_CAP}::int ELSE ${EXPLORER_PAGE_SIZE}::int END FROM st)
        OFFSET (SELECT CASE WHEN n <= ${DOT_CAP}::int THEN 0 ELSE ${offset}::int END FROM st)) x) AS rows,
      (SELECT coalesce(json_agg(${ROW_JSON} ORDER BY x.status, x.slug), '[]'::json) FROM (
        SELECT * FROM x WHERE status <> 'pooled' ORDER BY status, slug LIMIT ${APART_LIMIT}::int) x) AS apart,
      (SELECT coalesce(json_object_agg(status, k), '{}'::json) FROM (
        SELECT status, count(*)::int AS k FROM x WHERE status <> 'pooled' GROUP BY status) g) AS "apartCounts",
      (SELECT json_agg(json_build_object('bin', b, 'count', k) ORDER BY b) FROM (
        SELECT width_bucket(x.value, least(st.min, 0), greatest(st.max, 0) + 1e-9, ${BIN_COUNT}::int) AS b, count(*)::int AS k
        FROM x, st WHERE x.status = 'pooled' AND st.n > ${DOT_CAP}::int GROUP BY 1) g) AS bins`;
}

export async function getMeasureExplorer(type: MeasureTypeItem, f: ExplorerFilters): Promise<Explorer> {
  const [row] = await publicDb().$queryRaw<Explorer[]>(explorerSql(type.id, f));
  if (!row) throw new Error("The explorer query returned no row"); // an aggregate query always returns one
  return row;
}

/** The explorer for one URL's filters, cached until something is published (see COMPARISON_CACHE_TAGS). */
export const getCachedMeasureExplorer = unstable_cache(getMeasureExplorer, ["measure-explorer"], { tags: COMPARISON_CACHE_TAGS });

export const getCachedMeasureTypes = unstable_cache(() => listMeasureTypes(publicDb()), ["measure-types"], { tags: COMPARISON_CACHE_TAGS });

// ---- Mapping: unmapped measures of an organisation's drafts ----

export interface UnmappedMeasure {
  caseId: string;
  caseTitle: string;
  measureId: string;
  label: string;
  unit: MeasureUnit;
}

/** Measures with no type in the working drafts of an organisation (all organisations for null). */
export async function listUnmappedDraftMeasures(organisationId: string | null, limit = 500): Promise<UnmappedMeasure[]> {
  const org = organisationId ? Prisma.sql`AND c."organisation_id" = ${organisationId}::uuid` : Prisma.empty;
  return db().$queryRaw<UnmappedMeasure[]>`
    SELECT c."id" AS "caseId", v."title" AS "caseTitle", m."id" AS "measureId", m."label", m."unit"::text AS unit
    FROM "case_study" c JOIN "case_version" v ON v."id" = c."draft_version_id"
    JOIN "measure" m ON m."case_version_id" = v."id"
    WHERE m."measure_type_id" IS NULL AND c."status" <> 'archived' ${org}
    ORDER BY v."title", m."position" LIMIT ${limit}`;
}

// ---- Admin writes: each with its audit event in the same transaction ----

export type WriteResult = { ok: true; key: string } | { ok: false; field: string; message: string };

const AUDITED_FIELDS = ["name", "definition", "countingUnit", "unit", "direction", "category"] as const;

/**
 * The approach cards and the board pool a category's figures into one headline
 * ("down in 3 of 4 cases"): that only reads true if every type in the category
 * improves the same way. A type that would mix directions is refused.
 */
async function directionConflict(
  tx: Prisma.TransactionClient,
  input: { category: MeasureCategory; direction: Direction },
  exceptId: string | null,
): Promise<WriteResult | null> {
  const other = await tx.measureType.findFirst({
    where: { category: input.category, NOT: { direction: input.direction }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true, direction: true },
  });
  if (!other) return null;
  const way = DIRECTION_LABELS[other.direction].toLowerCase();
  return {
    ok: false,
    field: "direction",
    message: `Every measure type in this category must improve the same way, and its types are “${way}” (e.g. ${other.name}). Choose that direction or another category.`,
  };
}

export async function createMeasureType(actorId: string, input: CreateMeasureTypeInput): Promise<WriteResult> {
  try {
    return await db().$transaction(async (tx) => {
      const conflict = await directionConflict(tx, input, null);
      if (conflict) return conflict;
      const created = await tx.measureType.create({ data: input, select: { id: true, key: true } });
      await recordAudit(tx, {
        actorId,
        action: "create",
        entityType: "measure_type",
        entityId: created.id,
        changes: AUDITED_FIELDS.map((field) => ({ field, from: null, to: input[field] })),
      });
      return { ok: true as const, key: created.key };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, field: "key", message: "A measure type with this key already exists" };
    }
    throw error;
  }
}

export async function updateMeasureType(actorId: string, input: UpdateMeasureTypeInput): Promise<WriteResult> {
  return db().$transaction(
    async (tx) => {
      const before = await tx.measureType.findUnique({ where: { id: input.id }, select: typeSelect });
      if (!before) return { ok: false as const, field: "_form", message: "This measure type no longer exists" };
      const { id, ...fields } = input;
      const conflict = await directionConflict(tx, fields, id);
      if (conflict) return conflict;
      const changes = AUDITED_FIELDS.filter((f) => before[f] !== fields[f]).map((field) => ({
        field,
        from: before[field],
        to: fields[field],
      }));
      if (changes.length > 0) {
        await tx.measureType.update({ where: { id }, data: fields });
        // The published figures of this type pool on the type's scale (its unit), group by its
        // category and are judged improved or worse by its direction.
        const recompute = before.unit !== fields.unit || before.category !== fields.category || before.direction !== fields.direction;
        const recomputed = recompute ? await recomputeTypeFiguresTx(tx, id) : 0;
        await recordAudit(tx, {
          actorId,
          action: "update",
          entityType: "measure_type",
          entityId: id,
          changes,
          note: recomputed > 0 ? `Recomputed the published figures of ${recomputed} measures` : null,
        });
      }
      return { ok: true as const, key: before.key };
    },
    { timeout: 120_000 },
  );
}
