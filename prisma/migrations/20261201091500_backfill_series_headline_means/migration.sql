-- Fills measure.series_before_mean / series_after_mean for versions published
-- before those columns existed, so the comparison views pool the phase means
-- their case pages show. The rules are lib/domain/series/phases.ts and
-- headline.ts: a phase starts at the first point on or after the intervention
-- date or a rebase date (never at the first point); "before" is the phase just
-- before the intervention's, "after" the intervention's own phase; means are
-- rounded to 6 decimals. Published measures are frozen by a trigger, which is
-- lifted for this statement only.
ALTER TABLE "measure" DISABLE TRIGGER "measure_frozen";

WITH m AS (
  SELECT me."id", v."intervention_date", me."rebase_dates",
         (SELECT min(o."date") FROM "observation" o WHERE o."measure_id" = me."id") AS first_date
  FROM "measure" me
  JOIN "case_version" v ON v."id" = me."case_version_id"
  WHERE me."headline_method" = 'series_phase_means' AND v."published_at" IS NOT NULL
    AND v."intervention_date" IS NOT NULL AND me."series_before_mean" IS NULL
),
starts AS (
  SELECT m."id", s.kind,
         (SELECT min(o."date") FROM "observation" o WHERE o."measure_id" = m."id" AND o."date" >= s.d) AS start
  FROM m
  CROSS JOIN LATERAL (SELECT 'intervention' AS kind, m."intervention_date" AS d
                      UNION ALL SELECT 'rebase', unnest(m."rebase_dates")) s
),
plan AS (
  SELECT m."id", m.first_date, i.start AS intervention_start,
         (SELECT max(s.start) FROM starts s WHERE s."id" = m."id" AND s.start > m.first_date AND s.start < i.start) AS before_start,
         (SELECT min(s.start) FROM starts s WHERE s."id" = m."id" AND s.start > i.start) AS after_end
  FROM m
  JOIN starts i ON i."id" = m."id" AND i.kind = 'intervention'
  WHERE i.start IS NOT NULL AND i.start > m.first_date
),
means AS (
  SELECT p."id",
         (SELECT round(avg(o."value"), 6) FROM "observation" o
           WHERE o."measure_id" = p."id" AND o."date" >= coalesce(p.before_start, p.first_date) AND o."date" < p.intervention_start) AS before_mean,
         (SELECT round(avg(o."value"), 6) FROM "observation" o
           WHERE o."measure_id" = p."id" AND o."date" >= p.intervention_start AND (p.after_end IS NULL OR o."date" < p.after_end)) AS after_mean
  FROM plan p
)
UPDATE "measure" SET "series_before_mean" = means.before_mean, "series_after_mean" = means.after_mean
FROM means WHERE "measure"."id" = means."id";

ALTER TABLE "measure" ENABLE TRIGGER "measure_frozen";
