// Rule functions. The "PTD:" cases are ported one-for-one from
// NHSRplotthedots tests/testthat/test-ptd_calculate_point_type.R (0.2.x),
// with N = 7; the boundary cases check N − 1 against N for other N too.
import { describe, expect, it } from "vitest";
import { evaluatePhase, monotoneTrend, partOfRun, partOfTwoInThree, runOneSideOfMean, twoInThree } from "./rules";

const arr = (a: ArrayLike<number>) => Array.from(a);
const rep = (v: number, n: number) => Array<number>(n).fill(v);

describe("runOneSideOfMean (ptd_seven_point_one_side_mean)", () => {
  it("PTD: marks the 7th and later points of a same-side run", () => {
    expect(arr(runOneSideOfMean([], 7))).toEqual([]);
    expect(arr(runOneSideOfMean(rep(1, 6), 7))).toEqual(rep(0, 6));
    expect(arr(runOneSideOfMean([...rep(1, 6), -1], 7))).toEqual(rep(0, 7));
    expect(arr(runOneSideOfMean([...rep(1, 8), -1], 7))).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 0]);
    expect(arr(runOneSideOfMean([...rep(-1, 8), 1], 7))).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 0]);
    expect(arr(runOneSideOfMean([-1, ...rep(1, 8), -1], 7))).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 0]);
  });
  it("a point exactly on the mean (rtm 0) breaks the run and is never marked", () => {
    expect(arr(runOneSideOfMean([1, 1, 1, 0, 1, 1, 1, 1], 4))).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(arr(runOneSideOfMean(rep(0, 9), 7))).toEqual(rep(0, 9));
  });
  it("N − 1 does not trigger, N does (N = 6, the NHS England SQL setting)", () => {
    expect(arr(runOneSideOfMean(rep(1, 5), 6)).some(Boolean)).toBe(false);
    expect(arr(runOneSideOfMean(rep(1, 6), 6))).toEqual([0, 0, 0, 0, 0, 1]);
  });
});

describe("partOfRun (ptd_part_of_seven_trend)", () => {
  it("PTD: flags the 7 points of each marked window", () => {
    expect(arr(partOfRun([], 7))).toEqual([]);
    expect(arr(partOfRun(rep(0, 6), 7))).toEqual(rep(0, 6));
    expect(arr(partOfRun([...rep(0, 6), 1, 0], 7))).toEqual([...rep(1, 7), 0]);
    expect(arr(partOfRun([...rep(0, 7), 1, 0], 7))).toEqual([0, ...rep(1, 7), 0]);
    // a decreasing trend is marked −1 and must count too (PTD issue #167)
    expect(arr(partOfRun([...rep(0, 6), -1, 0], 7))).toEqual([...rep(1, 7), 0]);
    expect(arr(partOfRun([...rep(0, 7), -1, 0], 7))).toEqual([0, ...rep(1, 7), 0]);
  });
  it("a run longer than N is flagged in full", () => {
    const marks = runOneSideOfMean([-1, ...rep(1, 9), -1], 7);
    expect(arr(partOfRun(marks, 7))).toEqual([0, ...rep(1, 9), 0]);
  });
});

describe("monotoneTrend (ptd_seven_point_trend)", () => {
  it("PTD: marks the end of 7 strictly increasing/decreasing points", () => {
    expect(arr(monotoneTrend([], 7))).toEqual([]);
    expect(arr(monotoneTrend([1, 2, 3, 4, 5, 6], 7))).toEqual(rep(0, 6));
    expect(arr(monotoneTrend([1, 2, 3, 4, 5, 6, 7], 7))).toEqual([0, 0, 0, 0, 0, 0, 1]);
    expect(arr(monotoneTrend([2, 1, 2, 3, 4, 5, 6, 7, 3], 7))).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect(arr(monotoneTrend([7, 6, 5, 4, 3, 2, 1], 7))).toEqual([0, 0, 0, 0, 0, 0, -1]);
    expect(arr(monotoneTrend([2, 7, 6, 5, 4, 3, 2, 1, 3], 7))).toEqual([0, 0, 0, 0, 0, 0, 0, -1, 0]);
  });
  it("PTD: equal consecutive values break a trend (c(1:3, 3:6) is not a trend)", () => {
    expect(arr(monotoneTrend([1, 2, 3, 3, 4, 5, 6], 7))).toEqual(rep(0, 7));
    // 8 points with one tie: neither 7-window is strictly monotone
    expect(arr(monotoneTrend([1, 0.5, 0, -0.5, -0.5, -1, -1.5, -2], 7)).some(Boolean)).toBe(false);
  });
  it("N − 1 points do not trigger, N do (N = 6)", () => {
    expect(arr(monotoneTrend([1, 2, 3, 4, 5], 6)).some(Boolean)).toBe(false);
    expect(arr(monotoneTrend([1, 2, 3, 4, 5, 6], 6))).toEqual([0, 0, 0, 0, 0, 1]);
  });
});

