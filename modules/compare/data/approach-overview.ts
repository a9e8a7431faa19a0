import "server-only";
import { unstable_cache } from "next/cache";
import { publicDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Outcome } from "@/lib/domain/measure-types";
import type { PoolStatus } from "@/lib/domain/pooling";
import type { Design } from "@/lib/domain/evidence-types";
import { COMPARISON_CACHE_TAGS, FIGURE_JSON, type FigureRow } from "./comparisons";

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
  sourceCitation: string | null;
  sourceUrl: string | null;
  cases: number;
  /** Cases in which at least one figure got worse (direction-aware). */
  casesWorsened: number;
  /** Median Maryland level of the approach's figures, each rated by its design. */
  medianLevel: number | null;
  /** Figures with their underlying values, or a reported estimate with its interval. */
  rawFigures: number;
  /** A reported change or estimate alone. */
  reportedFigures: number;
  /** How many figures of each design. */
  designs: Partial<Record<Design, number>>;
  /** Findings in words, counted by what the source found (never turned into numbers). */
  findings: { improved: number; noClearDifference: number; worsened: number; unclear: number };
  categories: CategoryFigure[];
}

/** The overview's SQL (exported for the bench's EXPLAIN): aggregates of the figures stored at publish. */
export function approachOverviewSql(): Prisma.Sql {
  return Prisma.sql`
    WITH pf AS MATERIALIZED (
      SELECT f."approach_id", c."id" AS case_id, f."category", f."pool_scale" = 'pp' AS pp, f."pool_status" AS status,
        f."pool_value" AS value, f."outcome", f."reported_only", f."evidence_level", f."design"
      FROM "measure_figure" f
      JOIN "case_study" c ON c."published_version_id" = f."case_version_id" AND c."status" = 'published'
      WHERE f."approach_id" IS NOT NULL
    ), fa AS (
      SELECT "approach_id", count(DISTINCT case_id)::int AS cases,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY "evidence_level") AS level,
        count(DISTINCT case_id) FILTER (WHERE "outcome" = 'worsened')::int AS worsened,
        count(*) FILTER (WHERE status NOT IN ('one_figure', 'words') AND NOT "reported_only")::int AS raw,
        count(*) FILTER (WHERE "reported_only")::int AS reported,
        json_build_object(
          'improved', count(*) FILTER (WHERE status = 'words' AND "outcome" = 'improved'),
          'noClearDifference', count(*) FILTER (WHERE status = 'words' AND "outcome" = 'no_clear_difference'),
          'worsened', count(*) FILTER (WHERE status = 'words' AND "outcome" = 'worsened'),
          'unclear', count(*) FILTER (WHERE status = 'words' AND "outcome" = 'unknown')) AS findings
      FROM pf GROUP BY "approach_id"
    ), des AS (
      SELECT "approach_id", json_object_agg("design", k) AS designs
      FROM (SELECT "approach_id", "design", count(*)::int AS k FROM pf GROUP BY 1, 2) d GROUP BY "approach_id"
    ), cat AS (
      SELECT "approach_id", json_agg(json_build_object('category', category::text, 'pp', pp, 'n', n, 'cases', k,
          'median', median, 'min', lo, 'max', hi, 'worsened', w) ORDER BY category, pp) AS categories
      FROM (
        SELECT "approach_id", category, pp, count(*)::int AS n, count(DISTINCT case_id)::int AS k,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY value) AS median, min(value) AS lo, max(value) AS hi,
          count(*) FILTER (WHERE "outcome" = 'worsened')::int AS w
        FROM pf WHERE category IS NOT NULL AND status = 'pooled'
        GROUP BY "approach_id", category, pp) g
      GROUP BY "approach_id"
    )
    SELECT a."key", a."name", a."description", a."source_citation" AS "sourceCitation", a."source_url" AS "sourceUrl",
      coalesce(fa.cases, 0) AS cases, coalesce(fa.worsened, 0) AS "casesWorsened",
      fa.level AS "medianLevel", coalesce(fa.raw, 0) AS "rawFigures", coalesce(fa.reported, 0) AS "reportedFigures",
      coalesce(des.designs, '{}'::json) AS designs,
      coalesce(fa.findings, '{"improved":0,"noClearDifference":0,"worsened":0,"unclear":0}'::json) AS findings,
      coalesce(cat.categories, '[]'::json) AS categories
    FROM "approach" a
    LEFT JOIN fa ON fa."approach_id" = a."id"
    LEFT JOIN des ON des."approach_id" = a."id"
    LEFT JOIN cat ON cat."approach_id" = a."id"
    WHERE a."status" = 'accepted'
    ORDER BY a."name"`;
}

