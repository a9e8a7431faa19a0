// Run charts: what a series too short (or too irregular) for process limits
// can still show. The centre line is the median of the points; the NHS
// run-chart rules (NHS England / NHS Improvement "Run charts" guidance, after
// Perla, Provost & Murray 2011) read runs against it in time order:
//   * a shift: 6 or more consecutive points all above or all below the
//     median; points on the median neither count towards nor break a shift;
//   * a trend: 5 or more consecutive points all going up or all going down;
//     when two or more consecutive points have the same value, only one is
//     counted (a tie neither adds to nor breaks a trend).
// The other two rules of the guidance are not automated: too many or too few
// runs (needs the runs table and usually 10+ useful points) and an
// "astronomical" point (a judgement, not a calculation).
// Pure TypeScript: no framework, database or Node imports.

import { pointTypeFor } from "./icons";
import type { ImprovementDirection, PointType, SignalSide } from "./types";

/** Points in a row on one side of the median that make a shift (NHS run-chart rules). */
export const RUN_CHART_SHIFT = 6;
/** Points in a row going up or down that make a trend (NHS run-chart rules). */
export const RUN_CHART_TREND = 5;

export interface RunChartOptions {
  improvementDirection: ImprovementDirection;
  shiftLength?: number;
  trendLength?: number;
}

export interface RunChartPoint {
  index: number;
  x: string;
  y: number;
  /** Part of a shift (6+ points on one side of the median). */
  shift: boolean;
  /** Part of a trend (5+ points going one way, ties counted once). */
  trend: boolean;
  /** The side of the point's signal: a trend's direction of travel, else the shift's side of the median. */
  side: SignalSide;
  pointType: PointType;
}

export interface RunChartRun {
  rule: "shift" | "trend";
  /** Inclusive 0-based indices of the first and last point of the run. */
  start: number;
  end: number;
  /** Shift: above ("high") or below ("low") the median; trend: rising ("high") or falling ("low"). */
  side: "high" | "low";
  /** Points that count towards the rule (points on the median and repeated values left out). */
  counted: number;
  pointType: PointType;
}

export interface RunChartResult {
  points: RunChartPoint[];
  /** NaN for an empty series. */
  median: number;
  runs: RunChartRun[];
  /** The last point's type and side. */
  latest: { pointType: PointType; side: SignalSide };
  shiftLength: number;
  trendLength: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function checkLength(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 2) throw new Error(`Run chart: ${what} must be an integer of at least 2.`);
  return n;
}

/** Shifts: runs of points strictly on one side of `centre`, points on it skipped. */
function findShifts(y: readonly number[], centre: number, length: number): Array<Omit<RunChartRun, "pointType">> {
  const runs: Array<Omit<RunChartRun, "pointType">> = [];
  let side = 0;
  let members: number[] = [];
  const close = () => {
    if (members.length >= length) {
      runs.push({
        rule: "shift",
        start: members[0]!,
        end: members[members.length - 1]!,
        side: side > 0 ? "high" : "low",
        counted: members.length,
      });
    }
  };
  for (let i = 0; i < y.length; i++) {
    const s = Math.sign(y[i]! - centre);
    if (s === 0) continue; // on the median: neither counts nor breaks
    if (s !== side) {
      close();
      side = s;
      members = [];
    }
    members.push(i);
  }
  close();
  return runs;
}

/** Trends: runs of consecutive rises (or falls), repeated values counted once. */
function findTrends(y: readonly number[], length: number): Array<Omit<RunChartRun, "pointType">> {
  const runs: Array<Omit<RunChartRun, "pointType">> = [];
  let dir = 0;
  let start = 0; // first point of the current run
  let end = 0; // last point reached by a counted step
  let steps = 0; // counted (non-zero) steps in the run
  const close = () => {
    if (dir !== 0 && steps + 1 >= length) runs.push({ rule: "trend", start, end, side: dir > 0 ? "high" : "low", counted: steps + 1 });
  };
  for (let i = 1; i < y.length; i++) {
    const d = Math.sign(y[i]! - y[i - 1]!);
    if (d === 0) continue; // a repeated value: counted once
    if (d !== dir) {
      close();
      dir = d;
      // The new run starts at the turning point: the last of any repeated values before this step.
      start = i - 1;
      steps = 0;
    }
    steps++;
    end = i;
  }
  close();
  return runs;
}

