import { describe, expect, it } from "vitest";
import { calculateRunChart, median, summariseRunChart } from "./run-chart";

const month = (i: number) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`;
const series = (ys: number[]) => ys.map((y, i) => ({ x: month(i), y }));
const rc = (ys: number[], direction: "increase" | "decrease" | "neutral" = "decrease") =>
  calculateRunChart(series(ys), { improvementDirection: direction });

describe("median", () => {
  it("odd, even and empty", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe("shift: 6 or more points in a row on one side of the median", () => {
  it("6 below the median is a shift; 5 is not", () => {
    // median of [9,9,9,9,9,9,1,1,1,1,1,1] is 5: six above, six below
    const r = rc([9, 9, 9, 9, 9, 9, 1, 1, 1, 1, 1, 1]);
    expect(r.median).toBe(5);
    expect(r.runs.map((x) => [x.rule, x.start, x.end, x.side, x.counted])).toEqual([
      ["shift", 0, 5, "high", 6],
      ["shift", 6, 11, "low", 6],
    ]);
    // lower is better: the run below is an improvement, the run above a concern
    expect(r.runs.map((x) => x.pointType)).toEqual(["special_cause_concern", "special_cause_improvement"]);
    expect(rc([9, 9, 9, 9, 9, 1, 1, 1, 1, 1]).runs).toEqual([]);
  });
  it("a point on the median neither counts towards nor breaks a shift", () => {
    // median 5 (the middle value); the 5 at index 3 sits on it
    const ys = [1, 1, 1, 5, 1, 1, 1, 9, 9, 9, 9, 9, 9];
    const r = rc(ys);
    expect(r.median).toBe(5);
    expect(r.runs.filter((x) => x.rule === "shift").map((x) => [x.start, x.end, x.counted])).toEqual([
      [0, 6, 6],
      [7, 12, 6],
    ]);
    expect(r.points[3]).toMatchObject({ shift: false, pointType: "common_cause" });
    expect(r.points[2]).toMatchObject({ shift: true, side: "low" });
    // five below, one on the median, then above: no shift below
    expect(rc([1, 1, 5, 1, 1, 1, 9, 9, 9, 9, 9]).runs.filter((x) => x.side === "low")).toEqual([]);
  });
});

describe("trend: 5 or more points in a row going up or down", () => {
  it("5 falling points are a trend; 4 are not", () => {
    const r = rc([10, 10, 9, 8, 7, 6, 6]);
    expect(r.runs.filter((x) => x.rule === "trend").map((x) => [x.start, x.end, x.side, x.counted])).toEqual([[1, 5, "low", 5]]);
    expect(r.points.map((p) => p.trend)).toEqual([false, true, true, true, true, true, false]);
    expect(rc([10, 9, 8, 7, 8]).runs).toEqual([]);
  });
  it("a repeated value is counted once: it neither adds to nor breaks a trend", () => {
    // 1, 2, 2, 3, 4 → four distinct rising values: no trend; add a fifth and it is one
    expect(rc([1, 2, 2, 3, 4]).runs).toEqual([]);
    const r = rc([1, 2, 2, 3, 4, 5], "increase");
    expect(r.runs).toMatchObject([{ rule: "trend", start: 0, end: 5, side: "high", counted: 5, pointType: "special_cause_improvement" }]);
  });
  it("a trend's side is its direction, and it takes precedence over a shift", () => {
    // median 5.5; the last five fall but sit above the median
    const r = rc([1, 1, 1, 1, 1, 1, 10, 20, 19, 18, 17, 16]);
    const last = r.points[11]!;
    expect(last).toMatchObject({ trend: true, shift: true, side: "low", pointType: "special_cause_improvement" });
    expect(r.latest).toEqual({ pointType: "special_cause_improvement", side: "low" });
  });
  it("neutral direction keeps the side", () => {
    const r = rc([1, 2, 3, 4, 5], "neutral");
    expect(r.latest).toEqual({ pointType: "special_cause_neutral", side: "high" });
  });
});

describe("summariseRunChart", () => {
  const label = (x: string) => x.slice(0, 7);
  it("names each shift and trend, with the medians either side of the intervention", () => {
    const r = rc([37, 39, 38, 38, 48, 52, 55, 57, 58, 60], "increase");
    expect(summariseRunChart(r, { unitLabel: "%", intervalLabel: "a month", interventionIndex: 4, dateLabel: label })).toBe(
      "The median of all 10 points is 50%: 38% before the intervention (4 months) and 56% from it (6 months). " +
        "A trend: 7 months in a row rising, 2023-04 to 2023-10 (an improvement). " +
        "Under the NHS run-chart rules (a shift is 6 or more points in a row on one side of the median, a trend 5 or more in a row going up or down) this is a sign of a real change, not noise.",
    );
  });
  it("says when there is no shift or trend, and when there are too few points for either", () => {
    expect(summariseRunChart(rc([5, 7, 5, 7, 5, 7, 5]))).toBe(
      "The median of the 7 points is 5. No shift and no trend (NHS run-chart rules: a shift is 6 or more points in a row on one side of the median, a trend 5 or more in a row going up or down): the run chart shows no sign of a real change.",
    );
    expect(summariseRunChart(rc([1, 2, 3, 4]))).toMatch(
      /^The median of the 4 points is 2\.5\. With 4 points there are too few for a shift or a trend/,
    );
  });
  it("never quotes process limits", () => {
    const text = summariseRunChart(rc([9, 9, 9, 9, 9, 9, 1, 1, 1, 1, 1, 1]));
    expect(text).not.toMatch(/limit/);
    expect(text).toContain("A shift: 6 points in a row below the median");
  });
  it("empty", () => {
    expect(summariseRunChart(rc([]))).toBe("No data to summarise.");
  });
});
