import "server-only";
import { publicDb } from "@/lib/db";
import type { Assessment, EvidenceFigures } from "@/lib/domain/evidence-types";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MeasureUnit, Sector } from "@/lib/generated/prisma/enums";

// The comparison views aggregate the figures stored at publish
// (measure_figure, written by modules/workspace/data/measure-figures.ts with
// the pure domain): plain columns, so no pooling rule is repeated in SQL.

/** Live published versions only: case_study.published_version_id (unique index) → case_version. */
export const PUBLISHED_FROM = Prisma.sql`"case_study" c
  JOIN "case_version" v ON v."id" = c."published_version_id"`;

/**
 * The figures of one published measure as the page's domain formatting needs
 * them (aliases m: measure, f: measure_figure, d: measure_figure_detail): its stored fields with the
 * headline before/after, and the assessment computed at publish.
 */
export const FIGURE_JSON = Prisma.sql`'label', m."label", 'unit', m."unit", 'rateBasis', m."rate_basis", 'denominator', m."denominator",
  'direction', m."direction", 'fromSeries', f."from_series",
  'before', f."headline_before", 'beforeQualifier', d."detail"->'headline'->>'beforeQualifier',
  'after', f."headline_after", 'afterQualifier', d."detail"->'headline'->>'afterQualifier',
  'reportedChange', m."reported_change"::float8, 'reportedChangeBasis', m."reported_change_basis",
  'reportedChangeQualifier', m."reported_change_qualifier", 'design', m."design", 'comparisonKind', m."comparison_kind",
  'comparisonBefore', m."comparison_before"::float8, 'comparisonAfter', m."comparison_after"::float8, 'target', m."target"::float8,
  'ciLower', m."ci_lower"::float8, 'ciUpper', m."ci_upper"::float8, 'ciLevel', m."ci_level"::float8, 'pValue', m."p_value"::float8,
  'modelled', m."modelled", 'findingDirection', m."finding_direction", 'evidenceLevel', f."evidence_level",
  'assessment', d."detail"->'assessment'`;

/** A published figure: its stored figures (the headline before/after) and the assessment made at publish. */
export interface FigureRow extends Omit<EvidenceFigures, "evidenceLevel"> {
  denominator: string | null;
  /** Before and after are the series' phase means (headline method series_phase_means), not the entered figures. */
  fromSeries: boolean;
  /** The figure's evidence level (from its design, or set on it). */
  evidenceLevel: number;
  assessment: Assessment;
}

/**
 * Aggregates change only when what is published changes, so the views cache
 * them under "public-cases" (the tag modules/cases/cache.ts expires on every
 * publish, unpublish, archive and restore) and "measure-types" (expired by the
 * measure-type admin actions).
 */
export const COMPARISON_CACHE_TAGS = ["public-cases", "measure-types", "approaches"];

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
  const rows = await publicDb().$queryRaw<ComparedCase[]>(comparedCasesSql(slugs));
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
        FROM "measure" m JOIN "measure_figure" f ON f."measure_id" = m."id"
        JOIN "measure_figure_detail" d ON d."measure_id" = m."id"
        LEFT JOIN "measure_type" t ON t."id" = m."measure_type_id"
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
  const rows = await publicDb().$queryRaw<CaseOption[]>`
    SELECT c."slug", v."title" FROM ${PUBLISHED_FROM}
    WHERE c."status" = 'published' ${match}
    ORDER BY c."is_example", v."title", c."slug" LIMIT ${limit + 1}::int`;
  return { options: rows.slice(0, limit), more: rows.length > limit };
}
