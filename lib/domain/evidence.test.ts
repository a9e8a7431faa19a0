import { describe, expect, it } from "vitest";
import {
  assessMeasure,
  defaultEvidenceLevel,
  differenceInDifferencesPoints,
  estimateEffect,
  percentToLog,
  ratioOfRatios,
  relativeDifference,
} from "./evidence";
import { logToPercent } from "./pooling";
import { evidenceMeasure as m } from "./test-fixtures";

const assess = (overrides: Parameters<typeof m>[0], scale?: "pp" | "log", caseEvidenceLevel = 1) =>
  assessMeasure(m(overrides), { caseEvidenceLevel, scale });

describe("before/after pooling: log scale", () => {
  it("raw 100 → 50 is 100·ln(0.5) = −69.31, and 50 → 100 is +69.31 (symmetric)", () => {
    const down = assess({ before: 100, after: 50 }, "log");
    const up = assess({ before: 50, after: 100 }, "log");
    expect(down.pool.value).toBeCloseTo(-69.3147, 4);
    expect(up.pool.value).toBeCloseTo(69.3147, 4);
    expect(down.pool.status).toBe("pooled");
    expect(down.outcome).toBe("improved");
    expect(up.outcome).toBe("worsened");
  });
  it("the reference case's referrals, reported −41%: 100·ln(0.59) = −52.76, from the reported figure", () => {
    const a = assess({ reportedChange: -41 }, "log");
    expect(a.pool.value).toBeCloseTo(-52.7633, 4);
    expect(a.pool.status).toBe("pooled");
    expect(a.effect?.source).toBe("reported");
    expect(logToPercent(a.pool.value ?? 0)).toBeCloseTo(-41, 10);
  });
  it("zero baseline 0 → 2 is listed apart, never pooled, but keeps its direction", () => {
    const a = assess({ before: 0, after: 2 }, "log");
    expect(a.pool).toMatchObject({ status: "zero_baseline", value: null });
    expect(a.outcome).toBe("worsened");
  });
  it("a fall to zero (12 → 0) is −100% with no log change: listed apart", () => {
    const a = assess({ before: 12, after: 0 }, "log");
    expect(a.pool).toMatchObject({ status: "fell_to_zero", value: null });
    expect(a.outcome).toBe("improved");
  });
  it("a reported pp or unspecified-basis change has no ratio: not comparable", () => {
    expect(assess({ reportedChange: -81, reportedChangeBasis: "unspecified" }, "log").pool.status).toBe("not_comparable");
    expect(assess({ reportedChange: 5, reportedChangeBasis: "percentage_points" }, "log").pool.status).toBe("not_comparable");
  });
  it("an after-only figure has no change", () => {
    const a = assess({ after: 94 }, "log");
    expect(a.pool.status).toBe("one_figure");
    expect(a.outcome).toBe("unknown");
  });
  it("no change (40 → 40) pools as 0, outcome no_change", () => {
    const a = assess({ before: 40, after: 40 }, "log");
    expect(a.pool).toMatchObject({ status: "pooled", value: 0 });
    expect(a.outcome).toBe("no_change");
  });
});

describe("before/after pooling: percentage-point scale", () => {
  it("46% → 60% is +14 pp; 71% → 0% is −71 pp (a zero is fine in points)", () => {
    expect(assess({ unit: "percent", direction: "higher_is_better", before: 46, after: 60 }, "pp").pool).toMatchObject({
      status: "pooled",
      value: 14,
    });
    expect(assess({ unit: "percent", before: 71, after: 0 }, "pp").pool).toMatchObject({ status: "pooled", value: -71 });
    expect(assess({ unit: "percent", before: 0, after: 5 }, "pp").pool).toMatchObject({ status: "pooled", value: 5 });
  });
  it("a reported pp change pools; a reported per cent change cannot become points", () => {
    expect(assess({ unit: "percent", reportedChange: -20, reportedChangeBasis: "percentage_points" }, "pp").pool).toMatchObject({
      status: "pooled",
      value: -20,
    });
    expect(assess({ unit: "percent", reportedChange: -81, reportedChangeBasis: "unspecified" }, "pp").pool.status).toBe("not_comparable");
    expect(assess({ unit: "percent", reportedChange: -30 }, "pp").pool.status).toBe("not_comparable");
  });
});

