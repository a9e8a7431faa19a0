// FICTIONAL example series for the SPC charts (issue 6). Two of the fictional
// example cases get monthly observations, so the demo shows both kinds of chart:
//   * Northshire's failure demand: 30 months with a clear shift after the
//     intervention (April 2023). The phase means are exactly the case's
//     before/after figures (62% → 18%), and its headline is taken from them.
//   * Riverton's face-to-face time: 10 months, fewer than the 13 an SPC chart
//     needs, so the page shows the run-chart fallback with its note.
// Observations must be written before a version is stamped published (the
// frozen-version trigger), so insertSeedSeries runs inside createPublishedCase.
import type { HeadlineMethod } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SeedCase, SeedMeasure } from "./seed-data";

export interface SeedSeries {
  /** [ISO date, value, optional note] in date order. */
  points: Array<[string, number, string?]>;
  headlineMethod?: HeadlineMethod;
  target?: number;
  rebaseDates?: string[];
}

const months = (from: string, values: number[]): Array<[string, number]> =>
  values.map((v, i) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + i);
    return [d.toISOString().slice(0, 10), v];
  });

const NOTES: Record<string, string> = {
  "2022-12-01": "Winter pressures (fictional)",
  "2023-04-01": "Redesigned front door team starts (fictional)",
};
const withNotes = (points: Array<[string, number]>): SeedSeries["points"] => points.map(([d, v]) => (NOTES[d] ? [d, v, NOTES[d]] : [d, v]));

/** Failure demand (% of calls), Feb 2022 – Jul 2024: 14 months averaging 62%, then 16 averaging 18%. */
export const NORTHSHIRE_FAILURE_DEMAND: SeedSeries = {
  points: withNotes(
    months(
      "2022-02-01",
      [60, 64, 61, 63, 59, 65, 62, 60, 63, 61, 64, 62, 60, 64, 31, 25, 22, 19, 18, 17, 16, 17, 15, 16, 14, 15, 16, 15, 15, 17],
    ),
  ),
  headlineMethod: "series_phase_means",
  target: 20,
};

/** Face-to-face time (% of total time), Sep 2023 – Jun 2024: 10 months, too few for process limits. */
export const RIVERTON_FACE_TO_FACE: SeedSeries = {
  points: months("2023-09-01", [37, 39, 38, 38, 48, 52, 55, 57, 58, 60]),
};

const SERIES_BY_MEASURE: Record<string, Record<string, SeedSeries>> = {
  "northshire-adult-social-care-front-door": { "failure-demand": NORTHSHIRE_FAILURE_DEMAND },
  "riverton-neighbourhood-health-teams": { "face-to-face-time": RIVERTON_FACE_TO_FACE },
};

/** The seed cases with the example series attached to their measures (by measure type). */
export function withExampleSeries(cases: SeedCase[]): SeedCase[] {
  return cases.map((c) => {
    const byType = SERIES_BY_MEASURE[c.slug];
    if (!byType || !c.isExample) return c;
    return { ...c, measures: c.measures.map((m) => (m.typeKey && byType[m.typeKey] ? { ...m, series: byType[m.typeKey] } : m)) };
  });
}

/** Writes each measure's series (and SPC settings) into a version that is still a draft. */
export async function insertSeedSeries(tx: Prisma.TransactionClient, versionId: string, measures: SeedMeasure[]): Promise<void> {
  const rows = await tx.measure.findMany({ where: { caseVersionId: versionId }, select: { id: true, position: true } });
  for (const [position, m] of measures.entries()) {
    const s = m.series;
    const id = rows.find((r) => r.position === position)?.id;
    if (!s || !id) continue;
    await tx.observation.createMany({
      data: s.points.map(([date, value, annotation]) => ({
        measureId: id,
        date: new Date(`${date}T00:00:00Z`),
        value,
        annotation: annotation ?? null,
      })),
    });
    // publishVersionsTx computes the headline's phase means when the version is published.
    await tx.measure.update({
      where: { id },
      data: {
        headlineMethod: s.headlineMethod ?? "figures",
        target: s.target ?? null,
        rebaseDates: (s.rebaseDates ?? []).map((d) => new Date(`${d}T00:00:00Z`)),
      },
    });
  }
}
