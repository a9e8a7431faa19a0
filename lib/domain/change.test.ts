import { describe, expect, it } from "vitest";
import { classifyDirection, computeChange, outcomeColourToken, rankingValue } from "./change";
import { measure } from "./test-fixtures";

describe("classifyDirection", () => {
  it.each([
    ["lower_is_better", -5, "improved"],
    ["lower_is_better", 5, "worsened"],
    ["higher_is_better", 5, "improved"],
    ["higher_is_better", -5, "worsened"],
    ["neutral", 5, "changed"],
    ["neutral", -5, "changed"],
    ["lower_is_better", 0, "no_change"],
    ["higher_is_better", 0, "no_change"],
    ["neutral", 0, "no_change"],
    ["lower_is_better", null, "unknown"],
    ["higher_is_better", Number.NaN, "unknown"],
  ] as const)("%s with change %s → %s", (direction, change, outcome) => {
    expect(classifyDirection(direction, change)).toBe(outcome);
  });
});

describe("outcomeColourToken", () => {
  it.each([
    ["improved", "improvement"],
    ["worsened", "concern"],
    ["no_change", "neutral"],
    ["changed", "neutral"],
    ["unknown", "neutral"],
  ] as const)("%s → %s", (outcome, token) => {
    expect(outcomeColourToken(outcome)).toBe(token);
  });
});

describe("computeChange: raw values", () => {
  it("count 120 → 80: relative, absolute and log change; headline is relative %", () => {
    const c = computeChange(measure({ before: 120, after: 80 }));
    expect(c.kind).toBe("raw");
    expect(c.absoluteChange).toBe(-40);
    expect(c.percentagePointChange).toBeNull();
    expect(c.relativeChange).toBeCloseTo(-33.333333, 5);
    expect(c.logChange).toBeCloseTo(100 * Math.log(80 / 120), 10);
    expect(c.logChangeSource).toBe("raw");
    expect(c.headline).toEqual({ value: c.relativeChange, basis: "percent", basisUnspecified: false });
    expect(c.outcome).toBe("improved");
    expect(c).toMatchObject({ reportedOnly: false, lowerConfidence: false, approximate: false, zeroBaseline: false });
    expect(c.changeQualifier).toBe("exact");
    expect(c.mismatch).toBeNull();
  });

  it("percent 46 → 60: leads with +14 pp; relative change is 30.4% to one decimal", () => {
    const c = computeChange(measure({ unit: "percent", direction: "higher_is_better", before: 46, after: 60 }));
    expect(c.absoluteChange).toBe(14);
    expect(c.percentagePointChange).toBe(14);
    expect(c.relativeChange?.toFixed(1)).toBe("30.4");
    expect(c.headline).toEqual({ value: 14, basis: "percentage_points", basisUnspecified: false });
    expect(c.outcome).toBe("improved");
  });

  it("after 0 (71% → 0%): −100% relative, no log change, headline −71 pp", () => {
    const c = computeChange(measure({ unit: "percent", before: 71, after: 0 }));
    expect(c.relativeChange).toBe(-100);
    expect(c.logChange).toBeNull();
    expect(c.logChangeSource).toBeNull();
    expect(c.headline).toEqual({ value: -71, basis: "percentage_points", basisUnspecified: false });
    expect(c.zeroBaseline).toBe(false);
    expect(c.outcome).toBe("improved");
  });

  it("after 0 on a count: −100% is the headline", () => {
    const c = computeChange(measure({ before: 12, after: 0 }));
    expect(c.headline).toEqual({ value: -100, basis: "percent", basisUnspecified: false });
    expect(c.logChange).toBeNull();
  });

  it("zero baseline 0 → 5: no relative or log change, headline is the absolute change", () => {
    const c = computeChange(measure({ before: 0, after: 5 }));
    expect(c.zeroBaseline).toBe(true);
    expect(c.relativeChange).toBeNull();
    expect(c.logChange).toBeNull();
    expect(c.absoluteChange).toBe(5);
    expect(c.headline).toEqual({ value: 5, basis: "absolute", basisUnspecified: false });
    expect(c.outcome).toBe("worsened");
  });

  it("zero baseline on a percent measure still plots points", () => {
    const c = computeChange(measure({ unit: "percent", direction: "higher_is_better", before: 0, after: 12 }));
    expect(c.zeroBaseline).toBe(true);
    expect(c.relativeChange).toBeNull();
    expect(c.headline).toEqual({ value: 12, basis: "percentage_points", basisUnspecified: false });
  });

  it("both zero: no change, absolute headline 0", () => {
    const c = computeChange(measure({ before: 0, after: 0 }));
    expect(c.outcome).toBe("no_change");
    expect(c.relativeChange).toBeNull();
    expect(c.logChange).toBeNull();
    expect(c.headline).toEqual({ value: 0, basis: "absolute", basisUnspecified: false });
  });

  it("equal values: no change, 0% relative and 0 log change", () => {
    const c = computeChange(measure({ before: 40, after: 40 }));
    expect(c.outcome).toBe("no_change");
    expect(c.relativeChange).toBe(0);
    expect(c.logChange).toBe(0);
  });

  it("negative values: no ratio scale, so absolute headline only", () => {
    const c = computeChange(measure({ unit: "score", direction: "higher_is_better", before: -20, after: 10 }));
    expect(c.negativeValues).toBe(true);
    expect(c.relativeChange).toBeNull();
    expect(c.logChange).toBeNull();
    expect(c.headline).toEqual({ value: 30, basis: "absolute", basisUnspecified: false });
    expect(c.outcome).toBe("improved");
  });

  it("a negative after value with a positive baseline has no relative change either", () => {
    const c = computeChange(measure({ unit: "money", before: 100, after: -50 }));
    expect(c.negativeValues).toBe(true);
    expect(c.relativeChange).toBeNull();
  });

  it("direction decides the outcome, not the sign", () => {
    expect(computeChange(measure({ direction: "higher_is_better", before: 10, after: 8 })).outcome).toBe("worsened");
    expect(computeChange(measure({ direction: "lower_is_better", before: 8, after: 10 })).outcome).toBe("worsened");
    expect(computeChange(measure({ direction: "neutral", before: 8, after: 10 })).outcome).toBe("changed");
  });

  it("keeps full precision (rounding is for display only)", () => {
    const c = computeChange(measure({ unit: "percent", before: 46.1, after: 60.3 }));
    expect(c.absoluteChange).toBeCloseTo(14.2, 10);
  });
});

