import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { listSeriesForVersions } from "@/modules/spc/data/series";
import type { SeriesForChart } from "@/modules/spc/present/spc";
import { FIGURE_JSON, type FigureRow } from "./comparisons";

// The board summary (a leader's home): every measure of an organisation's
// published cases with its stored figures (computed at publish), and the
// series behind any measure that has one, for its Making Data Count icons.

/** A board paper is read, not scrolled: past this many measures the summary says so and the CSV has them all. */
export const BOARD_LIMIT = 500;

export interface BoardMeasure {
  caseSlug: string;
  caseTitle: string;
  version: number;
  approach: string | null;
  measureId: string;
  position: number;
  typeName: string | null;
  outcome: string;
  figures: FigureRow;
}

export interface BoardData {
  measures: BoardMeasure[];
  series: Map<string, SeriesForChart>;
  /** Measures in all (may exceed the rows loaded). */
  total: number;
}

export async function getBoardSummary(organisationId: string, limit = BOARD_LIMIT): Promise<BoardData> {
  const rows = await db().$queryRaw<Array<BoardMeasure & { versionId: string; total: number }>>(Prisma.sql`
    SELECT c."slug" AS "caseSlug", v."title" AS "caseTitle", v."number" AS version, v."id" AS "versionId", a."name" AS approach,
      m."id" AS "measureId", m."position", t."name" AS "typeName", f."outcome"::text AS outcome,
      json_build_object(${FIGURE_JSON}) AS figures, count(*) OVER ()::int AS total
    FROM "case_study" c
    JOIN "case_version" v ON v."id" = c."published_version_id"
    JOIN "measure" m ON m."case_version_id" = v."id"
    JOIN "measure_figure" f ON f."measure_id" = m."id"
    JOIN "measure_figure_detail" d ON d."measure_id" = m."id"
    LEFT JOIN "measure_type" t ON t."id" = m."measure_type_id"
    LEFT JOIN "approach" a ON a."id" = v."approach_id"
    WHERE c."organisation_id" = ${organisationId}::uuid AND c."status" = 'published'
    ORDER BY v."title", c."slug", m."position"
    LIMIT ${limit}::int`);
  const series = await listSeriesForVersions([...new Set(rows.map((r) => r.versionId))]);
  return { measures: rows, series, total: rows[0]?.total ?? 0 };
}
