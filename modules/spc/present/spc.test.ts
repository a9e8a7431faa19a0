import { describe, expect, it } from "vitest";
import { NORTHSHIRE_FAILURE_DEMAND, RIVERTON_FACE_TO_FACE } from "@/prisma/seed-series";
import { applySeriesHeadline, buildSpcView, describeIconNote, formatSeriesValue } from "./spc";
import { toSeries } from "./spc-test-series";

describe("buildSpcView", () => {
  it("the seeded example: limits recalculated at the intervention, a real shift, improvement icon", () => {
    const v = buildSpcView(toSeries(NORTHSHIRE_FAILURE_DEMAND, {}));
    expect(v.runChart).toBe(false);
    expect(v.phases.map((p) => [p.startLabel, p.endLabel, p.mean])).toEqual([
      ["Feb 2022", "Mar 2023", 62],
      ["Apr 2023", "Jul 2024", 18],
    ]);
    expect(v.intervention).toEqual({ label: "Apr 2023", text: "Intervention, April 2023" });
    expect(v.summary).toMatch(
      /^From April 2023 the mean fell from 62% to 18%, 44 percentage points lower; 16 months in a row below the previous mean: a real shift, not noise\./,
    );
    expect(v.variation).toMatchObject({ type: "special_cause_improvement", tone: "improvement", side: "low" });
    expect(v.points[14]!.annotation).toBe("Redesigned front door team starts (fictional)");
    expect(v.headlineNote).toMatch(/^Headline figures: from the phase means of this series\. .*14 points \(February 2022 to March 2023\)/);
  });

  it("uses the run length N set on the measure", () => {
    expect(buildSpcView(toSeries(NORTHSHIRE_FAILURE_DEMAND, {})).runLength).toBe(7);
    const v = buildSpcView(toSeries(NORTHSHIRE_FAILURE_DEMAND, { runLength: 12 }));
    expect(v.runLength).toBe(12);
    expect(buildSpcView(toSeries(NORTHSHIRE_FAILURE_DEMAND, { runLength: 12 }), { runLength: 9 }).runLength).toBe(9);
  });

  it("a short series falls back to a run chart and says so", () => {
    const v = buildSpcView(toSeries(RIVERTON_FACE_TO_FACE, { direction: "higher_is_better", interventionDate: "2024-01-01" }));
    expect(v.runChart).toBe(true);
    expect(v.points.every((p) => p.upl === null && p.lpl === null)).toBe(true);
    expect(v.notes[0]).toMatch(/^Run chart: with 10 points \(fewer than 13\)/);
    expect(v.headlineNote).toBe("Headline figures: from the before and after figures as reported, not from this series.");
  });

  it("N is a setting", () => {
    const s = toSeries({ points: [["2023-01-01", 1]] }, {});
    expect(buildSpcView(s, { runLength: 6 }).runLength).toBe(6);
  });
});

describe("applySeriesHeadline", () => {
  const m = {
    before: 70,
    after: 20,
    beforeQualifier: "about" as const,
    afterQualifier: "exact" as const,
    beforeWording: "about 70%",
    afterWording: "20%",
    beforePeriod: null,
    afterPeriod: null,
  };
  const source = {
    headlineMethod: "series_phase_means" as const,
    interventionDate: "2023-04-01",
    rebaseDates: [],
    points: NORTHSHIRE_FAILURE_DEMAND.points.map(([date, value]) => ({ date, value })),
  };
  it("takes before/after from the phase means and says so", () => {
    expect(applySeriesHeadline(m, source)).toMatchObject({
      before: 62,
      after: 18,
      beforeQualifier: "exact",
      beforeWording: null,
      beforePeriod: "mean of 14 points, Feb 2022 – Mar 2023",
      afterPeriod: "mean of 16 points, Apr 2023 – Jul 2024",
      headlineMethod: "series_phase_means",
    });
  });
  it("keeps the figures when the method is figures or the series cannot be split", () => {
    expect(applySeriesHeadline(m, { ...source, headlineMethod: "figures" })).toMatchObject({
      before: 70,
      headlineMethod: "figures",
      headlineNote: null,
    });
    const r = applySeriesHeadline(m, { ...source, interventionDate: null });
    expect(r).toMatchObject({ before: 70, headlineMethod: "figures" });
    expect(r.headlineNote).toMatch(/phase means cannot be used/);
  });
});

// Issue 18 and issue 16 item 4: what the chart says, per correction.
const monthlyPoints = (from: string, values: number[]) =>
  values.map((value, i) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + i);
    return { date: d.toISOString().slice(0, 10), value, annotation: null };
  });
const series = (values: number[], over: Partial<Parameters<typeof toSeries>[1]> = {}) =>
  toSeries({ points: [] }, { unit: "count", interventionDate: null, points: monthlyPoints("2022-01-01", values), ...over });

