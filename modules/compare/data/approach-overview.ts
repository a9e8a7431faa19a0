import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Outcome } from "@/lib/domain/measure-types";
import type { PoolStatus } from "@/lib/domain/pooling";
import { COMPARISON_CACHE_TAGS, FIGURE_JSON, pooledColumns, type FigureRow } from "./comparisons";

// The approach overview (one row per approach) and the list of figures behind
// each of its numbers. One query each; aggregates computed in PostgreSQL.

export interface CategoryFigure {
  category: string;
  /** true: percentage points (percent types); false: log change. */
  pp: boolean;
  n: number;
  cases: number;
  median: number;
  min: number;
  max: number;
  worsened: number;
}

export interface ApproachRow {
  key: string;
  name: string;
  description: string;
  cases: number;
  /** Cases in which at least one figure got worse (direction-aware). */
  casesWorsened: number;
  medianLevel: number | null;
  rawFigures: number;
  reportedFigures: number;
  categories: CategoryFigure[];
}

/** The overview's SQL (exported for the bench's EXPLAIN). */
export function approachOverviewSql(): Prisma.Sql {
  return Prisma.sql`
    WITH pc AS (
      SELECT c."id" AS case_id, v."id" AS version_id, v."approach_id", v."evidence_level"
      FROM "case_study" c JOIN "case_version" v ON v."id" = c."published_version_id"
      WHERE c."status" = 'published' AND v."approach_id" IS NOT NULL
    ), pm AS (
      SELECT pc."approach_id", pc.case_id, t."category", t."unit" = 'percent' AS pp,
        s.status, p.value, p.outcome, s.reported_only
      FROM pc JOIN "measure" m ON m."case_version_id" = pc.version_id
      LEFT JOIN "measure_type" t ON t."id" = m."measure_type_id"
      ${pooledColumns(Prisma.sql`coalesce(t."unit", m."unit") = 'percent'`)}
    ), ca AS (
      SELECT "approach_id", count(*)::int AS cases,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY "evidence_level") AS level
      FROM pc GROUP BY "approach_id"
    ), fa AS (
      SELECT "approach_id",
        count(DISTINCT case_id) FILTER (WHERE outcome = 'worsened')::int AS worsened,
        count(*) FILTER (WHERE status <> 'one_figure' AND NOT reported_only)::int AS raw,
        count(*) FILTER (WHERE reported_only)::int AS reported
      FROM pm GROUP BY "approach_id"
    ), cat AS (
      SELECT "approach_id", json_agg(json_build_object('category', category::text, 'pp', pp, 'n', n, 'cases', k,
          'median', median, 'min', lo, 'max', hi, 'worsened', w) ORDER BY category, pp) AS categories
      FROM (
        SELECT "approach_id", category, pp, count(*)::int AS n, count(DISTINCT case_id)::int AS k,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY value) AS median, min(value) AS lo, max(value) AS hi,
          count(*) FILTER (WHERE outcome = 'worsened')::int AS w
        FROM pm WHERE category IS NOT NULL AND status = 'pooled'
        GROUP BY "approach_id", category, pp) g
      GROUP BY "approach_id"
    )
    SELECT a."key", a."name", a."description", coalesce(ca.cases, 0) AS cases, coalesce(fa.worsened, 0) AS "casesWorsened",
      ca.level AS "medianLevel", coalesce(fa.raw, 0) AS "rawFigures", coalesce(fa.reported, 0) AS "reportedFigures",
      coalesce(cat.categories, '[]'::json) AS categories
    FROM "approach" a
    LEFT JOIN ca ON ca."approach_id" = a."id"
    LEFT JOIN fa ON fa."approach_id" = a."id"
    LEFT JOIN cat ON cat."approach_id" = a."id"
    ORDER BY a."name"`;
}

/**
 * Reads every published measure once, so the planner's defaults are set for
 * this transaction only: no JIT (its compile time exceeds the query's gain at
 * this size) and enough work_mem for the group sorts to stay in memory.
 */
