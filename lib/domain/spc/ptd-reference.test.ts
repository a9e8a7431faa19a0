// calculateSpc against NHSRplotthedots' own test data and documentation.
// Each expected value is quoted from the cited file (NHSRplotthedots 0.2.x,
// github.com/nhs-r-community/NHSRplotthedots).
import { describe, expect, it } from "vitest";
import { calculateSpc } from "./index";

// set.seed(123); rnorm(20) — the data of tests/testthat/test-ptd_spc_standard.R
// and test-ptd_spc.R (x = 2020-01-02 … 2020-01-21).
const RNORM_123 = [
  -0.560475647, -0.23017749, 1.558708314, 0.070508391, 0.129287735, 1.715064987, 0.460916206, -1.265061235, -0.686852852, -0.44566197,
  1.224081797, 0.359813827, 0.400771451, 0.110682716, -0.555841135, 1.786913137, 0.497850478, -1.966617157, 0.701355902, -0.472791408,
];
const day = (i: number) => `2020-01-${String(i + 2).padStart(2, "0")}`;
const series = (ys: number[]) => ys.map((y, i) => ({ x: day(i), y }));

describe("tests/testthat/_snaps/ptd_spc_standard.md", () => {
  it("r1: default options", () => {
    const r = calculateSpc(series(RNORM_123), { improvementDirection: "increase" });
    const p = r.points[0]!;
    expect(p.mean).toBeCloseTo(0.1416238, 7); // mean_col 0.1416238
    expect(p.lpl).toBeCloseTo(-3.01138, 5); // lpl -3.01138
    expect(p.upl).toBeCloseTo(3.294627, 6); // upl 3.294627
    // relative_to_mean: -1, -1, 1, -1, -1, 1, 1, -1, -1, -1, 1, 1, 1, -1, -1, … (glimpse)
    expect(r.points.slice(0, 15).map((q) => Math.sign(q.y - q.mean))).toEqual([-1, -1, 1, -1, -1, 1, 1, -1, -1, -1, 1, 1, 1, -1, -1]);
    // _snaps/ptd_spc.md summary: n 20, common_cause 20, special_cause_improvement 0
    expect(r.points.every((q) => q.pointType === "common_cause")).toBe(true);
  });

  it("r2: y[15] <- 10 with screening; r3: the same without screening", () => {
    const ys = RNORM_123.slice();
    ys[14] = 10; // R's 1-based y[15]
    const r2 = calculateSpc(series(ys), { improvementDirection: "increase" });
    expect(r2.phases[0]!.mean).toBeCloseTo(0.6694159, 7);
    expect(r2.phases[0]!.lpl).toBeCloseTo(-2.383666, 6);
    expect(r2.phases[0]!.upl).toBeCloseTo(3.722497, 6);
    // relative_to_mean: -1, -1, 1, -1, -1, 1, -1, -1, -1, -1, 1, -1, -1, -1, …
    expect(r2.points.slice(0, 14).map((q) => Math.sign(q.y - q.mean))).toEqual([-1, -1, 1, -1, -1, 1, -1, -1, -1, -1, 1, -1, -1, -1]);
    const r3 = calculateSpc(series(ys), { improvementDirection: "increase", screenOutliers: false });
    expect(r3.phases[0]!.mean).toBeCloseTo(0.6694159, 7);
    expect(r3.phases[0]!.lpl).toBeCloseTo(-4.596625, 6);
    expect(r3.phases[0]!.upl).toBeCloseTo(5.935457, 6);
    // the test's own assertion: unscreened limits are wider
    expect(r3.phases[0]!.upl - r3.phases[0]!.lpl).toBeGreaterThan(r2.phases[0]!.upl - r2.phases[0]!.lpl);
  });

  it("setting fix_after_n_points = 12 changes the limits (test-ptd_spc_standard.R)", () => {
    const s0 = calculateSpc(series(RNORM_123), { improvementDirection: "increase" });
    const s1 = calculateSpc(series(RNORM_123), { improvementDirection: "increase", fixAfterNPoints: 12 });
    expect(s1.points[0]!.lpl).not.toBe(s0.points[0]!.lpl);
    expect(s1.points[0]!.upl).not.toBe(s0.points[0]!.upl);
  });
});