describe("issue 18 corrections", () => {
  it("the H/L of the variation icon follows PTD's precedence: a last point beyond the upper limit that ends a falling run is H", () => {
    const v = buildSpcView(series([9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 100, 95, 90, 85, 80, 75, 70]));
    const last = v.points[v.points.length - 1]!;
    expect(last.value).toBeGreaterThan(last.upl!);
    expect(last.rules).toBe("beyond a limit, shift, trend");
    expect(v.variation).toMatchObject({ type: "special_cause_concern", side: "high" });
  });

  it("no assurance icon when the last phase has a single point", () => {
    const values = [49, 51, 49, 51, 49, 51, 49, 51, 49, 51, 49, 51, 49, 51, 30];
    const v = buildSpcView(series(values, { target: 40, direction: "lower_is_better", interventionDate: "2023-03-01" }));
    expect(v.phases).toHaveLength(2);
    expect(v.assurance).toBeNull();
    expect(v.summary).not.toMatch(/target/);
    expect(v.notes).toContain(
      "No assurance icon: the latest phase has a single point, so there is no variation yet to judge the target against.",
    );
  });

  it("a short series says what a run chart can say: no process limits, no special-cause icon", () => {
    // 10 points; on an XmR chart the last would be a special cause beyond the limits.
    const v = buildSpcView(series([40, 41, 40, 42, 41, 40, 41, 42, 40, 70], { target: 50, direction: "higher_is_better" }));
    expect(v.runChart).toBe(true);
    expect(v.summary).not.toMatch(/limits from|process limits from|special cause/);
    expect(v.summary).toMatch(
      /^Read as a run chart: 10 points are too few for process limits \(an SPC chart needs 13\)\. The median of the 10 points is 41\./,
    );
    expect(v.variation).toBeNull();
    expect(v.assurance).toBeNull();
    expect(v.points.map((p) => p.pointType)).toEqual(Array(10).fill("common_cause"));
    expect(v.runChartReading).toEqual({ tone: "neutral", text: "Run chart: no shift or trend against the median" });
    expect(v.chart).toMatchObject({ centreLabel: "Median", phases: [{ mean: 41, lpl: null, upl: null }] });
  });

  it("a short series reads shifts and trends against the median with the NHS run-chart rules, and says so", () => {
    const v = buildSpcView(toSeries(RIVERTON_FACE_TO_FACE, { direction: "higher_is_better", interventionDate: "2024-01-01" }));
    expect(v.summary).toBe(
      "Read as a run chart: 10 points are too few for process limits (an SPC chart needs 13). " +
        "The median of all 10 points is 50%: 38% before the intervention (4 months) and 56% from it (6 months). " +
        "A trend: 7 months in a row rising, December 2023 to June 2024 (an improvement). " +
        "Under the NHS run-chart rules (a shift is 6 or more points in a row on one side of the median, a trend 5 or more in a row going up or down) this is a sign of a real change, not noise.",
    );
    expect(v.runChartReading).toEqual({ tone: "improvement", text: "Run chart: a trend rising to the latest point: improvement" });
    expect(v.points.slice(3).every((p) => p.rules.includes("trend"))).toBe(true);
    expect(v.notes[0]).toMatch(
      /NHS run-chart rules: a shift is 6 or more points in a row on one side of the median \(points on it not counted\)/,
    );
  });

  it("neutral-direction points keep their high/low side, in the chart data and in words", () => {
    const base = [49, 51, 49, 51, 49, 51, 49, 51, 49, 51, 49, 51, 49, 51];
    const v = buildSpcView(series([...base, 70, 50, 20], { direction: "neutral" }));
    expect(v.points.slice(14).map((p) => [p.side, p.signalWords])).toEqual([
      ["high", "special cause: neither better nor worse, high"],
      [null, "common cause"],
      ["low", "special cause: neither better nor worse, low"],
    ]);
    expect(v.chart.sides.slice(14)).toEqual(["high", null, "low"]);
    expect(v.variation).toMatchObject({ type: "special_cause_neutral", side: "low" });
  });
});

