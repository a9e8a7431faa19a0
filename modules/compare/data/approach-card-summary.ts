// No "server-only" import: the publish path (publishVersionsTx), which the
// seeds and the browser tests' factories also use, keeps the summaries current.
import { Prisma } from "@/lib/generated/prisma/client";
import type { ApproachFilters } from "@/lib/schemas/comparison";

// The approach cards' aggregates (issue 14): per approach and measure
// category, the cases' changes summarised for a headline, the evidence behind
// them, and the figures themselves as dots when few enough to draw. One query
// over the figures stored at publish (measure_figure). The unfiltered view is
// kept in approach_card_summary, refreshed in the same transaction as every
// change to what is published, for the approaches it touches, so the first view
// after a publish reads one row per approach.

/** Categories with more pooled figures than this show their spread as a box instead of a dot per figure. */
export const DOT_LIMIT = 40;

export const NO_FILTERS: ApproachFilters = { sector: null, design: null, level: null };

function filterSql(f: ApproachFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.sector) parts.push(Prisma.sql`AND f."sector"::text = ${f.sector}`);
  if (f.design) parts.push(Prisma.sql`AND f."design"::text = ${f.design}`);
  if (f.level) parts.push(Prisma.sql`AND f."evidence_level" >= ${f.level}::int`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

/** The cards' SQL (exported for the bench's EXPLAIN). */
export function approachCardsSql(f: ApproachFilters, approachIds?: string[]): Prisma.Sql {
  const only = approachIds ? Prisma.sql`AND f."approach_id" = ANY(${approachIds}::uuid[])` : Prisma.empty;
  const onlyApproaches = approachIds ? Prisma.sql`AND a."id" = ANY(${approachIds}::uuid[])` : Prisma.empty;
  return Prisma.sql`
    WITH pf AS MATERIALIZED (
      SELECT f."approach_id", f."case_version_id" AS vid, f."measure_id", f."category", f."pool_scale" = 'pp' AS pp,
        f."pool_status" AS status, f."pool_value" AS value, f."pool_lower" AS lo, f."pool_upper" AS hi, f."outcome",
        f."reported_only", f."evidence_level", f."design", f."measure_type_id"
      FROM "measure_figure" f
      JOIN "case_study" c ON c."published_version_id" = f."case_version_id" AND c."status" = 'published'
      WHERE f."approach_id" IS NOT NULL ${only} ${filterSql(f)}
    ), fa AS (
      SELECT "approach_id", count(DISTINCT vid)::int AS cases, count(*)::int AS figures,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY "evidence_level") AS level,
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
    ), pooled AS MATERIALIZED (
      SELECT pf.*, CASE t."direction" WHEN 'lower_is_better' THEN -1 WHEN 'higher_is_better' THEN 1 END AS sign
      FROM pf LEFT JOIN "measure_type" t ON t."id" = pf."measure_type_id"
      WHERE pf.category IS NOT NULL AND pf.status = 'pooled'
    ), pc AS (
      SELECT "approach_id", category, pp, vid, avg(value) AS v, avg(value * sign) AS gain
      FROM pooled GROUP BY 1, 2, 3, 4
    ), cs AS (
      SELECT "approach_id", category, pp, count(*)::int AS cases,
        count(*) FILTER (WHERE v < 0)::int AS down, count(*) FILTER (WHERE v > 0)::int AS up, count(*) FILTER (WHERE v = 0)::int AS flat,
        percentile_cont(0.25) WITHIN GROUP (ORDER BY v) AS q1, percentile_cont(0.5) WITHIN GROUP (ORDER BY v) AS median,
        percentile_cont(0.75) WITHIN GROUP (ORDER BY v) AS q3, min(v) AS lo, max(v) AS hi,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY gain) AS gain
      FROM pc GROUP BY 1, 2, 3
    ), ce AS (
      SELECT "approach_id", category, pp, count(*)::int AS n,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY "evidence_level") AS level,
        count(*) FILTER (WHERE NOT "reported_only")::int AS raw, count(*) FILTER (WHERE "reported_only")::int AS reported,
        count(*) FILTER (WHERE "outcome" = 'improved')::int AS improved, count(*) FILTER (WHERE "outcome" = 'worsened')::int AS worsened,
        count(*) FILTER (WHERE "outcome" IN ('no_change', 'no_clear_difference'))::int AS same
      FROM pooled GROUP BY 1, 2, 3
    ), dots AS (
      SELECT p."approach_id", p.category, p.pp,
        json_agg(json_build_object('slug', c."slug", 'title', v."title", 'label', m."label", 'value', p.value, 'lower', p.lo,
          'upper', p.hi, 'design', p."design", 'outcome', p."outcome") ORDER BY p.value, c."slug") AS dots
      FROM pooled p
      JOIN ce ON ce."approach_id" = p."approach_id" AND ce.category = p.category AND ce.pp = p.pp AND ce.n <= ${DOT_LIMIT}::int
      JOIN "case_study" c ON c."published_version_id" = p.vid
      JOIN "case_version" v ON v."id" = p.vid
      JOIN "measure" m ON m."id" = p."measure_id"
      GROUP BY 1, 2, 3
    ), cat AS (
      SELECT cs."approach_id", json_agg(json_build_object('category', cs.category::text, 'pp', cs.pp, 'n', ce.n, 'cases', cs.cases,
          'casesDown', cs.down, 'casesUp', cs.up, 'casesFlat', cs.flat, 'q1', cs.q1, 'median', cs.median, 'q3', cs.q3,
          'min', cs.lo, 'max', cs.hi, 'medianGain', cs.gain, 'improved', ce.improved, 'worsened', ce.worsened, 'noChange', ce.same,
          'medianLevel', ce.level, 'rawFigures', ce.raw, 'reportedFigures', ce.reported, 'dots', coalesce(dots.dots, '[]'::json))
          ORDER BY cs.category, cs.pp) AS categories
      FROM cs JOIN ce USING ("approach_id", category, pp)
      LEFT JOIN dots USING ("approach_id", category, pp)
      GROUP BY cs."approach_id"
    )
    SELECT a."id", a."key", a."name", a."description", coalesce(fa.cases, 0) AS cases, coalesce(fa.figures, 0) AS figures,
      fa.level AS "medianLevel", coalesce(fa.raw, 0) AS "rawFigures", coalesce(fa.reported, 0) AS "reportedFigures",
      coalesce(des.designs, '{}'::json) AS designs,
      coalesce(fa.findings, '{"improved":0,"noClearDifference":0,"worsened":0,"unclear":0}'::json) AS findings,
      coalesce(cat.categories, '[]'::json) AS categories
    FROM "approach" a
    LEFT JOIN fa ON fa."approach_id" = a."id"
    LEFT JOIN des ON des."approach_id" = a."id"
    LEFT JOIN cat ON cat."approach_id" = a."id"
    WHERE a."status" = 'accepted' ${onlyApproaches}
    ORDER BY coalesce(fa.cases, 0) = 0, a."name"`;
}

type Tx = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw">;

/**
 * Recomputes the stored card figures of these approaches (or of every
 * approach) inside the caller's transaction, after its change to what is
 * published. A transaction-scoped lock per approach makes concurrent publishes
 * of the same approach take turns, so the later one aggregates after the
 * earlier one committed and neither overwrites the other's case.
 */
export async function refreshApproachCards(tx: Tx, approachIds: Array<string | null> | "all"): Promise<void> {
  const ids =
    approachIds === "all"
      ? (await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "approach" ORDER BY "id"`).map((r) => r.id)
      : [...new Set(approachIds.filter((id): id is string => id !== null))].sort();
  if (ids.length === 0) return;
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended('approach_card_summary:' || id, 0))::text
    FROM unnest(${ids}::text[]) AS id ORDER BY id`;
  await tx.$executeRaw`SET LOCAL jit = off`;
  await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
  await tx.$executeRaw`
    INSERT INTO "approach_card_summary" ("approach_id", "body", "computed_at")
    SELECT x."id", to_jsonb(x) - 'id' - 'key' - 'name' - 'description', now()
    FROM (${approachCardsSql(NO_FILTERS, ids)}) x
    ON CONFLICT ("approach_id") DO UPDATE SET "body" = EXCLUDED."body", "computed_at" = EXCLUDED."computed_at"`;
}

/** The approaches of the live published versions of these cases (before a change, to refresh them after it). */
export async function listPublishedApproachIds(tx: Tx, caseIds: string[]): Promise<string[]> {
  if (caseIds.length === 0) return [];
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT DISTINCT v."approach_id"::text AS id FROM "case_study" c JOIN "case_version" v ON v."id" = c."published_version_id"
    WHERE c."id" = ANY(${caseIds}::uuid[]) AND c."status" = 'published' AND v."approach_id" IS NOT NULL`;
  return rows.map((r) => r.id);
}
