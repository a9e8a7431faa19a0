// Mean, moving ranges and process limits of one phase: NHSRplotthedots
// `ptd_spc_standard` (R/ptd_spc_standard.R), computed per rebase group.
// Pure, O(n) in the phase length; works on typed arrays so that a
// 10,000-point series allocates almost nothing.

/** XmR constant: 3 / d2 with d2 = 1.128 (PTD `limit <- 2.66`). */
export const LIMIT = 2.66;
/** The 2σ line, written exactly as PTD does (`limitclose <- 2 * (limit / 3)`) so rounding matches. */
export const LIMIT_CLOSE = 2 * (LIMIT / 3);
/** Nelson's moving-range screen (PTD: keep mr only when `mr < 3.267 * amr`). */
export const SCREEN_FACTOR = 3.267;

export interface PhaseLimits {
  mean: number;
  /** Average moving range after screening; 0 when PTD's would be NaN (see limitsDefined). */
  mrBar: number;
  lpl: number;
  upl: number;
  lower2Sigma: number;
  upper2Sigma: number;
  /**
   * False when no moving range is left to average (a 1-point baseline, or a
   * constant baseline whose zero moving ranges all fail `mr < 3.267 * 0`).
   * PTD's limits are then NaN, and NaN comparisons make it flag nothing as
   * beyond the limits or close to them; we report the limits collapsed onto
   * the mean (finite numbers for callers) and, like PTD, flag nothing.
   */
  limitsDefined: boolean;
  /** How many baseline points (first `fixAfterNPoints`, or all) the limits came from. */
  baselineLength: number;
  /** Moving ranges that went into mR̄ (after screening). */
  movingRangesUsed: number;
  /** Moving ranges removed by screening. */
  movingRangesScreened: number;
}

/**
 * Mean of values[start, end) the way R's mean() does it: a second pass adds
 * the mean residual, which cancels most of the summation rounding. Keeps our
 * limits within an ulp or two of PTD's, so boundary comparisons agree.
 */
export function meanOf(values: ArrayLike<number>, start: number, end: number): number {
  const n = end - start;
  if (n <= 0) return Number.NaN;
  let s = 0;
  for (let i = start; i < end; i++) s += values[i]!;
  const m = s / n;
  let t = 0;
  for (let i = start; i < end; i++) t += values[i]! - m;
  return m + t / n;
}

/**
 * Limits for the phase y[start, end). Fills, for that index range,
 * `movingRange` (|y_i − y_{i−1}|, NaN for the phase's first point) and
 * `movingRangeUsed` (1 when that moving range went into mR̄).
 *
 * PTD order of operations (ptd_spc_standard):
 *   fix_y = y for the first fix_after_n_points rows of the group, else NA
 *   mean  = mean(fix_y); mr = |diff(fix_y)|; amr = mean(mr)
 *   screen: mr kept only when mr < 3.267 * amr; amr = mean(kept mr)
 *   lpl/upl = mean ∓ 2.66·amr; 2σ = mean ∓ 2·(2.66/3)·amr
 */
export function phaseLimits(
  y: ArrayLike<number>,
  start: number,
  end: number,
  opts: { screenOutliers: boolean; fixAfterNPoints: number | null },
  movingRange: Float64Array,
  movingRangeUsed: Uint8Array,
): PhaseLimits {
  const n = end - start;
  const baselineLength = opts.fixAfterNPoints === null ? n : Math.min(n, opts.fixAfterNPoints);
  const baselineEnd = start + baselineLength;
  const mean = meanOf(y, start, baselineEnd);

  // Every point's moving range is reported (charts draw an mR chart), but only
  // the baseline's count: PTD's fix_y is NA after the fix point, so mr is too.
  movingRange[start] = Number.NaN;
  movingRangeUsed[start] = 0;
  for (let i = start + 1; i < end; i++) {
    movingRange[i] = Math.abs(y[i]! - y[i - 1]!);
    movingRangeUsed[i] = i < baselineEnd ? 1 : 0;
  }

  let used = Math.max(0, baselineLength - 1);
  let amr = used > 0 ? meanOf(movingRange, start + 1, baselineEnd) : Number.NaN;
  let screened = 0;
  if (opts.screenOutliers && used > 0) {
    // Strict "<", as PTD: with amr = 0 even the zero moving ranges fail it,
    // which is why a constant baseline leaves PTD with NaN limits.
    const cut = SCREEN_FACTOR * amr;
    let s = 0;
    for (let i = start + 1; i < baselineEnd; i++) {
      if (movingRange[i]! < cut) s += movingRange[i]!;
      else {
        movingRangeUsed[i] = 0;
        screened++;
      }
    }
    used -= screened;
    // Two-pass mean over the kept moving ranges (as R's mean(na.rm = TRUE)).
    if (used > 0) {
      const m = s / used;
      let t = 0;
      for (let i = start + 1; i < baselineEnd; i++) if (movingRangeUsed[i] === 1) t += movingRange[i]! - m;
      amr = m + t / used;
    } else amr = Number.NaN;
  }

  const limitsDefined = used > 0 && Number.isFinite(amr);
  const mrBar = limitsDefined ? amr : 0;
  return {
    mean,
    mrBar,
    lpl: mean - LIMIT * mrBar,
    upl: mean + LIMIT * mrBar,
    lower2Sigma: mean - LIMIT_CLOSE * mrBar,
    upper2Sigma: mean + LIMIT_CLOSE * mrBar,
    limitsDefined,
    baselineLength,
    movingRangesUsed: used,
    movingRangesScreened: screened,
  };
}