describe("comparison group", () => {
  const matched = { design: "comparison_group", comparisonKind: "matched_control" } as const;
  it("relative difference (reform − comparison) ÷ comparison: 88 against 100 is −12%", () => {
    expect(relativeDifference(88, 100)).toBeCloseTo(-12, 10);
    const a = assess({ ...matched, after: 88, comparisonAfter: 100 });
    expect(a.effect).toMatchObject({ contrast: "vs_comparison", basis: "percent", source: "computed" });
    expect(a.effect?.value).toBeCloseTo(-12, 10);
    expect(a.pool.value).toBeCloseTo(100 * Math.log(0.88), 10);
    expect(a.outcome).toBe("improved");
  });
  it("a reported estimate with its interval leads, pools on the log scale with the interval, and rates level 3", () => {
    // "12% lower than a matched comparison group (95% CI 5–19%)"
    const a = assess({ ...matched, reportedChange: -12, ciLower: -19, ciUpper: -5, after: 88, comparisonAfter: 95 });
    expect(a.effect).toMatchObject({ source: "reported", value: -12, interval: { lower: -19, upper: -5, level: 95 } });
    expect(a.pool.status).toBe("pooled");
    expect(a.pool.value).toBeCloseTo(percentToLog(-12)!, 10);
    expect(a.pool.lower).toBeCloseTo(percentToLog(-19)!, 10);
    expect(a.pool.upper).toBeCloseTo(percentToLog(-5)!, 10);
    expect(a.evidenceLevel).toBe(3);
    expect(a.evidenceLevelFrom).toBe("design");
  });
  it("an interval that spans no effect is no clear difference, whatever the point estimate's sign", () => {
    // "21% higher than matched controls (95% CI −3 to 45%)"
    const a = assess({ ...matched, direction: "higher_is_better", reportedChange: 21, ciLower: -3, ciUpper: 45 });
    expect(a.outcome).toBe("no_clear_difference");
    const b = assess({ ...matched, direction: "higher_is_better", reportedChange: 21, ciLower: 8, ciUpper: 35 });
    expect(b.outcome).toBe("improved");
  });
  it("a p-value of 0.05 or more with no interval reads as no clear difference", () => {
    expect(assess({ ...matched, reportedChange: -4, pValue: 0.31 }).outcome).toBe("no_clear_difference");
    expect(assess({ ...matched, reportedChange: -4, pValue: 0.01 }).outcome).toBe("improved");
  });
  it("percent measures differ in points: 30% against 40% is −10 pp", () => {
    const a = assess({ ...matched, unit: "percent", after: 30, comparisonAfter: 40 }, "pp");
    expect(a.effect).toMatchObject({ basis: "percentage_points", value: -10 });
    expect(a.pool).toMatchObject({ status: "pooled", value: -10 });
  });
  it("the reported estimate is not read as a change over time (no mismatch with before/after)", () => {
    const a = assess({ ...matched, before: 100, after: 90, reportedChange: -30 });
    expect(a.change.kind).toBe("raw");
    expect(a.change.mismatch).toBeNull();
    expect(a.effect?.value).toBe(-30);
  });
  it("evidence by kind: randomised 5, matched or synthetic 3, a site or a trend 2", () => {
    expect(defaultEvidenceLevel("comparison_group", "randomised_control", 1)).toBe(5);
    expect(defaultEvidenceLevel("comparison_group", "synthetic_control", 1)).toBe(3);
    expect(defaultEvidenceLevel("comparison_group", "comparison_site", 5)).toBe(2);
    expect(defaultEvidenceLevel("comparison_group", "national_trend", 1)).toBe(2);
  });
});

describe("difference-in-differences", () => {
  const did = { design: "difference_in_differences", comparisonKind: "comparison_site" } as const;
  it("percentages: (A₁ − A₀) − (C₁ − C₀) in points", () => {
    expect(differenceInDifferencesPoints(40, 30, 42, 38)).toBe(-6);
    const a = assess({ ...did, unit: "percent", before: 40, after: 30, comparisonBefore: 42, comparisonAfter: 38 }, "pp");
    expect(a.effect).toMatchObject({ contrast: "difference_in_differences", basis: "percentage_points", value: -6 });
    expect(a.pool).toMatchObject({ status: "pooled", value: -6 });
  });
  it("counts: the ratio of ratios, shown as (ratio − 1) × 100%, pooled as the difference of log changes", () => {
    // Reform 200 → 150 (×0.75), comparison 100 → 90 (×0.9): ratio 0.8333, −16.7%.
    expect(ratioOfRatios(200, 150, 100, 90)).toBeCloseTo(0.75 / 0.9, 12);
    const a = assess({ ...did, before: 200, after: 150, comparisonBefore: 100, comparisonAfter: 90 });
    expect(a.effect?.value).toBeCloseTo((0.75 / 0.9 - 1) * 100, 10);
    expect(a.pool.value).toBeCloseTo(100 * Math.log(0.75) - 100 * Math.log(0.9), 10);
    expect(a.evidenceLevel).toBe(3);
  });
  it("a value of 0 leaves no ratio: no estimate rather than an invented one", () => {
    expect(ratioOfRatios(0, 5, 10, 9)).toBeNull();
    expect(estimateEffect(m({ ...did, before: 0, after: 5, comparisonBefore: 10, comparisonAfter: 9 }))).toBeNull();
  });
  it("a reported DiD estimate stands without the four values", () => {
    const a = assess({ ...did, reportedChange: -9, reportedChangeBasis: "percent", ciLower: -15, ciUpper: -2 });
    expect(a.effect).toMatchObject({ contrast: "difference_in_differences", value: -9, source: "reported" });
    expect(a.pool.status).toBe("pooled");
  });
});

