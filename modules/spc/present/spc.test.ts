import { describe, expect, it } from "vitest";
import { NORTHSHIRE_FAILURE_DEMAND, RIVERTON_FACE_TO_FACE } from "@/prisma/seed-series";
import { applySeriesHeadline, buildSpcView } from "./spc";
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
      /^From April 2023 the mean fell from 62% to 18% a month; 16 months in a row below the previous mean: a real shift, not noise\./,
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
