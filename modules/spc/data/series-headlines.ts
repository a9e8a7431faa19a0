import "server-only";
import { computePhaseMeansHeadline } from "@/lib/domain/series";
import type { Tx } from "@/modules/workspace/data/case-content";

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const num = (d: { toNumber(): number }) => d.toNumber();

/**
 * Stores, on each measure of a version about to be published, the phase means
 * its headline shows when its method is series_phase_means (null otherwise or
 * when the series cannot give them), so that the SQL aggregates of the
 * comparison views (modules/compare/data/comparisons.ts) pool the same before and after as
 * the case page (modules/spc/present/spc.ts applySeriesHeadline). Call it inside the
 * publishing transaction, before the version is frozen: a frozen version's
 * series cannot change, so the stored means stay true.
 */
export async function storeSeriesHeadlines(tx: Tx, versionId: string): Promise<void> {
  const version = await tx.caseVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: {
      interventionDate: true,
      measures: {
        select: {
          id: true,
          headlineMethod: true,
          rebaseDates: true,
          seriesBeforeMean: true,
          seriesAfterMean: true,
          // Only a series-headline measure needs its points.
          observations: {
            where: { measure: { headlineMethod: "series_phase_means" } },
            orderBy: { date: "asc" },
            select: { date: true, value: true },
          },
        },
      },
    },
  });
  const interventionDate = version.interventionDate ? isoDate(version.interventionDate) : null;
  for (const m of version.measures) {
    let before: number | null = null;
    let after: number | null = null;
    if (m.headlineMethod === "series_phase_means") {
      const points = m.observations.map((o) => ({ date: isoDate(o.date), value: num(o.value) }));
      const h = computePhaseMeansHeadline(points, interventionDate, m.rebaseDates.map(isoDate));
      if (h.ok) [before, after] = [h.before.mean, h.after.mean];
    }
    const stored = (d: { toNumber(): number } | null) => (d === null ? null : num(d));
    if (stored(m.seriesBeforeMean) === before && stored(m.seriesAfterMean) === after) continue;
    await tx.measure.update({ where: { id: m.id }, data: { seriesBeforeMean: before, seriesAfterMean: after } });
  }
}