describe("tests/testthat/_snaps/ptd_spc.md (summary of facets 0 and 1 = first and last 10 points)", () => {
  it("facet 0: mean 0.0746, lpl -2.60, upl 2.75; facet 1: 0.209, -3.28, 3.70; all common cause", () => {
    // A facet is an independent chart, so each half is run on its own.
    const a = calculateSpc(series(RNORM_123.slice(0, 10)), { improvementDirection: "increase" }).phases[0]!;
    const b = calculateSpc(series(RNORM_123.slice(10)), { improvementDirection: "increase" }).phases[0]!;
    expect([a.mean, a.lpl, a.upl].map((v) => Number(v.toPrecision(3)))).toEqual([0.0746, -2.6, 2.75]);
    expect([b.mean, b.lpl, b.upl].map((v) => Number(v.toPrecision(3)))).toEqual([0.209, -3.28, 3.7]);
    // n = 10 < 12: ptd_add_short_group_warnings flags trial limits
    expect(a.trialLimits && b.trialLimits).toBe(true);
  });
  it("a rebase date outside the data does nothing (s2: rebase = 2020-01-01 → one rebase_group 0)", () => {
    // Our equivalent of a rebase row that matches nothing is index 0 or ≥ length.
    const r = calculateSpc(series(RNORM_123), { improvementDirection: "increase", rebaseAt: [0, 20] });
    expect(r.phases).toHaveLength(1);
    expect(r.phases[0]!.mean).toBeCloseTo(0.1416238, 7);
  });
  it("target 0.5 (inside -3.01 … 3.29) → inconsistent assurance", () => {
    const r = calculateSpc(series(RNORM_123), { improvementDirection: "increase", target: 0.5 });
    expect(r.assurance).toBe("hit_and_miss");
  });
});

describe("test-ptd_spc_standard.R: 2-in-3 needs the points on the same side of the mean", () => {
  it("two successive points close to the limits on opposite sides are common cause", () => {
    // data = rep(c(1, -1), 8); data[15] = 5.5; data[16] = -5.5 → tail point_type common_cause ×2
    // by hand: mean 0; mR̄ = (13×2 + 6.5 + 11) / 15 = 2.9; cut 9.47 drops the 11;
    // mR̄ = 32.5 / 14 = 2.3214; 2σ = ±4.117, limits ±6.175: both points are "close".
    const ys: number[] = Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? 1 : -1));
    ys[14] = 5.5;
    ys[15] = -5.5;
    const r = calculateSpc(series(ys), { improvementDirection: "increase" });
    expect(r.phases[0]!.mrBar).toBeCloseTo(32.5 / 14, 12);
    expect(r.points.slice(-2).map((p) => p.pointType)).toEqual(["common_cause", "common_cause"]);
  });
});

describe("vignettes/deviations.Rmd (treatment of outlying points)", () => {
  const ys = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];
  it("screened: UPL 4.6, mean 1.94, LPL -0.72; the 10 is the only special cause (improvement)", () => {
    const r = calculateSpc(series(ys), { improvementDirection: "increase" });
    const p = r.phases[0]!;
    expect([p.upl, p.mean, p.lpl].map((v) => Math.round(v * 100) / 100)).toEqual([4.6, 1.94, -0.72]);
    expect(r.points.map((q) => q.pointType === "special_cause_improvement")).toEqual(ys.map((_, i) => i === 4));
  });
  it("screen_outliers = FALSE replicates the Excel tool's wider limits", () => {
    const p = calculateSpc(series(ys), { improvementDirection: "increase", screenOutliers: false }).phases[0]!;
    expect([p.upl, p.lpl].map((v) => Math.round(v * 100) / 100)).toEqual([6.95, -3.06]);
  });
});

describe("issue #167 example: data.frame(x = Sys.Date() + 0:7, y = 0:-7)", () => {
  it("a decreasing trend of 8 is flagged in full, like the increasing one", () => {
    const up = calculateSpc(series([0, 1, 2, 3, 4, 5, 6, 7]), { improvementDirection: "increase" });
    const down = calculateSpc(series([0, -1, -2, -3, -4, -5, -6, -7]), { improvementDirection: "increase" });
    expect(up.points.every((p) => p.specialCause.trend && p.pointType !== "common_cause")).toBe(true);
    expect(down.points.every((p) => p.specialCause.trend && p.pointType !== "common_cause")).toBe(true);
    // By hand (0..7): mean 3.5, mR̄ 1, limits 0.84 / 6.16, so 0 and 7 are also beyond
    // the limits, and ptd_special_cause_type ranks "Below LCL"/"Above UCL" before the
    // trend: the first point of the rising trend is a concern, the rest improvement.
    expect(up.points.map((p) => p.pointType)).toEqual(["special_cause_concern", ...Array<string>(7).fill("special_cause_improvement")]);
    expect(down.points.map((p) => p.pointType)).toEqual(["special_cause_improvement", ...Array<string>(7).fill("special_cause_concern")]);
  });
});
