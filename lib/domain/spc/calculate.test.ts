// calculateSpc end to end: each rule triggering and not triggering at the
// N − 1 / N boundary, direction mapping, rebasing and the two icons.
// Hand-worked means and limits are in the comments.
import { describe, expect, it } from "vitest";
import { calculateSpc, type SpcOptions } from "./index";

const series = (ys: number[]) => ys.map((y, i) => ({ x: `2023-${String((i % 12) + 1).padStart(2, "0")}-01`, y }));
const run = (ys: number[], o: Partial<SpcOptions> = {}) => calculateSpc(series(ys), { improvementDirection: "increase", ...o });
const flags = (r: ReturnType<typeof run>, k: "shift" | "trend" | "twoInThree" | "beyondLimits") =>
  r.points.map((p) => (p.specialCause[k] ? 1 : 0));

// 7 points above then 7 below a mean of exactly 10:
// sum = 11×4 + 13×3 + 9×4 + 7×3 = 140 → mean 10; every mR = 2 → mR̄ 2 (cut 6.534, none screened)
// limits 10 ∓ 5.32 = 4.68 / 15.32; 2σ 10 ∓ 3.5467 = 6.453 / 13.547: no point close or beyond.
const SEVEN_UP_SEVEN_DOWN = [11, 13, 11, 13, 11, 13, 11, 9, 7, 9, 7, 9, 7, 9];

describe("shift (ptd_seven_point_one_side_mean + ptd_part_of_seven_trend)", () => {
  it("hand-worked limits of the 7-up-7-down series", () => {
    const p = run(SEVEN_UP_SEVEN_DOWN).phases[0]!;
    expect([p.mean, p.mrBar]).toEqual([10, 2]);
    expect(p.lpl).toBeCloseTo(4.68, 12);
    expect(p.upl).toBeCloseTo(15.32, 12);
  });
  it("N points on one side flag all N; N − 1 do not", () => {
    expect(flags(run(SEVEN_UP_SEVEN_DOWN), "shift")).toEqual(Array(14).fill(1));
    expect(flags(run(SEVEN_UP_SEVEN_DOWN, { runLength: 8 }), "shift")).toEqual(Array(14).fill(0));
    expect(flags(run(SEVEN_UP_SEVEN_DOWN, { runLength: 6 }), "shift")).toEqual(Array(14).fill(1));
  });
  it("a point exactly on the mean breaks the run", () => {
    // replace a 13 (index 3) and a 7 (index 10) by 10: the sum and mean stay 10,
    // runs become 3 + 3 on each side.
    const ys = SEVEN_UP_SEVEN_DOWN.slice();
    ys[3] = 10;
    ys[10] = 10;
    const r = run(ys);
    expect(r.points[3]!.mean).toBe(10);
    expect(flags(r, "shift")).toEqual(Array(14).fill(0));
    expect(r.points.every((p) => p.pointType === "common_cause")).toBe(true);
  });
  it("direction maps above/below to improvement/concern/neutral", () => {
    const inc = run(SEVEN_UP_SEVEN_DOWN).points.map((p) => p.pointType);
    expect(inc).toEqual([...Array(7).fill("special_cause_improvement"), ...Array(7).fill("special_cause_concern")]);
    const dec = run(SEVEN_UP_SEVEN_DOWN, { improvementDirection: "decrease" }).points.map((p) => p.pointType);
    expect(dec).toEqual([...Array(7).fill("special_cause_concern"), ...Array(7).fill("special_cause_improvement")]);
    const neu = run(SEVEN_UP_SEVEN_DOWN, { improvementDirection: "neutral" });
    expect(neu.points.every((p) => p.pointType === "special_cause_neutral")).toBe(true);
  });
});

describe("trend (ptd_seven_point_trend)", () => {
  // 10,14 alternating, then 8, 9, 10, 11, 12, 13, 13.5 rising through the mean.
  // mean = (10×4 + 14×3 + 76.5) / 14 = 11.3214; mR = 4×6, 2, 1×5, 0.5 → mR̄ = 31.5/13 = 2.4231
  // limits 11.32 ∓ 6.445 = 4.876 / 17.767; 2σ 7.024 / 15.618: nothing beyond or close.
  const RISING = [10, 14, 10, 14, 10, 14, 10, 8, 9, 10, 11, 12, 13, 13.5];
  it("flags the 7 rising points, all as improvement even those below the mean (PTD #171)", () => {
    const r = run(RISING);
    expect(r.phases[0]!.mean).toBeCloseTo(11.3214286, 6);
    expect(r.phases[0]!.mrBar).toBeCloseTo(2.4230769, 6);
    expect(flags(r, "trend")).toEqual([...Array(7).fill(0), ...Array(7).fill(1)]);
    expect(r.points.slice(7).every((p) => p.pointType === "special_cause_improvement")).toBe(true);
    expect(r.points[7]!.y).toBeLessThan(r.points[7]!.mean);
    const dec = run(RISING, { improvementDirection: "decrease" });
    expect(dec.points.slice(7).every((p) => p.pointType === "special_cause_concern")).toBe(true);
  });
  it("N − 1 rising points are not a trend", () => {
    expect(flags(run(RISING, { runLength: 8 }), "trend")).toEqual(Array(14).fill(0));
  });
  it("a tie inside the run breaks it", () => {
    const ys = RISING.slice();
    ys[10] = 10; // 8, 9, 10, 10, 12, …: two runs of 3
    expect(flags(run(ys), "trend")).toEqual(Array(14).fill(0));
  });
});

