import { describe, expect, it } from "vitest";
import { computeChange, rankingValue } from "./change";
import { formatChange } from "./format";
import { REFERENCE_CASE } from "./test-fixtures";

// DOMAIN.md, "The reference case": integrated health & social care. The first
// four measures are reported-only; the last two have raw percentages.
describe("reference case: Integrated health & social care", () => {
  const changes = REFERENCE_CASE.map((m) => computeChange(m));

  it("formats all six measures exactly", () => {
    expect(REFERENCE_CASE.map((m, i) => formatChange(m, changes[i]))).toEqual([
      "−64% (reported)",
      "−32% (reported)",
      "−41% (reported)",
      "−14% (reported)",
      "46% → 60% (+14 pp)",
      "71% → 0% (−71 pp)",
    ]);
  });

  it("all six measures improved", () => {
    expect(changes.map((c) => c.outcome)).toEqual(Array(6).fill("improved"));
  });

  it("flags the first four, and only those, as reported-only and lower confidence", () => {
    expect(changes.map((c) => c.reportedOnly)).toEqual([true, true, true, true, false, false]);
    expect(changes.map((c) => c.lowerConfidence)).toEqual([true, true, true, true, false, false]);
    expect(changes.map((c) => c.kind)).toEqual(["reported", "reported", "reported", "reported", "raw", "raw"]);
  });

  it("invents no raw values or pp changes for the reported-only measures", () => {
    for (const c of changes.slice(0, 4)) {
      expect(c.absoluteChange).toBeNull();
      expect(c.percentagePointChange).toBeNull();
    }
  });

  it("46% → 60% is +14 pp and a 30.4% relative change (to one decimal)", () => {
    const c = changes[4];
    expect(c?.percentagePointChange).toBe(14);
    expect(c?.relativeChange?.toFixed(1)).toBe("30.4");
  });

  it("71% → 0% is −71 pp, −100% relative, with no log change and so no ranking value", () => {
    const c = changes[5];
    expect(c?.percentagePointChange).toBe(-71);
    expect(c?.relativeChange).toBe(-100);
    expect(c?.logChange).toBeNull();
    expect(REFERENCE_CASE[5] && rankingValue(REFERENCE_CASE[5], c)).toBeNull();
  });

  it("the reported pp changes agree with the raw values: no mismatch", () => {
    expect(changes.map((c) => c.mismatch)).toEqual(Array(6).fill(null));
  });

  it("headlines: reported per cent for the first four, points for the percentages", () => {
    expect(changes.map((c) => c.headline)).toEqual([
      { value: -64, basis: "percent", basisUnspecified: false },
      { value: -32, basis: "percent", basisUnspecified: false },
      { value: -41, basis: "percent", basisUnspecified: false },
      { value: -14, basis: "percent", basisUnspecified: false },
      { value: 14, basis: "percentage_points", basisUnspecified: false },
      { value: -71, basis: "percentage_points", basisUnspecified: false },
    ]);
  });
});
