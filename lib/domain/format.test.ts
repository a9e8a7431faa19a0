import { describe, expect, it } from "vitest";
import { computeChange } from "./change";
import { formatChange, formatNumber, formatPercentagePoints, formatSignedPercent, formatSignedValue, formatValue, MINUS } from "./format";
import { measure } from "./test-fixtures";

describe("formatNumber", () => {
  it.each([
    [700000, "700,000"],
    [21.2, "21.2"],
    [0.35, "0.35"],
    [1.005, "1.01"], // binary 1.00499… is cleaned first, so the half rounds up
    [-3, "−3"],
    [-0.001, "0"], // never "−0"
    [Number.NaN, "n/a"],
  ])("%s → %s", (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });

  it("uses the real minus sign", () => {
    expect(MINUS).toBe("\u2212");
  });
});

describe("formatSignedPercent", () => {
  it.each([
    [30.434782608695652, "+30.4%"],
    [-64, "−64%"],
    [-14.000000000000002, "−14%"], // (258 − 300) / 300 · 100
    [-33.333333, "−33.3%"],
    [0.05, "+0.1%"], // halves away from zero
    [-0.05, "−0.1%"],
    [0, "0%"],
    [-0.04, "0%"], // rounds to zero: no sign
    [Number.POSITIVE_INFINITY, "n/a"],
  ])("%s → %s", (n, text) => {
    expect(formatSignedPercent(n)).toBe(text);
  });

  it("takes a number of decimals", () => {
    expect(formatSignedPercent(-64.25, 2)).toBe("−64.25%");
  });
});

describe("formatPercentagePoints", () => {
  it.each([
    [60 - 46, "+14 pp"],
    [60.3 - 46.1, "+14.2 pp"], // 14.199999999999996 in binary
    [-71, "−71 pp"],
    [0, "0 pp"],
    [Number.NaN, "n/a"],
  ])("%s → %s", (n, text) => {
    expect(formatPercentagePoints(n)).toBe(text);
  });
});

describe("formatValue", () => {
  it.each([
    [120, "count", {}, "120"],
    [300, "hours", {}, "300 hours"],
    [1, "hours", {}, "1 hour"],
    [24, "days", {}, "24 days"],
    [1, "days", {}, "1 day"],
    [700000, "money", {}, "£700,000"],
    [1.5, "money", {}, "£1.50"],
    [-5000, "money", {}, "−£5,000"],
    [46, "percent", {}, "46%"],
    [21.2, "rate", { rateBasis: "per day" }, "21.2 per day"],
    [21.2, "rate", { rateBasis: null }, "21.2"],
    [4, "ratio", {}, "4:1"],
    [7.25, "score", {}, "7.25"],
    [94, "percent", { qualifier: "at_least" }, "at least 94%"],
    [700000, "money", { qualifier: "about" }, "about £700,000"],
    [1, "percent", { qualifier: "at_most" }, "at most 1%"],
    [5, "count", { qualifier: "exact" }, "5"],
    [Number.NaN, "count", {}, "n/a"],
  ] as const)("%s %s %o → %s", (value, unit, opts, text) => {
    expect(formatValue(value, unit, opts)).toBe(text);
  });

  it("works without options", () => {
    expect(formatValue(3, "count")).toBe("3");
  });
});

describe("formatSignedValue", () => {
  it.each([
    [5, "count", "+5"],
    [-180000, "money", "−£180,000"],
    [2, "hours", "+2 hours"],
    [14, "percent", "+14 pp"],
    [0, "count", "0"],
    [Number.NaN, "count", "n/a"],
  ] as const)("%s %s → %s", (n, unit, text) => {
    expect(formatSignedValue(n, unit)).toBe(text);
  });
});