export async function getApproachOverview(): Promise<ApproachRow[]> {
  const [, , rows] = await db().$transaction([
    db().$executeRaw`SET LOCAL jit = off`,
    db().$executeRaw`SET LOCAL work_mem = '64MB'`,
    db().$queryRaw<ApproachRow[]>(approachOverviewSql()),
  ]);
  return rows;
}

/** Reads all 200,000 measures at scale (~1 s): cached until something is published. */
export const getCachedApproachOverview = unstable_cache(getApproachOverview, ["approach-overview"], { tags: COMPARISON_CACHE_TAGS });

export async function getApproach(key: string): Promise<{ key: string; name: string; description: string } | null> {
  return db().approach.findUnique({ where: { key }, select: { key: true, name: true, description: true } });
}

export interface ApproachFigure {
  slug: string;
  title: string;
  organisation: string;
  isExample: boolean;
  typeKey: string | null;
  typeName: string | null;
  category: string | null;
  status: PoolStatus;
  value: number | null;
  pp: boolean;
  outcome: Outcome;
  reportedOnly: boolean;
  figures: FigureRow;
}

export const APPROACH_PAGE_SIZE = 50;

/**
 * The figures behind one approach's numbers: all its cases' figures, or those
 * of one measure category, or those that got worse. One page, plus the total.
 */
export async function listApproachFigures(
  approachKey: string,
  filter: { category: string | null; outcome: "worsened" | null; page: number },
): Promise<{ total: number; cases: number; rows: ApproachFigure[] }> {
  const where: Prisma.Sql[] = [];
  if (filter.category) where.push(Prisma.sql`AND t."category"::text = ${filter.category}`);
  if (filter.outcome) where.push(Prisma.sql`AND p.outcome = ${filter.outcome}`);
  const [row] = await db().$queryRaw<Array<{ total: number; cases: number; rows: ApproachFigure[] }>>`
    WITH x AS (
      SELECT c."slug", v."title", o."name" AS organisation, c."is_example", t."key" AS type_key, t."name" AS type_name,
        t."category"::text AS category, s.status, p.value, coalesce(t."unit", m."unit")::text = 'percent' AS pp, p.outcome,
        s.reported_only, json_build_object(${FIGURE_JSON}) AS figures
      FROM "approach" a
      JOIN "case_version" v ON v."approach_id" = a."id"
      JOIN "case_study" c ON c."published_version_id" = v."id" AND c."status" = 'published'
      JOIN "organisation" o ON o."id" = c."organisation_id"
      JOIN "measure" m ON m."case_version_id" = v."id"
      LEFT JOIN "measure_type" t ON t."id" = m."measure_type_id"
      ${pooledColumns(Prisma.sql`coalesce(t."unit", m."unit") = 'percent'`)}
      WHERE a."key" = ${approachKey} ${where.length ? Prisma.join(where, " ") : Prisma.empty}
    )
    SELECT (SELECT count(*)::int FROM x) AS total, (SELECT count(DISTINCT slug)::int FROM x) AS cases,
      (SELECT coalesce(json_agg(json_build_object('slug', slug, 'title', title, 'organisation', organisation, 'isExample', is_example,
          'typeKey', type_key, 'typeName', type_name, 'category', category, 'status', status, 'value', value, 'pp', pp,
          'outcome', outcome, 'reportedOnly', reported_only, 'figures', figures)), '[]'::json)
       FROM (SELECT * FROM x ORDER BY title, slug, category NULLS LAST, value
             LIMIT ${APPROACH_PAGE_SIZE}::int OFFSET ${(filter.page - 1) * APPROACH_PAGE_SIZE}::int) y) AS rows`;
  return row ?? { total: 0, cases: 0, rows: [] };
}

/** Every approach, for filter selects. */
export async function listApproaches(): Promise<Array<{ key: string; name: string }>> {
  return db().approach.findMany({ select: { key: true, name: true }, orderBy: { name: "asc" } });
}
