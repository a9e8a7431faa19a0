// "From series to headline": a measure whose headline method is
// series_phase_means takes its before and after from the series: the mean of
// the phase just before the intervention and the mean of the phase that
// starts at it. These are the centre lines the SPC chart draws, so the
// headline and the chart cannot disagree.
import { formatPeriod, resolveFrequency, type SeriesFrequency } from "./frequency";
import { phaseRanges, planPhases } from "./phases";

export interface PhaseMean {
  mean: number;
  count: number;
  from: string;
  to: string;
}

export type PhaseMeansHeadline = { ok: true; before: PhaseMean; after: PhaseMean; description: string } | { ok: false; reason: string };

function meanOf(values: readonly number[], start: number, end: number): number {
  let sum = 0;
  for (let i = start; i <= end; i++) sum += values[i]!;
  return sum / (end - start + 1);
}

/** Rounds a mean to 6 decimals, the precision figures are stored with. */
export function roundMean(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

export function computePhaseMeansHeadline(
  points: ReadonlyArray<{ date: string; value: number }>,
  interventionDate: string | null,
  rebaseDates: readonly string[] = [],
  /** The measure's stored frequency (null or absent: as the dates look), for naming the periods. */
  frequency?: SeriesFrequency | null,
): PhaseMeansHeadline {
  if (points.length === 0) return { ok: false, reason: "the measure has no series" };
  if (!interventionDate) return { ok: false, reason: "the case has no intervention date to split the series at" };
  const dates = points.map((p) => p.date);
  const plan = planPhases(dates, interventionDate, rebaseDates);
  if (plan.interventionIndex === undefined) {
    return { ok: false, reason: "the series has no points on both sides of the intervention date" };
  }
  const ranges = phaseRanges(points.length, plan.rebaseAt);
  const k = ranges.findIndex((r) => r.start === plan.interventionIndex);
  const before = ranges[k - 1]!;
  const after = ranges[k]!;
  const values = points.map((p) => p.value);
  const f = resolveFrequency(frequency, dates);
  const phase = (r: { start: number; end: number }): PhaseMean => ({
    mean: roundMean(meanOf(values, r.start, r.end)),
    count: r.end - r.start + 1,
    from: dates[r.start]!,
    to: dates[r.end]!,
  });
  const b = phase(before);
  const a = phase(after);
  const span = (p: PhaseMean) => `${formatPeriod(p.from, f, { long: true })} to ${formatPeriod(p.to, f, { long: true })}`;
  return {
    ok: true,
    before: b,
    after: a,
    description: `Before and after are the means of the series: ${b.count} points (${span(b)}) before the intervention and ${a.count} points (${span(a)}) from it.`,
  };
}
