// Short, constant and invalid input.
import { describe, expect, it } from "vitest";
import { calculateSpc, SpcInputError, type SpcOptions } from "./index";

const series = (ys: number[]) => ys.map((y, i) => ({ x: `2024-01-${String(i + 1).padStart(2, "0")}`, y }));
const run = (ys: number[], o: Partial<SpcOptions> = {}) => calculateSpc(series(ys), { improvementDirection: "increase", ...o });

describe("short series", () => {
  it("0 points: empty result with a note", () => {
    const r = run([]);
    expect(r.points).toEqual([]);
    expect(r.phases).toEqual([]);
    expect(r.variation).toBe("common_cause");
    expect(r.assurance).toBe("none");
    expect(r.notes).toEqual(["No data points: there is nothing to chart."]);
  });
  it("1 point: no moving range, limits on the mean, run chart only", () => {
    const r = run([42], { target: 50 });
    expect(r.points[0]).toMatchObject({ y: 42, mean: 42, lpl: 42, upl: 42, movingRange: null, pointType: "common_cause" });
    expect(r.phases[0]).toMatchObject({ trialLimits: true, runChartOnly: true, mrBar: 0 });
    expect(r.notes[0]).toMatch(/single point/);
  });
  it("2 points: limits from one moving range, trial limits, chart note", () => {
    // mean 11, mR̄ 2 (one mR; screening keeps 2 < 6.534): limits 5.68 / 16.32
    const r = run([10, 12]);
    expect(r.phases[0]!.mean).toBe(11);
    expect(r.phases[0]!.mrBar).toBe(2);
    expect(r.phases[0]!.upl).toBeCloseTo(16.32, 12);
    expect(r.points.map((p) => p.pointType)).toEqual(["common_cause", "common_cause"]);
    expect(r.notes).toEqual([
      "Fewer than 12 points in phase 1 (2): trial limits, to be revised as points are added.",
      "Fewer than 13 points in the chart (2): read it as a run chart; the limits and icons are provisional.",
    ]);
  });
  it("11 vs 12 points in a phase; 12 vs 13 in the chart", () => {
    const ys = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? 5 : 3));
    expect(run(ys(11)).phases[0]).toMatchObject({ trialLimits: true, runChartOnly: true });
    expect(run(ys(12)).phases[0]).toMatchObject({ trialLimits: false, runChartOnly: true });
    expect(run(ys(13)).phases[0]).toMatchObject({ trialLimits: false, runChartOnly: false });
    expect(run(ys(13)).notes).toEqual([]);
  });
  it("a short second phase has trial limits and says so", () => {
    const ys = Array.from({ length: 20 }, (_, i) => (i % 2 ? 5 : 3));
    const r = run(ys, { rebaseAt: [15] });
    expect(r.phases.map((p) => p.trialLimits)).toEqual([false, true]);
    expect(r.notes).toContain("Fewer than 12 points in phase 2 (5): trial limits, to be revised as points are added.");
  });
  it("minimumPoints moves both thresholds", () => {
    const r = run(
      Array.from({ length: 8 }, (_, i) => i % 3),
      { minimumPoints: 6 },
    );
    expect(r.phases[0]).toMatchObject({ trialLimits: false, runChartOnly: false });
  });
});

