// SPC engine: XmR (individuals) charts as NHS England "Making Data Count"
// draws them, matching the NHS-R reference implementation NHSRplotthedots
// 0.2.x (ptd_spc → ptd_spc_standard → ptd_calculate_point_type →
// ptd_add_short_group_warnings; icons from ptd_calculate_assurance_type).
// Pure TypeScript: no framework, database or Node imports.
//
// The series must be in time order with no gaps (as PTD requires); x is
// passed through untouched and never parsed here.

import { assuranceIcon, pointTypeFor, variationIcon } from "./icons";
import { phaseLimits, type PhaseLimits } from "./limits";
import { evaluatePhase } from "./rules";
import type { PointType, SignalSide, SpcOptions, SpcPhase, SpcPoint, SpcResult, SpecialCauseFlags } from "./types";
import { phaseStarts, resolveOptions, validateSeries } from "./validate";

export type * from "./types";
export { SpcInputError } from "./validate";
export { summariseSpc } from "./summary";
export { calculateRunChart, summariseRunChart, RUN_CHART_SHIFT, RUN_CHART_TREND } from "./run-chart";
export type * from "./run-chart";

/**
 * The 16 possible sets of special-cause flags, frozen and shared by every
 * point: a 10,000-point series would otherwise allocate 10,000 small objects
 * (a fifth of the engine's time went to making and collecting them).
 * Index: beyondLimits | shift << 1 | trend << 2 | twoInThree << 3.
 */
const SPECIAL_CAUSE_FLAGS: readonly SpecialCauseFlags[] = Array.from({ length: 16 }, (_, mask) =>
  Object.freeze({ beyondLimits: (mask & 1) !== 0, shift: (mask & 2) !== 0, trend: (mask & 4) !== 0, twoInThree: (mask & 8) !== 0 }),
);

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6)));
}

export function calculateSpc(series: Array<{ x: string; y: number }>, options: SpcOptions): SpcResult {
  validateSeries(series);
  const opts = resolveOptions(options);
  const notes: string[] = [];
  const n = series.length;
  const starts = phaseStarts(options.rebaseAt, n, notes);
  if (n === 0) {
    notes.push("No data points: there is nothing to chart.");
    return { points: [], phases: [], variation: "common_cause", variationSide: null, assurance: "none", notes, runLength: opts.runLength };
  }

  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = series[i]!.y;
  const mr = new Float64Array(n);
  const mrUsed = new Uint8Array(n);
  const rtm = new Int8Array(n);
  const close = new Uint8Array(n);
  const outside = new Uint8Array(n);
  const chartMinimum = opts.minimumPoints + 1;
  const shortChart = n < chartMinimum;

  const points: SpcPoint[] = new Array<SpcPoint>(n);
  const types: PointType[] = new Array<PointType>(n);
  const phases: SpcPhase[] = [];
  let lastLimits: PhaseLimits | null = null;

  for (let p = 0; p < starts.length; p++) {
    const start = starts[p]!;
    const end = starts[p + 1] ?? n; // exclusive
    const phase = p + 1;
    const lim = phaseLimits(y, start, end, opts, mr, mrUsed);
    lastLimits = lim;

    // ptd_spc_standard: outside_limits, relative_to_mean, close_to_limits.
    for (let i = start; i < end; i++) {
      const v = y[i]!;
      rtm[i] = Math.sign(v - lim.mean);
      if (lim.limitsDefined) {
        const out = v > lim.upl || v < lim.lpl;
        outside[i] = out ? 1 : 0;
        close[i] = !out && (v < lim.lower2Sigma || v > lim.upper2Sigma) ? 1 : 0;
      }
    }
    const rules = evaluatePhase(
      y.subarray(start, end),
      rtm.subarray(start, end),
      close.subarray(start, end),
      outside.subarray(start, end),
      opts.runLength,
    );

    for (let i = start; i < end; i++) {
      const k = i - start;
      const signal = rules.signal[k]!;
      const type = pointTypeFor(signal, opts.improvementDirection);
      types[i] = type;
      points[i] = {
        index: i,
        x: series[i]!.x,
        y: y[i]!,
        phase,
        mean: lim.mean,
        lpl: lim.lpl,
        upl: lim.upl,
        lower2Sigma: lim.lower2Sigma,
        upper2Sigma: lim.upper2Sigma,
        movingRange: i === start ? null : mr[i]!,
        movingRangeUsed: mrUsed[i] === 1,
        specialCause:
          SPECIAL_CAUSE_FLAGS[rules.beyondLimits[k]! | (rules.shift[k]! << 1) | (rules.trend[k]! << 2) | (rules.twoInThree[k]! << 3)]!,
        pointType: type,
        side: sideOf(signal),
      };
    }

    const length = end - start;
    phases.push({
      phase,
      start,
      end: end - 1,
      mean: lim.mean,
      mrBar: lim.mrBar,
      lpl: lim.lpl,
      upl: lim.upl,
      trialLimits: length < opts.minimumPoints,
      runChartOnly: !lim.limitsDefined || shortChart,
    });
    addPhaseNotes(notes, { phase, start, end, lim, y, opts, multiPhase: starts.length > 1 });
  }

  if (shortChart) {
    notes.push(`Fewer than ${chartMinimum} points in the chart (${n}): read it as a run chart; the limits and icons are provisional.`);
  }

  // A last phase of one point has no moving range: its "limits" are the point
  // itself, and comparing a target with them would claim a consistency there
  // is no variation to show. PTD falls through to "inconsistent"; no icon is
  // the sounder answer (issue 18).
  const lastPhase = phases[phases.length - 1]!;
  const singlePointLast = lastPhase.start === lastPhase.end;
  let assurance = assuranceIcon(opts.target, opts.improvementDirection, lastLimits);
  if (singlePointLast && assurance !== "none") {
    assurance = "none";
    notes.push(`No assurance icon: the latest phase has a single point, so there is no variation yet to judge the target against.`);
  }

  return {
    points,
    phases,
    variation: variationIcon(types),
    variationSide: points[n - 1]!.side,
    assurance,
    notes,
    runLength: opts.runLength,
  };
}

