import { describe, expect, it } from "vitest";
import { bandEdges, describeDistribution, describeSpread, evidencePadlocks, quantile, scaleForUnit } from "./pooling";

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

describe("scaleForUnit", () => {
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

describe("describeSpread", () => {
  it("from 4 figures up: the interquartile range", () => {
    expect(describeSpread(describeDistribution([-71, -44, -20, 5]))).toEqual({ kind: "interquartile", low: -50.75, high: -13.75 });
  });
  it("under 4 figures: the range, min to max, never quartiles", () => {
    expect(describeSpread(describeDistribution([-71, -44]))).toEqual({ kind: "range", low: -71, high: -44 });
    expect(describeSpread(describeDistribution([-52.8, -30, 10]))).toEqual({ kind: "range", low: -52.8, high: 10 });
    expect(describeSpread(describeDistribution([12]))).toEqual({ kind: "range", low: 12, high: 12 });
  });
  it("no figures: nothing to tell", () => {
    expect(describeSpread(describeDistribution([]))).toBeNull();
  });
});

describe("bandEdges", () => {
  it("every figure fell: the bands run up to 0", () => {
    expect(bandEdges(-80, -20, 4)).toEqual({ low: -80, high: 0, width: 20 });
  });
  it("every figure rose: the bands start at 0", () => {
    expect(bandEdges(10, 50, 5)).toEqual({ low: 0, high: 50, width: 10 });
  });
  it("figures either side of 0: min to max", () => {
    expect(bandEdges(-30, 30, 6)).toEqual({ low: -30, high: 30, width: 10 });
  });
});