describe("computeChange: qualifiers", () => {
  it("an 'about' value makes the change approximate and lower confidence", () => {
    const c = computeChange(measure({ unit: "money", before: 700000, beforeQualifier: "about", after: 520000 }));
    expect(c).toMatchObject({ approximate: true, lowerConfidence: true, changeQualifier: "about" });
  });

  it.each([
    // [before q, after q, before, after, change qualifier in size terms]
    ["exact", "at_most", 120, 80, "at_least"], // change ≤ −40: a fall of at least 40
    ["exact", "at_least", 120, 80, "at_most"], // change ≥ −40: a fall of at most 40
    ["exact", "at_least", 80, 120, "at_least"], // change ≥ +40
    ["exact", "at_most", 80, 120, "at_most"], // change ≤ +40
    ["at_least", "exact", 80, 120, "at_most"], // before ≥ 80: change ≤ +40
    ["at_most", "exact", 80, 120, "at_least"], // before ≤ 80: change ≥ +40
    ["at_least", "at_most", 80, 120, "at_most"], // both bound the change from above
    ["at_least", "at_least", 80, 120, "about"], // opposing bounds bound nothing
    ["about", "at_least", 80, 120, "about"],
    ["exact", "at_least", 80, 80, "about"], // a bound on a zero change has no size
  ] as const)("before %s, after %s, %s → %s: change is %s", (bq, aq, before, after, expected) => {
    const c = computeChange(measure({ before, after, beforeQualifier: bq, afterQualifier: aq }));
    expect(c.changeQualifier).toBe(expected);
    expect(c.approximate).toBe(true);
    expect(c.lowerConfidence).toBe(true);
  });

  it("a non-exact reported figure beside exact raw values lowers confidence but the change is exact", () => {
    const c = computeChange(measure({ before: 120, after: 50, reportedChange: -50, reportedChangeQualifier: "at_least" }));
    expect(c).toMatchObject({ approximate: false, lowerConfidence: true, changeQualifier: "exact" });
  });
});

