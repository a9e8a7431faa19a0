import { describe, expect, it } from "vitest";
import { computePhaseMeansHeadline } from "./headline";

const pts = (start: number, values: number[]) =>
  values.map((value, i) => ({
    date: `${2023 + Math.floor((start + i - 1) / 12)}-${String(((start + i - 1) % 12) + 1).padStart(2, "0")}-01`,
    value,
  }));

describe("computePhaseMeansHeadline", () => {
  // Jan–Jun 2023: 60, 64, 62, 61, 63, 62 → mean 62; Jul–Dec 2023: 20, 16, 18, 19, 17, 18 → mean 18
  const series = pts(1, [60, 64, 62, 61, 63, 62, 20, 16, 18, 19, 17, 18]);

  it("takes before and after from the phase means either side of the intervention", () => {
    const h = computePhaseMeansHeadline(series, "2023-07-01");
    expect(h.ok && [h.before.mean, h.before.count, h.after.mean, h.after.count]).toEqual([62, 6, 18, 6]);
    expect(h.ok && h.description).toBe(
      "Before and after are the means of the series: 6 points (January 2023 to June 2023) before the intervention and 6 points (July 2023 to December 2023) from it.",
    );
  });

  it("uses only the phases next to the intervention when there are other rebase dates", () => {
    const h = computePhaseMeansHeadline(series, "2023-07-01", ["2023-04-01", "2023-10-01"]);
    // before: Apr–Jun (61, 63, 62) = 62; after: Jul–Sep (20, 16, 18) = 18
    expect(h.ok && [h.before.mean, h.before.count, h.after.mean, h.after.count]).toEqual([62, 3, 18, 3]);
  });

  it("rounds to the stored precision", () => {
    const h = computePhaseMeansHeadline(pts(1, [1, 1, 2, 5]), "2023-04-01");
    expect(h.ok && h.before.mean).toBe(1.333333);
  });

  it("explains why it cannot: no series, no intervention date, nothing on one side", () => {
    expect(computePhaseMeansHeadline([], "2023-07-01")).toEqual({ ok: false, reason: "the measure has no series" });
    expect(computePhaseMeansHeadline(series, null)).toMatchObject({ ok: false });
    expect(computePhaseMeansHeadline(series, "2025-01-01")).toMatchObject({
      ok: false,
      reason: "the series has no points on both sides of the intervention date",
    });
  });
});