describe("two in three (ptd_two_in_three, ptd_part_of_two_in_three)", () => {
  // 1, −1 alternating (20 points) with 5.5, 2, 5.5, 1 at indices 14–17.
  // sum = 4.5 + 3 + 4.5 + 2 = 14 → mean 0.7; mR = 2×13, 6.5, 3.5, 3.5, 4.5, 0, 2 → mR̄ = 46/19 = 2.42105
  // upper 2σ = 0.7 + 1.77333 × 2.42105 = 4.9933; upl = 7.14: 5.5 is close, 2 is not.
  const ys: number[] = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 1 : -1));
  ys[14] = 5.5;
  ys[15] = 2;
  ys[16] = 5.5;
  ys[17] = 1;
  it("flags only the two close points of a same-side window, not the third", () => {
    const r = run(ys);
    expect(r.phases[0]!.mean).toBeCloseTo(0.7, 12);
    expect(r.points[14]!.upper2Sigma).toBeCloseTo(4.993333, 5);
    expect(flags(r, "twoInThree")).toEqual(ys.map((_, i) => (i === 14 || i === 16 ? 1 : 0)));
    expect(r.points[14]!.pointType).toBe("special_cause_improvement");
    expect(r.points[15]!.pointType).toBe("common_cause");
  });
  it("one close point in three is not enough", () => {
    const one = ys.slice();
    one[16] = 1;
    expect(flags(run(one), "twoInThree").some(Boolean)).toBe(false);
  });
});

describe("rebasing", () => {
  // Phase 1: 48, 52 × 6 → mean 50, mR̄ 4, limits 39.36 / 60.64.
  // Phase 2: 30, 34 × 6 → mean 32, mR̄ 4 (the 52 → 30 jump is not a moving range of phase 2).
  const ys = [...Array.from({ length: 12 }, (_, i) => (i % 2 ? 52 : 48)), ...Array.from({ length: 12 }, (_, i) => (i % 2 ? 34 : 30))];
  it("recalculates the limits per phase and evaluates the rules within each phase", () => {
    const r = run(ys, { rebaseAt: [12], improvementDirection: "decrease" });
    expect(r.phases.map((p) => [p.phase, p.start, p.end, p.mean, p.mrBar])).toEqual([
      [1, 0, 11, 50, 4],
      [2, 12, 23, 32, 4],
    ]);
    expect(r.phases[0]!.lpl).toBeCloseTo(39.36, 12);
    expect(r.points[12]!.movingRange).toBeNull();
    expect(r.points[12]!.phase).toBe(2);
    expect(r.points.every((p) => p.pointType === "common_cause")).toBe(true);
  });
  it("without the rebase the step is a shift (and mR̄ is inflated by the jump)", () => {
    const r = run(ys, { improvementDirection: "decrease" });
    expect(r.phases[0]!.mean).toBe(41);
    expect(flags(r, "shift")).toEqual(Array(24).fill(1));
    expect(r.variation).toBe("special_cause_improvement");
  });
  it("a trend that spans the rebase point only counts inside a phase", () => {
    const rising = Array.from({ length: 14 }, (_, i) => i);
    expect(flags(run(rising), "trend")).toEqual(Array(14).fill(1));
    expect(flags(run(rising, { rebaseAt: [5] }), "trend")).toEqual([...Array(5).fill(0), ...Array(9).fill(1)]);
  });
  it("duplicates collapse; 0 is a no-op; indices past the end are ignored with a note", () => {
    const r = run(ys, { rebaseAt: [12, 0, 12, 40] });
    expect(r.phases).toHaveLength(2);
    expect(r.notes).toContain("Rebase index 40 is past the end of the series (24 points) and was ignored.");
  });
  it("fixAfterNPoints applies within each phase", () => {
    const longer = [...ys.slice(0, 12), 60, 60, ...ys.slice(12), 20, 20];
    const r = run(longer, { rebaseAt: [14], fixAfterNPoints: 12 });
    expect(r.phases.map((p) => p.mean)).toEqual([50, 32]);
    expect(r.points[12]!.movingRangeUsed).toBe(false);
  });
});

describe("icons", () => {
  it("variation comes from the last point", () => {
    expect(run(SEVEN_UP_SEVEN_DOWN).variation).toBe("special_cause_concern");
    expect(run(SEVEN_UP_SEVEN_DOWN, { improvementDirection: "decrease" }).variation).toBe("special_cause_improvement");
    expect(run(SEVEN_UP_SEVEN_DOWN, { improvementDirection: "neutral" }).variation).toBe("special_cause_neutral");
    // last point 13: only 6 points below the mean before it, so no shift reaches it
    expect(run(SEVEN_UP_SEVEN_DOWN.slice(0, 13).concat(13)).variation).toBe("common_cause");
  });
  it("assurance compares the target with the last limits (4.68 / 15.32), by direction", () => {
    expect(run(SEVEN_UP_SEVEN_DOWN, { target: 20 }).assurance).toBe("fail");
    expect(run(SEVEN_UP_SEVEN_DOWN, { target: 20, improvementDirection: "decrease" }).assurance).toBe("pass");
    expect(run(SEVEN_UP_SEVEN_DOWN, { target: 2 }).assurance).toBe("pass");
    expect(run(SEVEN_UP_SEVEN_DOWN, { target: 2, improvementDirection: "decrease" }).assurance).toBe("fail");
    expect(run(SEVEN_UP_SEVEN_DOWN, { target: 10 }).assurance).toBe("hit_and_miss");
    expect(run(SEVEN_UP_SEVEN_DOWN, { target: 10, improvementDirection: "neutral" }).assurance).toBe("none");
    expect(run(SEVEN_UP_SEVEN_DOWN, { target: null }).assurance).toBe("none");
    expect(run(SEVEN_UP_SEVEN_DOWN).assurance).toBe("none");
  });
});
