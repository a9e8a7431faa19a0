import { describe, expect, it } from "vitest";
import { NORTHSHIRE_FAILURE_DEMAND, RIVERTON_FACE_TO_FACE } from "@/prisma/seed-series";
import { buildSpcView } from "./spc";
import { toSeries } from "./spc-test-series";
import { assuranceIcon, toSpcOverviewRow, variationIcon } from "./spc-overview";

describe("toSpcOverviewRow", () => {
  it("gives the seeded example's icons, phase means and summary", () => {
    const series = toSeries(NORTHSHIRE_FAILURE_DEMAND, {});
    const view = buildSpcView(series);
    const row = toSpcOverviewRow(series, view, "/cases/x/v/1/series/1");
    expect(row).toMatchObject({
      key: "m1",
      label: "Failure demand at the front door",
      href: "/cases/x/v/1/series/1",
      points: 30,
      before: "62%",
      after: "18%",
    });
    expect(row.variation).toEqual({ tone: "improvement", glyph: "L", text: "Special cause variation: improvement" });
    expect(row.summary).toBe(view.summary);
  });

  it("has no 'after' mean for a series with one phase", () => {
    const series = toSeries(RIVERTON_FACE_TO_FACE, { direction: "higher_is_better", interventionDate: null });
    const row = toSpcOverviewRow(series, buildSpcView(series), "/s");
    expect(row.after).toBeNull();
    // A run chart (10 points): its centre line is the median, and it has no Making Data Count icon.
    expect(row.before).toBe("50% (median)");
    expect(row.variation).toBeNull();
    expect(row.runChart?.text).toMatch(/^Run chart: /);
  });
});

describe("icons", () => {
  it("writes the Making Data Count letters", () => {
    expect(variationIcon({ type: "common_cause", tone: "neutral", text: "Common cause", side: null }).glyph).toBe("~");
    expect(variationIcon({ type: "special_cause_concern", tone: "concern", text: "c", side: "high" }).glyph).toBe("H");
    expect(assuranceIcon({ type: "pass", text: "p" })).toEqual({ tone: "improvement", glyph: "P", text: "p" });
    expect(assuranceIcon({ type: "fail", text: "f" })).toEqual({ tone: "concern", glyph: "F", text: "f" });
    expect(assuranceIcon({ type: "hit_and_miss", text: "h" })).toEqual({ tone: "neutral", glyph: "?", text: "h" });
  });
});
