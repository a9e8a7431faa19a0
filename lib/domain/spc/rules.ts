// The four special-cause rules, evaluated within one phase. Each function
// follows the NHSRplotthedots 0.2.x function named in its comment
// (R/ptd_calculate_point_type.R), with the hard-coded 7 generalised to a run
// length N. All are O(n): running counters instead of PTD's windowed re-scans.
//
// Inputs use PTD's encodings: relative_to_mean (rtm) is sign(y − mean) in
// {−1, 0, 1}; close/outside are 0/1.

/**
 * ptd_seven_point_one_side_mean: marks point i when it and the N−1 points
 * before it are all on the same side of the mean. A point exactly on the
 * mean (rtm = 0) is on neither side: it is never marked and breaks the run.
 */
export function runOneSideOfMean(rtm: ArrayLike<number>, n: number): Int8Array {
  const out = new Int8Array(rtm.length);
  let run = 0;
  for (let i = 0; i < rtm.length; i++) {
    const r = rtm[i]!;
    run = r === 0 ? 0 : i > 0 && rtm[i - 1] === r ? run + 1 : 1;
    if (run >= n) out[i] = 1;
  }
  return out;
}

/**
 * ptd_seven_point_trend: marks point i with +1 (−1) when the N points ending
 * at i are strictly increasing (decreasing). Equal consecutive values have
 * sign(diff) = 0, so they neither extend nor count towards a trend: they
 * break it (PTD test: ptd_seven_point_trend(c(1:3, 3:6)) is all 0).
 */
export function monotoneTrend(y: ArrayLike<number>, n: number): Int8Array {
  const out = new Int8Array(y.length);
  let run = 0; // consecutive diffs with the same non-zero sign
  let prevSign = 0;
  for (let i = 1; i < y.length; i++) {
    const s = Math.sign(y[i]! - y[i - 1]!);
    run = s === 0 ? 0 : s === prevSign ? run + 1 : 1;
    prevSign = s;
    if (run >= n - 1) out[i] = s;
  }
  return out;
}

/**
 * ptd_part_of_seven_trend: point i is part of a run when any mark in
 * [i, i + N − 1] is non-zero, i.e. every point of every qualifying N-window is
 * flagged, so a run of length L ≥ N flags all L points (inclusive).
 * Used for both shifts and trends, as in PTD.
 */
export function partOfRun(marks: ArrayLike<number>, n: number): Uint8Array {
  const out = new Uint8Array(marks.length);
  let nextMark = Number.POSITIVE_INFINITY;
  for (let i = marks.length - 1; i >= 0; i--) {
    if (marks[i] !== 0) nextMark = i;
    if (nextMark - i <= n - 1) out[i] = 1;
  }
  return out;
}

/**
 * ptd_two_in_three: 1 for point i when some window of 3 consecutive points
 * containing i has at least two points close to the limits (between the 2σ
 * line and the process limit; points beyond the limits do not count) and all
 * three points strictly on the same side of the mean (|sum(rtm)| = 3, the
 * issue #143 fix). Windows must lie inside the phase: PTD pads with rtm 0,
 * which can never sum to ±3.
 */
export function twoInThree(close: ArrayLike<number>, rtm: ArrayLike<number>): Uint8Array {
  const len = close.length;
  const out = new Uint8Array(len);
  for (let s = 0; s + 2 < len; s++) {
    const nClose = close[s]! + close[s + 1]! + close[s + 2]!;
    const side = rtm[s]! + rtm[s + 1]! + rtm[s + 2]!;
    if (nClose >= 2 && Math.abs(side) === 3) {
      out[s] = 1;
      out[s + 1] = 1;
      out[s + 2] = 1;
    }
  }
  return out;
}

/**
 * ptd_part_of_two_in_three: of a qualifying window only the points that are
 * themselves close to the limits are flagged (not the third point).
 */
export function partOfTwoInThree(v: ArrayLike<number>, close: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] === 1 && close[i] === 1 ? 1 : 0;
  return out;
}

/** Per-point rule results for one phase. */
export interface PhaseRules {
  beyondLimits: Uint8Array;
  shift: Uint8Array;
  trend: Uint8Array;
  twoInThree: Uint8Array;
  /**
   * +1 when the point's signal is "high" (above the mean / increasing), −1
   * when "low", 0 for common cause. PTD ptd_special_cause_type picks ONE
   * signal per point in the order: beyond limits, trend, two-in-three, shift;
   * ptd_point_type then maps Above/Increasing to +1 and Below/Decreasing to −1.
   */
  signal: Int8Array;
}

/**
 * ptd_special_cause_type for one phase. `outside` and `close` must already be
 * 0 where the phase's limits are undefined (PTD: NA comparisons flag nothing).
 */
export function evaluatePhase(
  y: ArrayLike<number>,
  rtm: ArrayLike<number>,
  close: ArrayLike<number>,
  outside: ArrayLike<number>,
  runLength: number,
): PhaseRules {
  const len = y.length;
  const trend = partOfRun(monotoneTrend(y, runLength), runLength);
  const two = partOfTwoInThree(twoInThree(close, rtm), close);
  const shift = partOfRun(runOneSideOfMean(rtm, runLength), runLength);
  const beyond = new Uint8Array(len);
  const signal = new Int8Array(len);
  for (let i = 0; i < len; i++) {
    beyond[i] = outside[i] === 1 ? 1 : 0;
    if (beyond[i] === 1) {
      // "Above UCL" only when relative_to_mean == 1, otherwise "Below LCL".
      signal[i] = rtm[i] === 1 ? 1 : -1;
    } else if (trend[i] === 1) {
      // Trend direction from the slope, not the side of the mean (PTD #171/#180):
      // use the step to the next point when that point is also in a trend,
      // otherwise the step from the previous point. Slope 1 is "Increasing";
      // anything else PTD labels "Decreasing".
      const useRight = i + 1 < len && trend[i + 1] === 1;
      const slope = useRight ? Math.sign(y[i + 1]! - y[i]!) : i > 0 ? Math.sign(y[i]! - y[i - 1]!) : 0;
      signal[i] = slope === 1 ? 1 : -1;
    } else if (two[i] === 1 || shift[i] === 1) {
      // "2 in 3 Above/Below CL", "7 Points Above/Below CL": Above iff rtm > 0.
      signal[i] = rtm[i]! > 0 ? 1 : -1;
    }
  }
  return { beyondLimits: beyond, shift, trend, twoInThree: two, signal };
}
