// Limits of one phase (ptd_spc_standard). Hand-worked figures in comments.
import { describe, expect, it } from "vitest";
import { LIMIT, LIMIT_CLOSE, meanOf, phaseLimits } from "./limits";

function limits(y: number[], o: { screenOutliers?: boolean; fixAfterNPoints?: number | null } = {}) {
  const mr = new Float64Array(y.length);
  const used = new Uint8Array(y.length);
  const lim = phaseLimits(
    y,
    0,
    y.length,
    { screenOutliers: o.screenOutliers ?? true, fixAfterNPoints: o.fixAfterNPoints ?? null },
    mr,
    used,
  );
  return { lim, mr: Array.from(mr), used: Array.from(used) };
}

describe("phaseLimits", () => {
  it("hand-worked: 10, 12, 11, 13, 12, 14", () => {
    // mean = 72 / 6 = 12; mR = 2, 1, 2, 1, 2 → mR̄ = 8 / 5 = 1.6
    // screening cut = 3.267 × 1.6 = 5.2272: every mR kept
    // limits = 12 ∓ 2.66 × 1.6 = 7.744 / 16.256
    // 2σ = 12 ∓ (2 × 2.66 / 3) × 1.6 = 12 ∓ 2.837333… = 9.162667 / 14.837333
    const { lim, mr, used } = limits([10, 12, 11, 13, 12, 14]);
    expect(lim.mean).toBe(12);
    expect(lim.mrBar).toBeCloseTo(1.6, 12);
    expect(lim.lpl).toBeCloseTo(7.744, 12);
    expect(lim.upl).toBeCloseTo(16.256, 12);
    expect(lim.lower2Sigma).toBeCloseTo(9.162667, 6);
    expect(lim.upper2Sigma).toBeCloseTo(14.837333, 6);
    expect(mr.slice(1)).toEqual([2, 1, 2, 1, 2]);
    expect(Number.isNaN(mr[0])).toBe(true);
    expect(used).toEqual([0, 1, 1, 1, 1, 1]);
    expect(LIMIT_CLOSE).toBeCloseTo((2 / 3) * LIMIT, 15);
  });

  it("screening removes moving ranges ≥ 3.267·mR̄ and recomputes mR̄ (PTD deviations vignette data)", () => {
    // y = 1,2,1,2,10,1,2,…,1 (18 points): mean = 35 / 18 = 1.9444
    // mR: fifteen 1s, plus 8 (2→10) and 9 (10→1): mR̄ = 32 / 17 = 1.88235
    // cut = 3.267 × 1.88235 = 6.1496 → 8 and 9 removed; mR̄ = 15 / 15 = 1
    // limits = 1.9444 ∓ 2.66 = −0.7156 / 4.6044 (vignette caption: −0.72, 1.94, 4.6)
    const y = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];
    const on = limits(y);
    expect(on.lim.mean).toBeCloseTo(1.944444, 6);
    expect(on.lim.mrBar).toBe(1);
    expect(on.lim.lpl).toBeCloseTo(-0.715556, 6);
    expect(on.lim.upl).toBeCloseTo(4.604444, 6);
    expect(on.lim.movingRangesScreened).toBe(2);
    expect(on.used[4]).toBe(0);
    expect(on.used[5]).toBe(0);
    // screen_outliers = FALSE (the Excel tool): mR̄ = 32/17, limits −3.0626 / 6.9515
    const off = limits(y, { screenOutliers: false });
    expect(off.lim.mrBar).toBeCloseTo(32 / 17, 12);
    expect(off.lim.lpl).toBeCloseTo(-3.062614, 6);
    expect(off.lim.upl).toBeCloseTo(6.951503, 6);
  });

  it("a moving range just below the cut is kept, at the cut is removed (strict <)", () => {
    // y = 0,1,0,1,0,1,0,1,0,a: mR = eight 1s and a → cut = 3.267 × (8 + a) / 9
    // a = 4: cut = 3.267 × 12/9 = 4.356 → kept; a = 5: cut = 3.267 × 13/9 = 4.719 → removed
    expect(limits([0, 1, 0, 1, 0, 1, 0, 1, 0, 4]).lim.movingRangesScreened).toBe(0);
    expect(limits([0, 1, 0, 1, 0, 1, 0, 1, 0, 5]).lim.movingRangesScreened).toBe(1);
  });

  it("fixAfterNPoints: mean and mR̄ from the first N points only; later moving ranges are reported but unused", () => {
    // first 12: 10,12 alternating → mean 11, mR̄ 2; then 30s that would move both
    const y = [...Array.from({ length: 12 }, (_, i) => (i % 2 ? 12 : 10)), 30, 30, 30];
    const { lim, mr, used } = limits(y, { fixAfterNPoints: 12 });
    expect(lim.mean).toBe(11);
    expect(lim.mrBar).toBe(2);
    expect(lim.baselineLength).toBe(12);
    expect(mr[12]).toBe(18);
    expect(used.slice(11)).toEqual([1, 0, 0, 0]);
  });

  it("a constant baseline leaves no moving range after screening: limits undefined, collapsed onto the mean", () => {
    // mR all 0 → mR̄ 0 → screen keeps mr < 0: none → PTD's amr is NaN
    const { lim } = limits([5, 5, 5, 5]);
    expect(lim.limitsDefined).toBe(false);
    expect([lim.mean, lim.mrBar, lim.lpl, lim.upl]).toEqual([5, 0, 5, 5]);
    // without screening the zeros stay: mR̄ is a defined 0
    expect(limits([5, 5, 5, 5], { screenOutliers: false }).lim.limitsDefined).toBe(true);
  });

  it("a single point has no moving range", () => {
    const { lim } = limits([7]);
    expect(lim.limitsDefined).toBe(false);
    expect([lim.mean, lim.lpl, lim.upl]).toEqual([7, 7, 7]);
  });

  it("meanOf is the two-pass mean of R (exact on representable data)", () => {
    expect(meanOf([0.1, 0.2, 0.3], 0, 3)).toBeCloseTo(0.2, 15);
    expect(Number.isNaN(meanOf([], 0, 0))).toBe(true);
  });
});