describe("constant series", () => {
  it("limits collapse onto the mean; no point is flagged; the note says so", () => {
    const r = run(Array(15).fill(5));
    expect(r.phases[0]).toMatchObject({ mean: 5, mrBar: 0, lpl: 5, upl: 5, runChartOnly: true });
    expect(r.points.every((p) => p.pointType === "common_cause" && !Object.values(p.specialCause).some(Boolean))).toBe(true);
    expect(r.notes).toEqual([
      "The series is constant (every value is 5): the moving ranges are all 0, so the limits collapse onto the mean and no point is flagged.",
    ]);
    // without screening mR̄ is a defined 0 (PTD: amr = 0, not NaN) and the result is the same
    const off = run(Array(15).fill(5), { screenOutliers: false });
    expect(off.phases[0]).toMatchObject({ mrBar: 0, runChartOnly: false });
    expect(off.points.every((p) => p.pointType === "common_cause")).toBe(true);
  });
  it("constant phase after a rebase is reported per phase", () => {
    const r = run([...Array.from({ length: 12 }, (_, i) => i % 3), ...Array(12).fill(7)], { rebaseAt: [12] });
    expect(r.notes).toContain(
      "Phase 2 is constant (every value is 7): the moving ranges are all 0, so the limits collapse onto the mean and no point is flagged.",
    );
  });
  it("assurance against collapsed limits (documented deviation from PTD's NaN → inconsistent)", () => {
    expect(run(Array(15).fill(5), { target: 10 }).assurance).toBe("fail");
    expect(run(Array(15).fill(5), { target: 5 }).assurance).toBe("hit_and_miss");
  });
  it("a constant baseline with fixAfterNPoints: PTD's limits are NaN, so later points are not flagged beyond them", () => {
    const r = run([...Array(12).fill(5), 9, 9], { fixAfterNPoints: 12 });
    expect(r.points.some((p) => p.specialCause.beyondLimits)).toBe(false);
    expect(r.notes[0]).toMatch(/^The first 12 points of the series are all 5/);
  });
  it("near-constant: screening leaves only zero moving ranges, so (as in PTD) every point off the mean is beyond the limits", () => {
    // 5 ×6, 9, 5 ×6: mean 69/13 = 5.3077; mR 0…, 4, 4, 0… → mR̄ 8/12; cut 2.178 drops both 4s;
    // mR̄ = 0 from the ten zeros → limits = mean.
    const r = run([...Array(6).fill(5), 9, ...Array(6).fill(5)]);
    expect(r.phases[0]!.mrBar).toBe(0);
    expect(r.points.every((p) => p.specialCause.beyondLimits)).toBe(true);
    expect(r.points[6]!.pointType).toBe("special_cause_improvement");
    expect(r.notes[0]).toMatch(/every moving range left after screening is 0/);
  });
});

describe("invalid input throws a clear error", () => {
  it.each([
    [[1, Number.NaN, 3], /y at index 1 is NaN/],
    [[1, Number.POSITIVE_INFINITY], /y at index 1 is Infinity/],
  ])("non-finite y %#", (ys, msg) => {
    expect(() => run(ys)).toThrow(SpcInputError);
    expect(() => run(ys)).toThrow(msg);
  });
  it("non-number y and non-string x", () => {
    const bad = [{ x: "2024-01-01", y: "3" as unknown as number }];
    expect(() => calculateSpc(bad, { improvementDirection: "increase" })).toThrow(/y at index 0/);
    const badX = [{ x: 3 as unknown as string, y: 3 }];
    expect(() => calculateSpc(badX, { improvementDirection: "increase" })).toThrow(/x at index 0/);
  });
  it("bad options", () => {
    const ys = [1, 2, 3];
    expect(() => run(ys, { rebaseAt: [-1] })).toThrow(/rebaseAt/);
    expect(() => run(ys, { rebaseAt: [1.5] })).toThrow(/rebaseAt/);
    expect(() => run(ys, { fixAfterNPoints: 5 })).toThrow(/at least 12/);
    expect(() => run(ys, { runLength: 1 })).toThrow(/runLength/);
    expect(() => run(ys, { minimumPoints: 0 })).toThrow(/minimumPoints/);
    expect(() => run(ys, { target: Number.NaN })).toThrow(/target/);
    expect(() => run(ys, { improvementDirection: "up" as never })).toThrow(/improvementDirection/);
  });
});

describe("pass-through and bookkeeping", () => {
  it("keeps x, index and reports moving ranges", () => {
    const r = run([3, 5, 4]);
    expect(r.points.map((p) => [p.index, p.x, p.movingRange, p.movingRangeUsed])).toEqual([
      [0, "2024-01-01", null, false],
      [1, "2024-01-02", 2, true],
      [2, "2024-01-03", 1, true],
    ]);
    expect(r.runLength).toBe(7);
  });
});