function sideOf(signal: number): SignalSide {
  return signal > 0 ? "high" : signal < 0 ? "low" : null;
}

function addPhaseNotes(
  notes: string[],
  c: {
    phase: number;
    start: number;
    end: number;
    lim: PhaseLimits;
    y: Float64Array;
    opts: ReturnType<typeof resolveOptions>;
    multiPhase: boolean;
  },
): void {
  const { phase, start, end, lim, y, opts } = c;
  const length = end - start;
  const where = c.multiPhase ? `phase ${phase}` : "the series";
  const Where = c.multiPhase ? `Phase ${phase}` : "The series";
  let constant = true;
  for (let i = start + 1; i < end && constant; i++) constant = y[i] === y[start];

  if (length === 1) {
    notes.push(`${Where} has a single point: no moving range, so no limits (they are shown on the mean).`);
  } else if (constant) {
    notes.push(
      `${Where} is constant (every value is ${fmt(y[start]!)}): the moving ranges are all 0, so the limits collapse onto the mean and no point is flagged.`,
    );
  } else if (!lim.limitsDefined) {
    notes.push(
      `The first ${lim.baselineLength} points of ${where} are all ${fmt(y[start]!)}: no moving range to set limits from, so the limits collapse onto the mean and no point is flagged against them.`,
    );
  } else if (lim.mrBar === 0) {
    notes.push(
      `In ${where} every moving range left after screening is 0, so the limits collapse onto the mean and any point off the mean is beyond them.`,
    );
  }
  if (length < opts.minimumPoints) {
    notes.push(`Fewer than ${opts.minimumPoints} points in phase ${phase} (${length}): trial limits, to be revised as points are added.`);
  }
  // With no moving range left the screen has nothing meaningful to report (the notes above explain).
  if (lim.movingRangesScreened > 0 && lim.limitsDefined) {
    const s = lim.movingRangesScreened;
    notes.push(
      `${s} moving range${s === 1 ? "" : "s"} in ${where} ${s === 1 ? "was" : "were"} at least 3.267 × the average moving range and ${s === 1 ? "was" : "were"} left out of the limits (outlier screening).`,
    );
  }
  if (opts.fixAfterNPoints !== null && length > opts.fixAfterNPoints) {
    notes.push(`${Where}: the mean and limits are fixed from its first ${opts.fixAfterNPoints} points.`);
  }
}