describe("per-measure SPC options (issue 18)", () => {
  // 14 tight points with one spike: screening decides whether the spike widens the limits.
  const values = [49, 51, 49, 51, 49, 51, 80, 51, 49, 51, 49, 51, 49, 51];
  it("outlier screening off widens the limits and says so in the notes", () => {
    const on = buildSpcView(series(values));
    const off = buildSpcView(series(values, { screenOutliers: false }));
    expect(off.phases[0]!.upl!).toBeGreaterThan(on.phases[0]!.upl!);
    expect(on.notes).toContain(
      "SPC settings for this measure: a shift or a trend is 7 points in a row; moving ranges of 3.267 × the average or more are screened out of the limits (NHSRplotthedots); each phase's mean and limits come from all its points.",
    );
    expect(off.notes.at(-1)).toMatch(
      /outlier screening is off: every moving range counts towards the limits \(as the Making Data Count Excel tool\)/,
    );
  });
  it("limits fixed after N points come from the first N, and the notes say so", () => {
    const long = [...values.slice(0, 12), 30, 70, 30, 70, 30, 70];
    const fixed = buildSpcView(series(long, { fixAfterPoints: 12 }));
    const all = buildSpcView(series(long));
    expect(fixed.phases[0]!.upl!).toBeLessThan(all.phases[0]!.upl!);
    expect(fixed.notes).toContain("The series: the mean and limits are fixed from its first 12 points.");
    expect(fixed.notes.at(-1)).toMatch(/the limits are fixed after 12 points: each phase's mean and limits come from its first 12 points/);
  });
  it("on a run chart the options are named as not applying", () => {
    const v = buildSpcView(series([1, 2, 3], { screenOutliers: false, fixAfterPoints: 12 }));
    expect(v.notes).toContain(
      "This measure's SPC settings (outlier screening off, limits fixed after 12 points) apply once it is an SPC chart: a run chart has no limits.",
    );
  });
});

describe("frequencies (issue 16)", () => {
  it("a four-year trend before the reform, in financial years, is charted and named by year", () => {
    const points = [412, 398, 377, 351, 240, 221].map((value, i) => ({ date: `${2016 + i}-04-01`, value, annotation: null }));
    const v = buildSpcView(series([], { points, frequency: "yearly", interventionDate: "2020-04-01", direction: "lower_is_better" }));
    expect(v.runChart).toBe(true);
    expect(v.chart.labels).toEqual(["2016/17", "2017/18", "2018/19", "2019/20", "2020/21", "2021/22"]);
    expect(v.chart.xAxisLabel).toBe("Year");
    expect(v.intervention).toEqual({ label: "2020/21", text: "Intervention, 1 April 2020" });
    expect(v.summary).toContain("A trend: 6 years in a row falling, 2016/17 to 2021/22 (an improvement).");
    expect(v.summary).toContain("before the intervention (4 years)");
  });
  it("quarterly series are SPC charts once they have 13 points", () => {
    const points = Array.from({ length: 14 }, (_, i) => ({
      date: `${2020 + Math.floor(i / 4)}-${String((i % 4) * 3 + 1).padStart(2, "0")}-01`,
      value: 50 + (i % 2),
      annotation: null,
    }));
    const v = buildSpcView(series([], { points, frequency: "quarterly" }));
    expect(v.runChart).toBe(false);
    expect(v.chart.labels[1]).toBe("Apr–Jun 2020");
    expect(v.summary).toMatch(/^The mean is 51 a quarter, with process limits from 48 to 53\./);
  });
  it("irregular dates get a run chart however many points, and say why", () => {
    const points = Array.from({ length: 20 }, (_, i) => ({
      date: `2024-01-${String(i + 1 + (i > 10 ? 5 : 0)).padStart(2, "0")}`,
      value: 10 + (i % 3),
      annotation: null,
    }));
    const v = buildSpcView(series([], { points, frequency: "irregular" }));
    expect(v.runChart).toBe(true);
    expect(v.summary).toMatch(/^Read as a run chart: the dates are irregular, so there are no process limits\./);
    expect(v.notes[0]).toMatch(
      /^Run chart: the dates are irregular, and SPC process limits come from the differences between consecutive points, which only compare like with like when the points are evenly spaced\./,
    );
  });
  it("a series saved before frequencies were stored is read as its dates look", () => {
    expect(buildSpcView(toSeries(NORTHSHIRE_FAILURE_DEMAND, {})).frequency).toBe("monthly");
  });
  it("units beyond the known list are named as stored", () => {
    const v = buildSpcView(series([1, 2, 3], { unit: "weeks" }));
    expect([v.unitLabel, v.axisLabel]).toEqual(["weeks", "Weeks"]);
    expect(formatSeriesValue(3, "weeks")).toBe("3 weeks");
    expect(formatSeriesValue(3, "months")).toBe("3 months");
    expect(formatSeriesValue(3, "count")).toBe("3");
  });
});

describe("describeIconNote", () => {
  it("says the icons read the latest point and the phases the change, where there are phases to compare", () => {
    expect(describeIconNote(false, true)).toBe(
      "The icons above describe the latest point only (Making Data Count): its variation and, where a target is set, its assurance. " +
        "The change is read from the comparison of the phases before and after, so a real shift and a latest point of common cause variation can both be true.",
    );
    expect(describeIconNote(false, false)).not.toContain("phases");
    expect(describeIconNote(true, false)).toContain("run chart");
  });
});
