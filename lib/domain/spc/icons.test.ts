import { describe, expect, it } from "vitest";
import { assuranceIcon, pointTypeFor, variationIcon } from "./icons";

describe("pointTypeFor (ptd_point_type)", () => {
  it("maps the signal side through the improvement direction", () => {
    expect(pointTypeFor(0, "increase")).toBe("common_cause");
    expect(pointTypeFor(1, "increase")).toBe("special_cause_improvement");
    expect(pointTypeFor(-1, "increase")).toBe("special_cause_concern");
    expect(pointTypeFor(1, "decrease")).toBe("special_cause_concern");
    expect(pointTypeFor(-1, "decrease")).toBe("special_cause_improvement");
    expect(pointTypeFor(1, "neutral")).toBe("special_cause_neutral");
    expect(pointTypeFor(-1, "neutral")).toBe("special_cause_neutral");
    expect(pointTypeFor(0, "neutral")).toBe("common_cause");
  });
});

describe("variationIcon", () => {
  it("is the last point's type; empty → common cause", () => {
    expect(variationIcon(["special_cause_concern", "common_cause"])).toBe("common_cause");
    expect(variationIcon(["common_cause", "special_cause_improvement"])).toBe("special_cause_improvement");
    expect(variationIcon([])).toBe("common_cause");
  });
});

describe("assuranceIcon (ptd_calculate_assurance_type)", () => {
  // Ported from NHSRplotthedots tests/testthat/test-ptd_calculate_assurance_type.R:
  // facets a, b, c with (lpl, upl) = (1, 3), (5, 7), (1, 5) and target 4.
  const facets = [
    { lpl: 1, upl: 3 },
    { lpl: 5, upl: 7 },
    { lpl: 1, upl: 5 },
  ];
  it("PTD: increase → consistent_fail, consistent_pass, inconsistent", () => {
    expect(facets.map((f) => assuranceIcon(4, "increase", f))).toEqual(["fail", "pass", "hit_and_miss"]);
  });
  it("PTD: decrease → consistent_pass, consistent_fail, inconsistent", () => {
    expect(facets.map((f) => assuranceIcon(4, "decrease", f))).toEqual(["pass", "fail", "hit_and_miss"]);
  });
  it("PTD: neutral direction or no target → no icon", () => {
    expect(facets.map((f) => assuranceIcon(4, "neutral", f))).toEqual(["none", "none", "none"]);
    expect(assuranceIcon(null, "increase", facets[0]!)).toBe("none");
    expect(assuranceIcon(undefined, "increase", facets[0]!)).toBe("none");
    expect(assuranceIcon(4, "increase", null)).toBe("none");
  });
  it("a target exactly on a limit is hit and miss (PTD compares strictly)", () => {
    expect(assuranceIcon(3, "increase", { lpl: 1, upl: 3 })).toBe("hit_and_miss");
    expect(assuranceIcon(1, "increase", { lpl: 1, upl: 3 })).toBe("hit_and_miss");
  });
});
