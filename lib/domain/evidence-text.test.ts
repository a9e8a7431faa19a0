import { describe, expect, it } from "vitest";
import { assessMeasure } from "./evidence";
import { describeEffect, describeInterval } from "./evidence-text";
import { evidenceMeasure as m } from "./test-fixtures";

const say = (overrides: Parameters<typeof m>[0]) => {
  const figures = m(overrides);
  const a = assessMeasure(figures, { caseEvidenceLevel: 1 });
  return a.effect ? describeEffect(figures, a.effect) : null;
};

describe("describeEffect", () => {
  it("states a matched comparison with its interval as the source words it", () => {
    expect(
      say({
        design: "comparison_group",
        comparisonKind: "matched_control",
        label: "Emergency admissions",
        reportedChange: -12,
        ciLower: -19,
        ciUpper: -5,
      }),
    ).toBe("12% fewer than a matched comparison group (95% CI 5–19%)");
  });
  it("an interval across no effect is shown signed", () => {
    expect(
      say({
        design: "comparison_group",
        comparisonKind: "matched_control",
        direction: "higher_is_better",
        reportedChange: 21,
        ciLower: -3,
        ciUpper: 45,
        ciLevel: 90,
      }),
    ).toBe("21% more than a matched comparison group (90% CI \u22123% to +45%)");
  });
  it("difference-in-differences in points, against the comparison's change", () => {
    expect(
      say({
        design: "difference_in_differences",
        comparisonKind: "comparison_site",
        unit: "percent",
        before: 40,
        after: 30,
        comparisonBefore: 42,
        comparisonAfter: 38,
      }),
    ).toBe("6 percentage points lower than the change in a comparison site would give (difference-in-differences)");
  });
  it("a target, and a modelled saving against a comparison", () => {
    expect(say({ design: "against_target", unit: "percent", after: 95, target: 93 })).toBe("2 percentage points above the target of 93%");
    expect(
      say({
        design: "comparison_group",
        comparisonKind: "other",
        unit: "money",
        rateBasis: "a year",
        reportedChange: -400000,
        reportedChangeBasis: "absolute",
        modelled: true,
      }),
    ).toBe("£400,000 a year less than a comparison group, a modelled estimate, not an observed one");
  });
  it("says nothing extra for a change over time", () => {
    expect(say({ before: 10, after: 5 })).toBeNull();
  });
  it("p-values", () => {
    expect(say({ design: "comparison_group", comparisonKind: "national_trend", reportedChange: -4, pValue: 0.0004 })).toBe(
      "4% fewer than the national trend (p < 0.001)",
    );
  });
});

describe("describeInterval", () => {
  it("pp and absolute intervals carry their units", () => {
    expect(describeInterval({ lower: 2, upper: 6, level: 95 }, "percentage_points", "percent")).toBe("95% CI 2–6 pp");
    expect(describeInterval({ lower: -300, upper: -100, level: 95 }, "absolute", "money")).toBe("95% CI £100–£300");
  });
});