export function calculateRunChart(series: ReadonlyArray<{ x: string; y: number }>, options: RunChartOptions): RunChartResult {
  const shiftLength = checkLength(options.shiftLength ?? RUN_CHART_SHIFT, "shiftLength");
  const trendLength = checkLength(options.trendLength ?? RUN_CHART_TREND, "trendLength");
  const y = series.map((p) => p.y);
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) throw new Error(`Run chart: y at index ${i} is ${String(y[i])}; every value must be a finite number.`);
  }
  const centre = median(y);
  const direction = options.improvementDirection;
  const typed = (r: Omit<RunChartRun, "pointType">): RunChartRun => ({
    ...r,
    pointType: pointTypeFor(r.side === "high" ? 1 : -1, direction),
  });
  const shifts = findShifts(y, centre, shiftLength).map(typed);
  const trends = findTrends(y, trendLength).map(typed);

  // As the SPC rules (PTD precedence), a point in both a trend and a shift takes the trend's side.
  const signal = new Int8Array(y.length);
  const inShift = new Uint8Array(y.length);
  const inTrend = new Uint8Array(y.length);
  for (const r of shifts) {
    for (let i = r.start; i <= r.end; i++) {
      if (y[i] === centre) continue; // points on the median are not part of the shift
      inShift[i] = 1;
      signal[i] = r.side === "high" ? 1 : -1;
    }
  }
  for (const r of trends) {
    for (let i = r.start; i <= r.end; i++) {
      inTrend[i] = 1;
      signal[i] = r.side === "high" ? 1 : -1;
    }
  }
  const points: RunChartPoint[] = series.map((p, i) => ({
    index: i,
    x: p.x,
    y: p.y,
    shift: inShift[i] === 1,
    trend: inTrend[i] === 1,
    side: signal[i]! > 0 ? "high" : signal[i]! < 0 ? "low" : null,
    pointType: pointTypeFor(signal[i]!, direction),
  }));
  const last = points[points.length - 1];
  const runs = [...shifts, ...trends].sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    points,
    median: centre,
    runs,
    latest: { pointType: last?.pointType ?? "common_cause", side: last?.side ?? null },
    shiftLength,
    trendLength,
  };
}

export interface RunChartSummaryOptions {
  unitLabel?: string;
  /** e.g. "a month". */
  intervalLabel?: string;
  /** Index of the intervention's first point, when the series spans it. */
  interventionIndex?: number;
  dateLabel?: (x: string) => string;
}

function num(v: number): string {
  const a = Math.abs(v);
  if (a >= 10) return (Math.round(v * 10) / 10).toLocaleString("en-GB");
  if (a === 0) return "0";
  return String(Number(v.toPrecision(2)));
}

function amount(v: number, unit?: string): string {
  if (!unit) return num(v);
  return unit === "%" ? `${num(v)}%` : `${num(v)} ${unit}`;
}

function plural(intervalLabel: string | undefined, count: number): string {
  const base = intervalLabel?.replace(/^(a|an|per|each)\s+/i, "").trim();
  if (!base) return count === 1 ? "point" : "points";
  return count === 1 ? base : `${base}s`;
}

const TONE_WORDS: Record<PointType, string> = {
  common_cause: "",
  special_cause_improvement: " (an improvement)",
  special_cause_concern: " (a concern)",
  special_cause_neutral: "",
};

/**
 * What a run chart can say, in words: the median (and the medians either side
 * of the intervention), each shift and trend the NHS run-chart rules find,
 * or that there is none. It never quotes limits or claims more than the runs.
 */
export function summariseRunChart(result: RunChartResult, opts: RunChartSummaryOptions = {}): string {
  const n = result.points.length;
  if (n === 0) return "No data to summarise.";
  const when = opts.dateLabel ?? ((x: string) => x);
  const sentences: string[] = [];
  const i0 = opts.interventionIndex;
  if (i0 !== undefined && i0 > 0 && i0 < n) {
    const before = median(result.points.slice(0, i0).map((p) => p.y));
    const after = median(result.points.slice(i0).map((p) => p.y));
    sentences.push(
      `The median of all ${n} points is ${amount(result.median, opts.unitLabel)}: ${amount(before, opts.unitLabel)} before the intervention (${i0} ${plural(opts.intervalLabel, i0)}) and ${amount(after, opts.unitLabel)} from it (${n - i0} ${plural(opts.intervalLabel, n - i0)}).`,
    );
  } else {
    sentences.push(`The median of the ${n} points is ${amount(result.median, opts.unitLabel)}.`);
  }
  const ruleText = `a shift is ${result.shiftLength} or more points in a row on one side of the median, a trend ${result.trendLength} or more in a row going up or down`;
  const rules = `(NHS run-chart rules: ${ruleText})`;
  if (result.runs.length === 0) {
    if (n < Math.min(result.shiftLength, result.trendLength)) {
      sentences.push(
        `With ${n} points there are too few for a shift or a trend ${rules}: the run chart cannot yet tell a real change from noise.`,
      );
    } else {
      sentences.push(`No shift and no trend ${rules}: the run chart shows no sign of a real change.`);
    }
    return sentences.join(" ");
  }
  for (const r of result.runs) {
    const span = `${when(result.points[r.start]!.x)} to ${when(result.points[r.end]!.x)}`;
    const skipped = r.end - r.start + 1 > r.counted;
    const what =
      r.rule === "shift"
        ? `A shift: ${r.counted} ${plural(opts.intervalLabel, r.counted)} in a row ${r.side === "high" ? "above" : "below"} the median${skipped ? " (points on the median not counted)" : ""}`
        : `A trend: ${r.counted} ${plural(opts.intervalLabel, r.counted)} in a row ${r.side === "high" ? "rising" : "falling"}${skipped ? " (a repeated value counted once)" : ""}`;
    sentences.push(`${what}, ${span}${TONE_WORDS[r.pointType]}.`);
  }
  sentences.push(
    `Under the NHS run-chart rules (${ruleText}) ${result.runs.length === 1 ? "this is a sign" : "these are signs"} of a real change, not noise.`,
  );
  return sentences.join(" ");
}
