import { describe, expect, it } from "vitest";
import { describeDistribution, evidencePadlocks, logToPercent, poolFigure, quantile, scaleForUnit } from "./pooling";
import { measure } from "./test-fixtures";

describe("quantile (PostgreSQL percentile_cont)", () => {
  it("median of an odd count is the middle value", () => {
    expect(quantile([1, 3, 9], 0.5)).toBe(3);
  });
  it("median of an even count interpolates: [1, 2, 4, 10] → 3", () => {
    expect(quantile([1, 2, 4, 10], 0.5)).toBe(3);
  });
  it("quartiles of [1, 2, 4, 10]: rank 0.75 → 1.75, rank 2.25 → 5.5", () => {
    expect(quantile([1, 2, 4, 10], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 4, 10], 0.75)).toBe(5.5);
  });
  it("no values → null; one value → that value at every p", () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([7], 0.25)).toBe(7);
  });
});

describe("describeDistribution", () => {
  it("sorts before taking quantiles: [-10, 40, -60, 0, -20]", () => {
    // Sorted: −60, −20, −10, 0, 40. Median −10; Q1 rank 1 → −20; Q3 rank 3 → 0.
    expect(describeDistribution([-10, 40, -60, 0, -20])).toEqual({ n: 5, median: -10, q1: -20, q3: 0, min: -60, max: 40 });
  });
  it("empty: n 0 and nulls", () => {
    expect(describeDistribution([])).toEqual({ n: 0, median: null, q1: null, q3: null, min: null, max: null });
  });
});

describe("poolFigure: log scale", () => {
  it("raw 100 → 50 is 100·ln(0.5) = −69.31, and 50 → 100 is +69.31 (symmetric)", () => {
    const down = poolFigure(measure({ before: 100, after: 50 }), "log");
    const up = poolFigure(measure({ before: 50, after: 100 }), "log");
    expect(down.value).toBeCloseTo(-69.3147, 4);
    expect(up.value).toBeCloseTo(69.3147, 4);
    expect(down).toMatchObject({ status: "pooled", reportedOnly: false, outcome: "improved" });
    expect(up.outcome).toBe("worsened");
  });
  it("the reference case's referrals, reported −41%: 100·ln(0.59) = −52.76, reported-only", () => {
    const f = poolFigure(measure({ reportedChange: -41 }), "log");
    expect(f.value).toBeCloseTo(-52.7633, 4);
    expect(f).toMatchObject({ status: "pooled", reportedOnly: true, outcome: "improved" });
    expect(logToPercent(f.value ?? 0)).toBeCloseTo(-41, 10);
  });
  it("zero baseline 0 → 2 is listed apart, never pooled, but keeps its direction", () => {
    expect(poolFigure(measure({ before: 0, after: 2 }), "log")).toEqual({
      status: "zero_baseline",
      value: null,
      reportedOnly: false,
      outcome: "worsened",
    });
  });
  it("a fall to zero (12 → 0) is −100% with no log change: listed apart", () => {
    expect(poolFigure(measure({ before: 12, after: 0 }), "log")).toMatchObject({
      status: "fell_to_zero",
      value: null,
      outcome: "improved",
    });
  });
  it("a reported pp or unspecified-basis change has no ratio: not comparable", () => {
    expect(poolFigure(measure({ reportedChange: -81, reportedChangeBasis: "unspecified" }), "log").status).toBe("not_comparable");
    expect(poolFigure(measure({ reportedChange: 5, reportedChangeBasis: "percentage_points" }), "log").status).toBe("not_comparable");
  });
  it("an after-only figure has no change", () => {
    expect(poolFigure(measure({ after: 94 }), "log")).toMatchObject({ status: "one_figure", outcome: "unknown" });
  });
  it("no change (40 → 40) pools as 0, outcome no_change", () => {
    expect(poolFigure(measure({ before: 40, after: 40 }), "log")).toMatchObject({ status: "pooled", value: 0, outcome: "no_change" });
  });
});

describe("poolFigure: percentage-point scale", () => {
  it("46% → 60% is +14 pp; 71% → 0% is −71 pp (a zero is fine in points)", () => {
    const up = poolFigure(measure({ unit: "percent", direction: "higher_is_better", before: 46, after: 60 }), "pp");
    const down = poolFigure(measure({ unit: "percent", before: 71, after: 0 }), "pp");
    expect(up).toMatchObject({ status: "pooled", value: 14, outcome: "improved" });
    expect(down).toMatchObject({ status: "pooled", value: -71, outcome: "improved" });
    expect(poolFigure(measure({ unit: "percent", before: 0, after: 5 }), "pp")).toMatchObject({ status: "pooled", value: 5 });
  });
  it("a reported pp change pools; a reported per cent change cannot become points", () => {
    expect(poolFigure(measure({ unit: "percent", reportedChange: -20, reportedChangeBasis: "percentage_points" }), "pp")).toMatchObject({
      status: "pooled",
      value: -20,
      reportedOnly: true,
    });
    expect(poolFigure(measure({ unit: "percent", reportedChange: -81, reportedChangeBasis: "unspecified" }), "pp").status).toBe(
      "not_comparable",
    );
    expect(poolFigure(measure({ unit: "percent", reportedChange: -30 }), "pp").status).toBe("not_comparable");
  });
  it("percent types pool points, all others log changes", () => {
    expect(scaleForUnit("percent")).toBe("pp");
    expect(scaleForUnit("count")).toBe("log");
    expect(scaleForUnit("money")).toBe("log");
  });
});

describe("evidencePadlocks", () => {
  it("no cases: 0", () => {
    expect(evidencePadlocks({ cases: 0, medianLevel: null, rawFigures: 0, reportedFigures: 0 })).toBe(0);
  });
  it("median level 3, mostly raw, 10 cases: 3", () => {
    expect(evidencePadlocks({ cases: 10, medianLevel: 3, rawFigures: 8, reportedFigures: 2 })).toBe(3);
  });
  it("mostly reported-only figures lose one: level 3 → 2", () => {
    expect(evidencePadlocks({ cases: 10, medianLevel: 3, rawFigures: 2, reportedFigures: 8 })).toBe(2);
  });
  it("exactly half raw is not 'fewer than half'", () => {
    expect(evidencePadlocks({ cases: 10, medianLevel: 2, rawFigures: 5, reportedFigures: 5 })).toBe(2);
  });
  it("plain before/after (level 1) from two cases, mostly reported: floored at 0", () => {
    expect(evidencePadlocks({ cases: 2, medianLevel: 1, rawFigures: 1, reportedFigures: 4 })).toBe(0);
  });
  it("never above 5", () => {
    expect(evidencePadlocks({ cases: 50, medianLevel: 5, rawFigures: 50, reportedFigures: 0 })).toBe(5);
  });
});