describe("formatChange", () => {
  const cases = [
    ["reported-only, percent basis", measure({ reportedChange: -64 }), "−64% (reported)"],
    ["percent 46 → 60", measure({ unit: "percent", before: 46, after: 60 }), "46% → 60% (+14 pp)"],
    ["percent 71 → 0", measure({ unit: "percent", before: 71, after: 0 }), "71% → 0% (−71 pp)"],
    ["count 120 → 80", measure({ before: 120, after: 80 }), "120 → 80 (−33.3%)"],
    ["hours 300 → 258", measure({ unit: "hours", before: 300, after: 258 }), "300 hours → 258 hours (−14%)"],
    ["zero baseline", measure({ before: 0, after: 5 }), "0 → 5 (+5, no % change: baseline is 0)"],
    ["zero baseline in hours", measure({ unit: "hours", before: 0, after: 2 }), "0 hours → 2 hours (+2 hours, no % change: baseline is 0)"],
    ["negative values", measure({ unit: "score", before: -20, after: 10 }), "−20 → 10 (+30, no % change: values below 0)"],
    ["money", measure({ unit: "money", before: 700000, after: 520000 }), "£700,000 → £520,000 (−25.7%)"],
    ["rate", measure({ unit: "rate", rateBasis: "per day", before: 21.2, after: 10.4 }), "21.2 per day → 10.4 per day (−50.9%)"],
    [
      "about money",
      measure({ unit: "money", before: 700000, beforeQualifier: "about", after: 520000 }),
      "about £700,000 → £520,000 (about −25.7%)",
    ],
    ["bounded after", measure({ before: 120, after: 80, afterQualifier: "at_most" }), "120 → at most 80 (at least −33.3%)"],
    ["no change", measure({ unit: "percent", before: 46, after: 46 }), "46% → 46% (no change)"],
    [
      "no change, approximate",
      measure({ unit: "percent", before: 94, beforeQualifier: "at_least", after: 94 }),
      "at least 94% → 94% (no change, approximate figures)",
    ],
    ["both zero", measure({ before: 0, after: 0 }), "0 → 0 (no change)"],
    ["after only", measure({ unit: "percent", after: 94, afterQualifier: "at_least" }), "after: at least 94%"],
    ["before only", measure({ unit: "days", before: 24 }), "before: 24 days"],
    ["reported pp", measure({ unit: "percent", reportedChange: -71, reportedChangeBasis: "percentage_points" }), "−71 pp (reported)"],
    [
      "unspecified basis",
      measure({ reportedChange: -81, reportedChangeBasis: "unspecified" }),
      "−81% (reported; per cent or points not stated)",
    ],
    ["qualified reported", measure({ reportedChange: -50, reportedChangeQualifier: "at_least" }), "at least −50% (reported)"],
    ["reported with a lone before", measure({ before: 100, reportedChange: -20 }), "−20% (reported); before: 100"],
    ["reported with a lone after", measure({ after: 80, reportedChange: -20 }), "−20% (reported); after: 80"],
    ["no figures", measure(), "no figures"],
  ] as const;

  it.each(cases)("%s", (_name, m, text) => {
    expect(formatChange(m)).toBe(text);
    expect(formatChange(m, computeChange(m))).toBe(text);
  });

  it("shows a mismatching reported figure beside the computed one", () => {
    const m = measure({ unit: "rate", rateBasis: "per day", before: 21.2, after: 10.4, reportedChange: -60 });
    expect(formatChange(m)).toBe("21.2 per day → 10.4 per day (−50.9%; reported as −60%, which does not match)");
  });

  it("says nothing about a reported figure that agrees", () => {
    const m = measure({ unit: "percent", before: 46, after: 60, reportedChange: 14, reportedChangeBasis: "percentage_points" });
    expect(formatChange(m)).toBe("46% → 60% (+14 pp)");
  });
});

describe("figures as sources state them (issue 16)", () => {
  it("weeks and months, strict qualifiers and a basis on any unit", () => {
    expect(formatValue(1, "weeks", { qualifier: "less_than" })).toBe("less than 1 week");
    expect(formatValue(3, "months")).toBe("3 months");
    expect(formatValue(140000000, "money", { qualifier: "more_than" })).toBe("more than £140,000,000");
    expect(formatValue(35, "money", { rateBasis: "a week" })).toBe("£35 a week");
    expect(formatValue(3000000, "money", { rateBasis: "a year" })).toBe("£3,000,000 a year");
  });
  it("an absolute reported change keeps its unit and basis", () => {
    expect(
      formatChange(
        measure({
          unit: "money",
          rateBasis: "since 2011",
          reportedChange: 140000000,
          reportedChangeBasis: "absolute",
          reportedChangeQualifier: "more_than",
        }),
      ),
    ).toBe("more than +£140,000,000 since 2011 (reported)");
    expect(formatChange(measure({ unit: "count", reportedChange: 412, reportedChangeBasis: "absolute" }))).toBe("+412 (reported)");
  });
});