/**
 * Reads every published measure once, so the planner's defaults are set for
 * this transaction only: no JIT (its compile time exceeds the query's gain at
 * this size) and enough work_mem for the group sorts to stay in memory.
 */
export async function getApproachOverview(): Promise<ApproachRow[]> {
  const [, , rows] = await publicDb().$transaction([
    publicDb().$executeRaw`SET LOCAL jit = off`,
    publicDb().$executeRaw`SET LOCAL work_mem = '64MB'`,
    publicDb().$queryRaw<ApproachRow[]>(approachOverviewSql()),
  ]);
  return rows;
}

/** Reads every published figure: cached until something is published. */
export const getCachedApproachOverview = unstable_cache(getApproachOverview, ["approach-overview"], { tags: COMPARISON_CACHE_TAGS });

export async function getApproach(
  key: string,
): Promise<{ key: string; name: string; description: string; sourceCitation: string | null; sourceUrl: string | null } | null> {
  return publicDb().approach.findFirst({
    where: { key, status: "accepted" },
    select: { key: true, name: true, description: true, sourceCitation: true, sourceUrl: true },
  });
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
  lower: number | null;
  upper: number | null;
  pp: boolean;
  outcome: Outcome;
  reportedOnly: boolean;
  design: Design;
  evidenceLevel: number;
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
  if (filter.category) where.push(Prisma.sql`AND f."category"::text = ${filter.category}`);
  if (filter.outcome) where.push(Prisma.sql`AND f."outcome"::text = ${filter.outcome}`);
  const [row] = await publicDb().$queryRaw<Array<{ total: number; cases: number; rows: ApproachFigure[] }>>`
    WITH x AS (
      SELECT c."slug", v."title", o."name" AS organisation, c."is_example", t."key" AS type_key, t."name" AS type_name,
        f."category"::text AS category, f."pool_status" AS status, f."pool_value" AS value, f."pool_lower" AS lower,
        f."pool_upper" AS upper, f."pool_scale" = 'pp' AS pp, f."outcome", f."reported_only", f."design", f."evidence_level",
        json_build_object(${FIGURE_JSON}) AS figures
      FROM "approach" a
      JOIN "measure_figure" f ON f."approach_id" = a."id"
      JOIN "case_study" c ON c."published_version_id" = f."case_version_id" AND c."status" = 'published'
      JOIN "case_version" v ON v."id" = f."case_version_id"
      JOIN "organisation" o ON o."id" = c."organisation_id"
      JOIN "measure" m ON m."id" = f."measure_id"
      JOIN "measure_figure_detail" d ON d."measure_id" = f."measure_id"
      LEFT JOIN "measure_type" t ON t."id" = f."measure_type_id"
      WHERE a."key" = ${approachKey} ${where.length ? Prisma.join(where, " ") : Prisma.empty}
    )
    SELECT (SELECT count(*)::int FROM x) AS total, (SELECT count(DISTINCT slug)::int FROM x) AS cases,
      (SELECT coalesce(json_agg(json_build_object('slug', slug, 'title', title, 'organisation', organisation, 'isExample', is_example,
          'typeKey', type_key, 'typeName', type_name, 'category', category, 'status', status, 'value', value, 'lower', lower,
          'upper', upper, 'pp', pp, 'outcome', outcome, 'reportedOnly', reported_only, 'design', design,
          'evidenceLevel', evidence_level, 'figures', figures)), '[]'::json)
       FROM (SELECT * FROM x ORDER BY title, slug, category NULLS LAST, value
             LIMIT ${APPROACH_PAGE_SIZE}::int OFFSET ${(filter.page - 1) * APPROACH_PAGE_SIZE}::int) y) AS rows`;
  return row ?? { total: 0, cases: 0, rows: [] };
}

/** Every approach, for filter selects. */
export async function listApproaches(): Promise<Array<{ key: string; name: string }>> {
  return publicDb().approach.findMany({ where: { status: "accepted" }, select: { key: true, name: true }, orderBy: { name: "asc" } });
}
