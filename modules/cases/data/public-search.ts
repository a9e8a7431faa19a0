import "server-only";
import { publicDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { PAGE_SIZE, type CaseSearch } from "@/modules/cases/present/case-search";
import { toPublicMeasure, type PublicCaseListItem } from "@/modules/cases/data/public-cases";
import { CARD_FIGURES, toCardFigures } from "@/modules/cases/present/card-figures";
import { MEASURE_FIELDS } from "@/modules/workspace/data/measure-fields";
import type { Sector } from "@/lib/generated/prisma/enums";

// The /cases index: PostgreSQL full-text search over the search document that
// is written when a version is published (title, organisation, measure labels,
// summary — see the public_case_search migration), plus filters. Raw SQL
// because Prisma cannot express tsquery matching or ranking; every value is a
// bound parameter.

/** The index's view plus what the API adds: an organisation filter and its own page size. */
export type PublicCaseQuery = CaseSearch & { organisation?: string | null; pageSize?: number };

export interface CaseSearchResult {
  items: PublicCaseListItem[];
  total: number;
  page: number;
  pageCount: number;
}

export interface SearchFacets {
  approaches: Array<{ key: string; name: string }>;
  measureTypes: Array<{ key: string; name: string }>;
  years: number[];
}

function whereClause(s: PublicCaseQuery): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`c."status" = 'published'`];
  if (s.q) parts.push(Prisma.sql`v."search_document" @@ websearch_to_tsquery('english', ${s.q})`);
  if (s.sector) parts.push(Prisma.sql`v."sector"::text = ${s.sector}`);
  if (s.approach) parts.push(Prisma.sql`a."key" = ${s.approach}`);
  if (s.organisation) parts.push(Prisma.sql`o."slug" = ${s.organisation}`);
  if (s.shift) parts.push(Prisma.sql`${s.shift} = ANY (v."reform_shifts"::text[])`);
  if (s.measure) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "measure" m JOIN "measure_type" t ON t."id" = m."measure_type_id"
      WHERE m."case_version_id" = v."id" AND t."key" = ${s.measure})`);
  }
  if (s.year !== null) {
    parts.push(
      Prisma.sql`v."intervention_date" >= make_date(${s.year}::int, 1, 1) AND v."intervention_date" < make_date(${s.year}::int + 1, 1, 1)`,
    );
  }
  return Prisma.join(parts, " AND ");
}

function orderClause(s: CaseSearch): Prisma.Sql {
  switch (s.sort) {
    case "relevance":
      return Prisma.sql`ts_rank_cd(v."search_document", websearch_to_tsquery('english', ${s.q})) DESC, c."slug"`;
    case "title":
      return Prisma.sql`lower(v."title"), c."slug"`;
    case "intervention":
      return Prisma.sql`v."intervention_date" DESC NULLS LAST, c."slug"`;
    case "newest":
      return Prisma.sql`v."published_at" DESC, c."slug"`;
  }
}

const FROM = Prisma.sql`FROM "case_study" c
  JOIN "case_version" v ON v."id" = c."published_version_id"
  JOIN "organisation" o ON o."id" = c."organisation_id"
  LEFT JOIN "approach" a ON a."id" = v."approach_id"`;

// The first CARD_FIGURES measures of a version, each as JSON with the keys of
// public-cases.ts's Prisma select (stored fields, type, figures stored at
// publish), so toPublicMeasure reads them as the case page does. No series.
const CARD_MEASURES = Prisma.sql`(SELECT coalesce(json_agg(json_build_object('id', m."id", 'position', m."position",
    'fields', json_build_object(${Prisma.raw(MEASURE_FIELDS.map((f) => `'${f.prisma}', m."${f.column}"`).join(", "))}),
    'measureType', CASE WHEN t."id" IS NULL THEN NULL ELSE json_build_object('key', t."key", 'name', t."name") END,
    'detail', d."detail") ORDER BY m."position", m."id"), '[]'::json)
  FROM (SELECT * FROM "measure" WHERE "case_version_id" = v."id" ORDER BY "position", "id" LIMIT ${CARD_FIGURES}) m
  JOIN "measure_figure_detail" d ON d."measure_id" = m."id"
  LEFT JOIN "measure_type" t ON t."id" = m."measure_type_id")`;

// The evidence behind a card, by the approach cards' definitions (approach-card-summary.ts).
const CARD_EVIDENCE = Prisma.sql`(SELECT json_build_object(
    'medianLevel', percentile_disc(0.5) WITHIN GROUP (ORDER BY f."evidence_level"),
    'rawFigures', count(*) FILTER (WHERE f."pool_status" NOT IN ('one_figure', 'words') AND NOT f."reported_only"),
    'reportedFigures', count(*) FILTER (WHERE f."reported_only"))
  FROM "measure_figure" f WHERE f."case_version_id" = v."id")`;

type CardMeasureJson = {
  id: string;
  position: number;
  fields: Record<string, unknown>;
  measureType: { key: string; name: string } | null;
  detail: unknown;
};

type Row = {
  slug: string;
  is_example: boolean;
  organisation: string;
  organisation_slug: string;
  title: string;
  sector: Sector;
  approach: string | null;
  approach_key: string | null;
  published_at: Date;
  measure_count: number;
  card_measures: CardMeasureJson[];
  evidence: { medianLevel: number | null; rawFigures: number; reportedFigures: number };
};

export async function searchPublishedCases(s: PublicCaseQuery): Promise<CaseSearchResult> {
  const pageSize = s.pageSize ?? PAGE_SIZE;
  const where = whereClause(s);
  // Counted separately: a window count in the page query would make
  // PostgreSQL build every matching row's columns before the LIMIT.
  const [{ total }] = await publicDb().$queryRaw<[{ total: number }]>`SELECT count(*)::int AS total ${FROM} WHERE ${where}`;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(s.page, pageCount);
  const rows = await publicDb().$queryRaw<Row[]>`
    SELECT c."slug", c."is_example", o."name" AS organisation, o."slug" AS organisation_slug, v."title", v."sector"::text AS sector,
           a."name" AS approach, a."key" AS approach_key, v."published_at",
           (SELECT count(*)::int FROM "measure" m WHERE m."case_version_id" = v."id") AS measure_count,
           ${CARD_MEASURES} AS card_measures, ${CARD_EVIDENCE} AS evidence
    FROM (SELECT c."id" AS case_id, v."id" AS version_id ${FROM} WHERE ${where}
          ORDER BY ${orderClause(s)} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}) hit
    JOIN "case_study" c ON c."id" = hit.case_id
    JOIN "case_version" v ON v."id" = hit.version_id
    JOIN "organisation" o ON o."id" = c."organisation_id"
    LEFT JOIN "approach" a ON a."id" = v."approach_id"
    ORDER BY ${orderClause(s)}`;
  return {
    total,
    page,
    pageCount,
    items: rows.map((r) => ({
      slug: r.slug,
      isExample: r.is_example,
      organisation: r.organisation,
      organisationSlug: r.organisation_slug,
      title: r.title,
      sector: r.sector,
      approach: r.approach,
      approachKey: r.approach_key,
      publishedAt: r.published_at.toISOString(),
      measureCount: r.measure_count,
      card: toCardFigures(
        r.card_measures.map((m) =>
          toPublicMeasure({
            ...(m.fields as object),
            id: m.id,
            position: m.position,
            measureType: m.measureType,
            figure: { detail: { detail: m.detail } },
          } as Parameters<typeof toPublicMeasure>[0]),
        ),
        r.evidence,
      ),
    })),
  };
}

/** Filter choices that match at least one published case. */
export async function listSearchFacets(): Promise<SearchFacets> {
  const [approaches, measureTypes, years] = await Promise.all([
    publicDb().$queryRaw<Array<{ key: string; name: string }>>`
      SELECT DISTINCT a."key", a."name" ${FROM} WHERE c."status" = 'published' AND a."key" IS NOT NULL ORDER BY a."name"`,
    publicDb().$queryRaw<Array<{ key: string; name: string }>>`
      SELECT t."key", t."name" FROM "measure_type" t
      WHERE EXISTS (SELECT 1 FROM "measure" m JOIN "case_study" c ON c."published_version_id" = m."case_version_id"
                    WHERE m."measure_type_id" = t."id" AND c."status" = 'published')
      ORDER BY t."name"`,
    publicDb().$queryRaw<Array<{ year: number }>>`
      SELECT DISTINCT extract(year FROM v."intervention_date")::int AS year ${FROM}
      WHERE c."status" = 'published' AND v."intervention_date" IS NOT NULL ORDER BY year DESC`,
  ]);
  return { approaches, measureTypes, years: years.map((y) => y.year) };
}
