// From dates to the SPC engine's phase starts. The engine takes 0-based
// indices (calculateSpc's `rebaseAt`); cases store dates: the intervention
// date of the case version and the measure's extra rebase dates.
//
// A phase starts at the first point dated on or after the date. NHSRplotthedots
// rebases only on a date present in the data; a monthly series dated on the
// 1st with an intervention on 15 April would then never rebase, so we take
// the first point from that date on and say so when the dates differ.
import { formatSeriesDate } from "./dates";

export interface PhasePlan {
  /** Indices for calculateSpc's `rebaseAt` (sorted, unique, none at 0). */
  rebaseAt: number[];
  /** Index of the first point of the intervention's phase, or undefined when it does not split the series. */
  interventionIndex: number | undefined;
  /** Reader-facing notes on dates that could not be used as given. */
  notes: string[];
}

/** Index of the first date on or after `date` in sorted ISO `dates`, or -1. */
export function firstIndexOnOrAfter(dates: readonly string[], date: string): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! < date) lo = mid + 1;
    else hi = mid;
  }
  return lo < dates.length ? lo : -1;
}

export function planPhases(dates: readonly string[], interventionDate: string | null, rebaseDates: readonly string[] = []): PhasePlan {
  const notes: string[] = [];
  const starts = new Set<number>();
  let interventionIndex: number | undefined;
  const monthly = dates.every((d) => d.endsWith("-01"));

  const place = (date: string, what: string): number | undefined => {
    const i = firstIndexOnOrAfter(dates, date);
    if (i === -1) {
      notes.push(`The ${what} (${formatSeriesDate(date, false)}) is after the last point, so the limits are not recalculated for it yet.`);
      return undefined;
    }
    if (i === 0) {
      notes.push(
        `The ${what} (${formatSeriesDate(date, false)}) is on or before the first point, so there is no earlier period to compare with.`,
      );
      return undefined;
    }
    if (dates[i] !== date) {
      notes.push(
        `The ${what} (${formatSeriesDate(date, false)}) falls between points: the new limits start at ${formatSeriesDate(dates[i]!, monthly)}.`,
      );
    }
    starts.add(i);
    return i;
  };

  if (interventionDate) interventionIndex = place(interventionDate, "intervention date");
  for (const d of [...new Set(rebaseDates)].sort()) {
    if (d === interventionDate) continue;
    place(d, "rebase date");
  }
  return { rebaseAt: [...starts].sort((a, b) => a - b), interventionIndex, notes };
}

/** Phase ranges [start, end] (inclusive) for a series of `length` points split at `rebaseAt`. */
export function phaseRanges(length: number, rebaseAt: readonly number[]): Array<{ start: number; end: number }> {
  const starts = [0, ...rebaseAt.filter((i) => i > 0 && i < length)].sort((a, b) => a - b);
  const unique = starts.filter((s, i) => i === 0 || starts[i - 1] !== s);
  return unique.map((start, i) => ({ start, end: (unique[i + 1] ?? length) - 1 }));
}

/** The measure's "better when" in the SPC engine's terms. */
export function toImprovementDirection(direction: "lower_is_better" | "higher_is_better" | "neutral"): "decrease" | "increase" | "neutral" {
  return direction === "lower_is_better" ? "decrease" : direction === "higher_is_better" ? "increase" : "neutral";
}
