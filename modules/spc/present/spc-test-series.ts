// Test support: a seeded example series (prisma/seed-series.ts) as the
// SeriesForChart the presenters take, with any field overridden.
import type { NORTHSHIRE_FAILURE_DEMAND } from "@/prisma/seed-series";
import type { SeriesForChart } from "./spc";

export const toSeries = (s: typeof NORTHSHIRE_FAILURE_DEMAND, over: Partial<SeriesForChart>): SeriesForChart => ({
  measureId: "m1",
  label: "Failure demand at the front door",
  unit: "percent",
  rateBasis: null,
  direction: "lower_is_better",
  headlineMethod: s.headlineMethod ?? "figures",
  target: s.target ?? null,
  rebaseDates: [],
  runLength: 7,
  screenOutliers: true,
  fixAfterPoints: null,
  frequency: null,
  interventionDate: "2023-04-01",
  points: s.points.map(([date, value, annotation]) => ({ date, value, annotation: annotation ?? null })),
  ...over,
});