describe("absolute changes, findings in words and targets", () => {
  it("“saved £400,000 a year” is listed in its unit and never pooled with relative changes", () => {
    const a = assess({ unit: "money", rateBasis: "a year", reportedChange: -400000, reportedChangeBasis: "absolute", modelled: true });
    expect(a.effect).toMatchObject({ basis: "absolute", value: -400000 });
    expect(a.pool).toMatchObject({ status: "absolute", value: null });
    expect(a.outcome).toBe("improved");
    expect(a.change.absoluteChange).toBe(-400000);
    expect(a.change.relativeChange).toBeNull();
  });
  it("a finding in words is counted by its direction and never becomes a number", () => {
    const a = assess({ findingDirection: "no_clear_difference" });
    expect(a.wordsOnly).toBe(true);
    expect(a.effect).toBeNull();
    expect(a.outcome).toBe("no_clear_difference");
    expect(a.pool).toMatchObject({ status: "words", value: null });
    expect(assess({ findingDirection: "worsened" }).outcome).toBe("worsened");
    expect(assess({ findingDirection: "unclear" }).outcome).toBe("unknown");
  });
  it("the source's own verdict wins over the sign of its figure", () => {
    expect(assess({ reportedChange: -3, findingDirection: "no_clear_difference" }).outcome).toBe("no_clear_difference");
  });
  it("a verdict that runs against the figure is pointed out", () => {
    const a = assess({ reportedChange: -20, findingDirection: "worsened" });
    expect(a.warnings.map((w) => w.field)).toContain("findingDirection");
  });
  it("a value set against a target is shown but not pooled: a target is not a counterfactual", () => {
    const a = assess({ design: "against_target", unit: "percent", direction: "higher_is_better", after: 95, target: 93 }, "pp");
    expect(a.effect).toMatchObject({ contrast: "vs_target", basis: "percentage_points", value: 2 });
    expect(a.pool.status).toBe("not_comparable");
    expect(a.outcome).toBe("improved");
  });
});

describe("small baselines (issue 16)", () => {
  it("3 → 41 families (+1,267%) and 1 → 450 teams lead with the absolute change and pool only on request", () => {
    const a = assess({ direction: "higher_is_better", before: 3, after: 41 });
    expect(a.smallBaseline).toBe(true);
    expect(a.pool.status).toBe("small_baseline");
    expect(a.pool.value).toBeCloseTo(100 * Math.log(41 / 3), 10);
  });
  it("a rise over 500% is small-baseline for any unit; 20 → 40 is not", () => {
    expect(assess({ unit: "money", before: 1000, after: 9000 }).smallBaseline).toBe(true);
    expect(assess({ before: 20, after: 40 }).smallBaseline).toBe(false);
    expect(assess({ unit: "score", before: 3, after: 4 }).smallBaseline).toBe(false);
  });
});

describe("intervals and consistency", () => {
  it("an interval that does not contain its estimate is pointed out", () => {
    const a = assess({ design: "comparison_group", comparisonKind: "matched_control", reportedChange: -12, ciLower: 5, ciUpper: 19 });
    expect(a.warnings.map((w) => w.field)).toContain("ciLower");
  });
  it("a before/after mismatch is still found (21.2 → 10.4 reported as a 60% drop)", () => {
    const a = assess({ before: 21.2, after: 10.4, reportedChange: -60 });
    expect(a.warnings.map((w) => w.field)).toContain("reportedChange");
  });
  it("a before/after rates at most 2, whatever the case says; an explicit level wins", () => {
    expect(assess({ before: 10, after: 5 }, "log", 4).evidenceLevel).toBe(2);
    expect(assess({ before: 10, after: 5, evidenceLevel: 4 }, "log", 1)).toMatchObject({ evidenceLevel: 4, evidenceLevelFrom: "measure" });
    expect(defaultEvidenceLevel("interrupted_time_series", null, 1)).toBe(2);
  });
});