describe("twoInThree / partOfTwoInThree (ptd_two_in_three, ptd_part_of_two_in_three)", () => {
  const up = (n: number) => rep(1, n);
  it("PTD: any 2 of 3 close points on the same side qualify the window", () => {
    expect(arr(twoInThree([], []))).toEqual([]);
    expect(arr(twoInThree([0, 0, 0], [0, 0, 0]))).toEqual([0, 0, 0]);
    for (const v of [
      [1, 0, 1],
      [0, 1, 1],
      [1, 1, 0],
    ])
      expect(arr(twoInThree(v, up(3)))).toEqual([1, 1, 1]);
    expect(arr(twoInThree([0, 0, 1, 0, 1, 0, 0], up(7)))).toEqual([0, 0, 1, 1, 1, 0, 0]);
    expect(arr(twoInThree([0, 0, 1, 1, 0, 0, 0], up(7)))).toEqual([0, 1, 1, 1, 1, 0, 0]);
  });
  it("PTD #143: points on opposite sides of the mean never qualify", () => {
    for (const v of [
      [1, 0, 1],
      [0, 1, 1],
      [1, 1, 0],
    ])
      expect(arr(twoInThree(v, [1, -1, 1]))).toEqual([0, 0, 0]);
    expect(arr(twoInThree([0, 0, 1, 0, 1, 0, 0], [1, -1, 1, -1, 1, -1, 1]))).toEqual(rep(0, 7));
    expect(arr(twoInThree([0, 0, 1, 1, 0, 0, 0], [-1, 1, -1, 1, -1, 1, -1]))).toEqual(rep(0, 7));
  });
  it("a third point on the mean (rtm 0) spoils the window", () => {
    expect(arr(twoInThree([1, 1, 0], [1, 1, 0]))).toEqual([0, 0, 0]);
  });
  it("PTD: only the close points of a window are flagged, and 1-in-3 is not enough", () => {
    const part = (v: number[]) => arr(partOfTwoInThree(twoInThree(v, up(v.length)), v));
    expect(part([1, 0, 1])).toEqual([1, 0, 1]);
    expect(part([0, 1, 1])).toEqual([0, 1, 1]);
    expect(part([1, 1, 0])).toEqual([1, 1, 0]);
    expect(part([0, 0, 1, 0, 1, 0, 0])).toEqual([0, 0, 1, 0, 1, 0, 0]);
    expect(part([1, 0, 0, 1])).toEqual([0, 0, 0, 0]);
    expect(part([1, 0, 0, 1, 1])).toEqual([0, 0, 0, 1, 1]);
  });
});

describe("evaluatePhase (ptd_special_cause_type precedence and direction)", () => {
  it("beyond limits outranks the others and takes its side from relative_to_mean", () => {
    const r = evaluatePhase([1, 2], [1, -1], [0, 0], [1, 1], 7);
    expect(arr(r.signal)).toEqual([1, -1]);
  });
  it("trend direction comes from the slope, not the side of the mean (PTD #171)", () => {
    // an increasing trend that starts below the mean: every point is "Increasing"
    const y = [1, 2, 3, 4, 5, 6, 7];
    const r = evaluatePhase(y, [-1, -1, -1, 0, 1, 1, 1], rep(0, 7), rep(0, 7), 7);
    expect(arr(r.trend)).toEqual(rep(1, 7));
    expect(arr(r.signal)).toEqual(rep(1, 7));
    const d = evaluatePhase([7, 6, 5, 4, 3, 2, 1], [1, 1, 1, 0, -1, -1, -1], rep(0, 7), rep(0, 7), 7);
    expect(arr(d.signal)).toEqual(rep(-1, 7));
  });
  it("at a peak shared by two trends the point takes the slope to its right", () => {
    const y = [1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1];
    const r = evaluatePhase(y, rep(1, 13), rep(0, 13), rep(0, 13), 7);
    expect(arr(r.signal)).toEqual([...rep(1, 6), ...rep(-1, 7)]);
  });
  it("two-in-three outranks a shift; a shift takes its side from the mean", () => {
    const rtm = rep(-1, 7);
    const close = [0, 0, 0, 0, 0, 1, 1];
    const r = evaluatePhase([5, 4, 5, 4, 5, 4, 5], rtm, close, rep(0, 7), 7);
    expect(arr(r.shift)).toEqual(rep(1, 7));
    expect(arr(r.twoInThree)).toEqual([0, 0, 0, 0, 0, 1, 1]);
    expect(arr(r.signal)).toEqual(rep(-1, 7));
  });
  it("no rule → signal 0 (common cause)", () => {
    const r = evaluatePhase([1, 2, 1], [1, -1, 1], [0, 0, 0], [0, 0, 0], 7);
    expect(arr(r.signal)).toEqual([0, 0, 0]);
  });
});
