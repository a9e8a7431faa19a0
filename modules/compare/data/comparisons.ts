import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ChangeBasis, Direction, MeasureUnit, Qualifier, Sector } from "@/lib/generated/prisma/enums";

// The per-measure pooling rules of lib/domain/pooling.ts, written in SQL so
// that every aggregate (explorer, approach overview) is computed inside
// PostgreSQL. comparisons.integration.test.ts checks these expressions against
// poolFigure() on the seeded cases; change one, change both.
//
// Needs the alias m (measure) and a boolean expression: is the scale
// percentage points (the measure type's unit is percent) rather than the log
// change. Figures are cast to float8 before arithmetic, as JavaScript numbers
// are. Enums are compared as enums (no ::text): cheaper over 200,000 rows.

// A measure whose headline is its series' phase means (stored at publish,
// modules/spc/data/series-headlines.ts) is compared on those means, as its case page
// shows it; any other on its entered figures.
const HEADLINE_BEFORE = Prisma.sql`COALESCE(m."series_before_mean", m."before_value")`;
const HEADLINE_AFTER = Prisma.sql`COALESCE(m."series_after_mean", m."after_value")`;

export function pooledColumns(ppScale: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
  CROSS JOIN LATERAL (SELECT
    (${HEADLINE_BEFORE} IS NOT NULL AND ${HEADLINE_AFTER} IS NOT NULL) AS is_raw,
    ${HEADLINE_BEFORE}::float8 AS b, ${HEADLINE_AFTER}::float8 AS af, m."reported_change"::float8 AS r) f
  CROSS JOIN LATERAL (SELECT
    CASE
      WHEN NOT f.is_raw AND f.r IS NULL THEN 'one_figure'
      WHEN ${ppScale} THEN
        CASE WHEN f.is_raw THEN CASE WHEN m."unit" = 'percent' THEN 'pooled' ELSE 'not_comparable' END
             WHEN m."reported_change_basis" = 'percentage_points' THEN 'pooled' ELSE 'not_comparable' END
      WHEN f.is_raw THEN
        CASE WHEN f.b < 0 OR f.af < 0 THEN 'not_comparable'
             WHEN f.b = 0 THEN 'zero_baseline'
             WHEN f.af = 0 THEN 'fell_to_zero'
             ELSE 'pooled' END
      WHEN m."reported_change_basis" <> 'percent' THEN 'not_comparable'
      WHEN f.r <= -100 THEN 'fell_to_zero'
      ELSE 'pooled'
    END AS status,
    CASE WHEN f.is_raw THEN f.af - f.b ELSE f.r END AS signed,
    NOT f.is_raw AND f.r IS NOT NULL AS reported_only) s
  CROSS JOIN LATERAL (SELECT
    CASE WHEN s.status <> 'pooled' THEN NULL
         WHEN ${ppScale} THEN s.signed
         WHEN f.is_raw THEN 100 * ln(f.af / f.b)
         ELSE 100 * ln(1 + f.r / 100) END AS value,
    CASE WHEN s.signed IS NULL THEN 'unknown'
         WHEN s.signed = 0 THEN 'no_change'
         WHEN m."direction" = 'neutral' THEN 'changed'
         WHEN (m."direction" = 'lower_is_better') = (s.signed < 0) THEN 'improved'
         ELSE 'worsened' END AS outcome) p`;
}

/** Live published versions only: case_study.published_version_id (unique index) → case_version. */
export const PUBLISHED_FROM = Prisma.sql`"case_study" c
  JOIN "case_version" v ON v."id" = c."published_version_id"`;

/** The headline figures of one measure, as the page's domain formatting needs them. */
export const FIGURE_JSON = Prisma.sql`'label', m."label", 'unit', m."unit", 'rateBasis', m."rate_basis", 'direction', m."direction",
  'fromSeries', m."series_before_mean" IS NOT NULL,
  'before', ${HEADLINE_BEFORE}::float8,
  'beforeQualifier', CASE WHEN m."series_before_mean" IS NULL THEN m."before_qualifier" ELSE 'exact' END,
  'after', ${HEADLINE_AFTER}::float8,
  'afterQualifier', CASE WHEN m."series_after_mean" IS NULL THEN m."after_qualifier" ELSE 'exact' END,
  'reportedChange', m."reported_change"::float8,
  'reportedChangeBasis', m."reported_change_basis", 'reportedChangeQualifier', m."reported_change_qualifier"`;

export interface FigureRow {
  label: string;
  /** Before and after are the series' phase means (headline method series_phase_means), not the entered figures. */
  fromSeries: boolean;
  unit: MeasureUnit;
  rateBasis: string | null;
  direction: Direction;
  before: number | null;
  beforeQualifier: Qualifier;
  after: number | null;
  afterQualifier: Qualifier;
  reportedChange: number | null;
  reportedChangeBasis: ChangeBasis;
  reportedChangeQualifier: Qualifier;
}

/**
 * Aggregates change only when what is published changes, so the views cache
 * them under "public-cases" (the tag modules/cases/cache.ts expires on every
 * publish, unpublish, archive and restore) and "measure-types" (expired by the
 * measure-type admin actions).
 */
export const COMPARISON_CACHE_TAGS = ["public-cases", "measure-types"];

// ---- /compare: 2–6 cases side by side ----

export interface ComparedMeasure extends FigureRow {
  position: number;
  type: { key: string; name: string; unit: MeasureUnit; category: string } | null;
}

export interface ComparedCase {
  slug: string;
  title: string;
  organisation: string;
  isExample: boolean;
  approach: string | null;
  sector: Sector;
  interventionDate: string | null;
  baselinePeriod: string | null;
  followUpPeriod: string | null;
  evidenceLevel: number;
  measures: ComparedMeasure[];
}

/**
 * The published cases with these slugs and their measures, in one query
 * (slug unique index → published version → measures by version). Unknown or
 * unpublished slugs are simply absent; the caller keeps the URL's order.
 */
export async function getComparedCases(slugs: string[]): Promise<ComparedCase[]> {
  if (slugs.length === 0) return [];
  const rows = await db().$queryRaw<ComparedCase[]>(comparedCasesSql(slugs));
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  return slugs.flatMap((s) => bySlug.get(s) ?? []);
}

/** The compare query (exported for the bench's EXPLAIN). */
export function comparedCasesSql(slugs: string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT c."slug", v."title", o."name" AS organisation, c."is_example" AS "isExample", a."name" AS approach,
      v."sector"::text AS sector, to_char(v."intervention_date", 'YYYY-MM-DD') AS "interventionDate",
      v."baseline_period" AS "baselinePeriod", v."follow_up_period" AS "followUpPeriod", v."evidence_level" AS "evidenceLevel",
      coalesce((SELECT json_agg(json_build_object('position', m."position", ${FIGURE_JSON},
          'type', CASE WHEN t."id" IS NULL THEN NULL ELSE json_build_object('key', t."key", 'name', t."name", 'unit', t."unit", 'category', t."category") END)
        ORDER BY m."position")
        FROM "measure" m LEFT JOIN "measure_type" t ON t."id" = m."measure_type_id"
        WHERE m."case_version_id" = v."id"), '[]'::json) AS measures
    FROM ${PUBLISHED_FROM}
    JOIN "organisation" o ON o."id" = c."organisation_id"
    LEFT JOIN "approach" a ON a."id" = v."approach_id"
    WHERE c."slug" = ANY(${slugs}::text[]) AND c."status" = 'published'`;
}

export interface CaseOption {
  slug: string;
  title: string;
}

/**
 * Published cases for the compare picker, by title; `find` narrows by title
 * words (the full-text document's index), so the select stays short at scale.
 */
export async function listCaseOptions(find: string, limit = 60): Promise<{ options: CaseOption[]; more: boolean }> {
  const match = find ? Prisma.sql`AND v."search_document" @@ websearch_to_tsquery('english', ${find})` : Prisma.empty;
  const rows = await db().$queryRaw<CaseOption[]>`
    SELECT c."slug", v."title" FROM ${PUBLISHED_FROM}
    WHERE c."status" = 'published' ${match}
    ORDER BY c."is_example", v."title", c."slug" LIMIT ${limit + 1}::int`;
  return { options: rows.slice(0, limit), more: rows.length > limit };
}