describe("computeChange: reported-only", () => {
  it("percent basis: relative is the reported value; log from the ratio 1 + r/100", () => {
    const c = computeChange(measure({ reportedChange: -64 }));
    expect(c.kind).toBe("reported");
    expect(c.relativeChange).toBe(-64);
    expect(c.absoluteChange).toBeNull();
    expect(c.percentagePointChange).toBeNull();
    expect(c.logChange).toBeCloseTo(100 * Math.log(0.36), 10);
    expect(c.logChangeSource).toBe("reported");
    expect(c.headline).toEqual({ value: -64, basis: "percent", basisUnspecified: false });
    expect(c).toMatchObject({ reportedOnly: true, lowerConfidence: true, approximate: false, outcome: "improved" });
    expect(c.mismatch).toBeNull();
  });

  it("a reported −100% has no log change", () => {
    expect(computeChange(measure({ reportedChange: -100 })).logChange).toBeNull();
  });

  it("pp basis on a percent measure: pp and absolute change, no relative or log change", () => {
    const c = computeChange(measure({ unit: "percent", reportedChange: -71, reportedChangeBasis: "percentage_points" }));
    expect(c.percentagePointChange).toBe(-71);
    expect(c.absoluteChange).toBe(-71);
    expect(c.relativeChange).toBeNull();
    expect(c.logChange).toBeNull();
    expect(c.headline).toEqual({ value: -71, basis: "percentage_points", basisUnspecified: false });
  });

  it("pp basis on a count: the pp figure is kept but is no absolute change", () => {
    const c = computeChange(measure({ reportedChange: 5, reportedChangeBasis: "percentage_points" }));
    expect(c.percentagePointChange).toBe(5);
    expect(c.absoluteChange).toBeNull();
  });

  it("unspecified basis: plotted as percent and flagged; no relative or log change", () => {
    const c = computeChange(measure({ reportedChange: -81, reportedChangeBasis: "unspecified" }));
    expect(c.headline).toEqual({ value: -81, basis: "percent", basisUnspecified: true });
    expect(c.basisUnspecified).toBe(true);
    expect(c.relativeChange).toBeNull();
    expect(c.percentagePointChange).toBeNull();
    expect(c.logChange).toBeNull();
  });

  it("a qualified reported change is approximate", () => {
    const c = computeChange(measure({ reportedChange: -50, reportedChangeQualifier: "at_least" }));
    expect(c).toMatchObject({ approximate: true, changeQualifier: "at_least" });
  });

  it("a reported change of 0 is no change; on a neutral measure a rise is 'changed'", () => {
    expect(computeChange(measure({ reportedChange: 0 })).outcome).toBe("no_change");
    expect(computeChange(measure({ direction: "neutral", reportedChange: 3 })).outcome).toBe("changed");
  });

  it("a reported change beside a lone before value stays reported-only (no after is invented)", () => {
    const c = computeChange(measure({ before: 100, reportedChange: -20 }));
    expect(c.kind).toBe("reported");
    expect(c.absoluteChange).toBeNull();
    expect(c.reportedOnly).toBe(true);
  });
});

describe("computeChange: single values and empty measures", () => {
  it("after only: unknown outcome, no headline", () => {
    const c = computeChange(measure({ unit: "percent", after: 94, afterQualifier: "at_least" }));
    expect(c.kind).toBe("after_only");
    expect(c.outcome).toBe("unknown");
    expect(c.headline).toBeNull();
    expect(c.lowerConfidence).toBe(true);
    expect(c.changeQualifier).toBeNull();
  });

  it("before only: unknown outcome; exact value is not lower confidence", () => {
    const c = computeChange(measure({ before: 24 }));
    expect(c.kind).toBe("before_only");
    expect(c.outcome).toBe("unknown");
    expect(c.lowerConfidence).toBe(false);
  });

  it("no figures: kind none, unknown", () => {
    const c = computeChange(measure());
    expect(c.kind).toBe("none");
    expect(c.outcome).toBe("unknown");
    expect(c.headline).toBeNull();
  });

  it("non-finite figures are treated as missing", () => {
    expect(computeChange(measure({ before: Number.NaN, after: 5 })).kind).toBe("after_only");
    expect(computeChange(measure({ reportedChange: Number.POSITIVE_INFINITY })).kind).toBe("none");
  });
});

describe("rankingValue", () => {
  it("is the log change for raw values and reported per cent changes", () => {
    const raw = measure({ before: 120, after: 60 });
    expect(rankingValue(raw)).toBeCloseTo(100 * Math.log(0.5), 10);
    expect(rankingValue(measure({ reportedChange: 100 }))).toBeCloseTo(100 * Math.log(2), 10);
  });

  it("treats −50% and +100% as the same size", () => {
    const down = rankingValue(measure({ reportedChange: -50 })) ?? 0;
    const up = rankingValue(measure({ reportedChange: 100 })) ?? 0;
    expect(down).toBeCloseTo(-up, 10);
  });

  it("accepts a precomputed change", () => {
    const m = measure({ before: 10, after: 20 });
    expect(rankingValue(m, computeChange(m))).toBeCloseTo(100 * Math.log(2), 10);
  });

  it.each([
    ["zero baseline", measure({ before: 0, after: 5 })],
    ["zero after", measure({ before: 5, after: 0 })],
    ["pp-only reported", measure({ unit: "percent", reportedChange: -71, reportedChangeBasis: "percentage_points" })],
    ["unspecified basis", measure({ reportedChange: -81, reportedChangeBasis: "unspecified" })],
    ["after only", measure({ after: 5 })],
    ["no figures", measure()],
  ])("is null for %s", (_name, m) => {
    expect(rankingValue(m)).toBeNull();
  });

  it("refuses a log change on a reported figure whose basis is not per cent", () => {
    const m = measure({ reportedChange: -20, reportedChangeBasis: "unspecified" });
    const forged = { ...computeChange(m), logChange: -22.3 };
    expect(rankingValue(m, forged)).toBeNull();
  });

  it("refuses a zero-baseline or unknown change even if a log value is present", () => {
    const m = measure({ before: 0, after: 5 });
    expect(rankingValue(m, { ...computeChange(m), logChange: 1 })).toBeNull();
    const a = measure({ after: 5 });
    expect(rankingValue(a, { ...computeChange(a), logChange: 1 })).toBeNull();
  });
});

describe("strict bounds: more than / less than (issue 16)", () => {
  it("an after value 'more than' a figure makes a rise 'more than' the computed one; inclusive bounds stay 'at least'", () => {
    expect(computeChange(measure({ before: 100, after: 140, afterQualifier: "more_than" })).changeQualifier).toBe("more_than");
    expect(computeChange(measure({ before: 100, after: 140, afterQualifier: "at_least" })).changeQualifier).toBe("at_least");
  });
  it("a before value 'less than' bounds a rise from below: the rise is more than computed", () => {
    expect(computeChange(measure({ before: 100, after: 140, beforeQualifier: "less_than" })).changeQualifier).toBe("more_than");
  });
  it("a fall to 'less than' a figure is a fall of more than the computed size", () => {
    expect(computeChange(measure({ before: 7, after: 1, afterQualifier: "less_than" })).changeQualifier).toBe("more_than");
  });
  it("a strict and an inclusive bound on the same side give a strict bound; opposing bounds bound nothing", () => {
    expect(computeChange(measure({ before: 10, after: 20, beforeQualifier: "at_most", afterQualifier: "more_than" })).changeQualifier).toBe(
      "more_than",
    );
    expect(
      computeChange(measure({ before: 10, after: 20, beforeQualifier: "more_than", afterQualifier: "more_than" })).changeQualifier,
    ).toBe("about");
  });
  it("a reported change 'more than halved' is kept as a fall of more than 50%, flagged approximate", () => {
    const c = computeChange(measure({ reportedChange: -50, reportedChangeQualifier: "more_than" }));
    expect(c).toMatchObject({ kind: "reported", changeQualifier: "more_than", approximate: true, relativeChange: -50 });
  });
  it("an absolute reported change is in the measure's unit, with no relative or log change", () => {
    const c = computeChange(measure({ unit: "money", reportedChange: -400000, reportedChangeBasis: "absolute" }));
    expect(c).toMatchObject({
      absoluteChange: -400000,
      relativeChange: null,
      logChange: null,
      headline: { basis: "absolute", value: -400000 },
    });
    expect(rankingValue(measure({ unit: "money", reportedChange: -400000, reportedChangeBasis: "absolute" }))).toBeNull();
  });
});
