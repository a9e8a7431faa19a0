import { describe, expect, it } from "vitest";
import { computeChange } from "./change";
import { agreesWithReported, formatReportedFigure, MISMATCH_TOLERANCE } from "./mismatch";
import { measure } from "./test-fixtures";

// DOMAIN.md: "21.2 to 10.4 a day" reported as "a 60% drop", which is 51%.
const discharges = (reportedChange: number, overrides = {}) =>
  measure({
    label: "Delayed discharges",
    unit: "rate",
    rateBasis: "per day",
    before: 21.2,
    after: 10.4,
    reportedChange,
    ...overrides,
  });

describe("mismatch between a reported change and raw values", () => {
  it("flags '21.2 to 10.4 a day' reported as 'a 60% drop' (really −50.9%)", () => {
    const c = computeChange(discharges(-60));
    expect(c.kind).toBe("raw");
    expect(c.reportedOnly).toBe(false);
    expect(c.mismatch).not.toBeNull();
    expect(c.mismatch?.reported).toBe(-60);
    expect(c.mismatch?.basis).toBe("percent");
    expect(c.mismatch?.computedBasis).toBe("percent");
    expect(c.mismatch?.computed).toBeCloseTo(-50.943, 3);
    expect(c.mismatch?.message).toBe("Reported as −60%, but 21.2 per day → 10.4 per day is −50.9%.");
  });

  it.each([-51, -50.9, -50, -51.9])("accepts %s% (within 1 of −50.94%)", (r) => {
    expect(computeChange(discharges(r)).mismatch).toBeNull();
  });

  it("flags a figure just outside the tolerance (−52 vs −50.94)", () => {
    expect(computeChange(discharges(-52)).mismatch).not.toBeNull();
  });

  it("widens the tolerance for 'about' but still flags 'about 60%'", () => {
    expect(computeChange(discharges(-53, { reportedChangeQualifier: "about" })).mismatch).toBeNull();
    expect(computeChange(discharges(-60, { reportedChangeQualifier: "about" })).mismatch?.message).toBe(
      "Reported as about −60%, but 21.2 per day → 10.4 per day is −50.9%.",
    );
  });

  it("compares a pp basis with the pp change", () => {
    const ok = measure({ unit: "percent", before: 46, after: 60, reportedChange: 14, reportedChangeBasis: "percentage_points" });
    expect(computeChange(ok).mismatch).toBeNull();
    const wrong = { ...ok, reportedChange: 30 };
    const c = computeChange(wrong);
    expect(c.mismatch).toMatchObject({ reported: 30, basis: "percentage_points", computed: 14, computedBasis: "percentage_points" });
    expect(c.mismatch?.message).toBe("Reported as +30 pp, but 46% → 60% is +14 pp.");
  });

  it("unspecified basis: no mismatch if it matches either the pp or the relative change", () => {
    const base = measure({ unit: "percent", before: 46, after: 60, reportedChangeBasis: "unspecified" });
    expect(computeChange({ ...base, reportedChange: 14 }).mismatch).toBeNull();
    expect(computeChange({ ...base, reportedChange: 30 }).mismatch).toBeNull();
  });

  it("unspecified basis: a mismatch when it matches neither, naming both readings", () => {
    const m = measure({ unit: "percent", before: 46, after: 60, reportedChange: 20, reportedChangeBasis: "unspecified" });
    const c = computeChange(m);
    expect(c.mismatch).toMatchObject({ reported: 20, basis: "unspecified", computed: 14, computedBasis: "percentage_points" });
    expect(c.mismatch?.message).toBe("Reported as +20 (per cent or points not stated), but 46% → 60% is +30.4% or +14 pp.");
  });

  it("unspecified basis on a count is compared with the relative change only", () => {
    const m = measure({ before: 100, after: 19, reportedChange: -81, reportedChangeBasis: "unspecified" });
    expect(computeChange(m).mismatch).toBeNull();
    expect(computeChange({ ...m, reportedChange: -60 }).mismatch?.computedBasis).toBe("percent");
  });

  it("bounds: 'more than halved' agrees with −58%, not with −33%", () => {
    const halved = { reportedChange: -50, reportedChangeQualifier: "at_least" as const };
    expect(computeChange(measure({ before: 120, after: 50, ...halved })).mismatch).toBeNull();
    expect(computeChange(measure({ before: 120, after: 80, ...halved })).mismatch?.message).toBe(
      "Reported as at least −50%, but 120 → 80 is −33.3%.",
    );
  });

  it("nothing comparable: percent beside a zero baseline, or points beside a count", () => {
    expect(computeChange(measure({ before: 0, after: 5, reportedChange: 100 })).mismatch).toBeNull();
    const pointsOnCount = measure({ before: 10, after: 5, reportedChange: 40, reportedChangeBasis: "percentage_points" });
    expect(computeChange(pointsOnCount).mismatch).toBeNull();
  });
});

describe("agreesWithReported", () => {
  const tol = MISMATCH_TOLERANCE.exact;
  it.each([
    // [computed, reported, qualifier, agrees]
    [-64.4, -64, "exact", true],
    [-64 - tol - 0.01, -64, "exact", false],
    [-62, -60, "about", true],
    [-56, -60, "about", false],
    [-70, -50, "at_least", true],
    [-49.5, -50, "at_least", true],
    [-40, -50, "at_least", false],
    [70, 50, "at_least", true],
    [40, 50, "at_least", false],
    [-5, 0, "at_least", true],
    [-30, -50, "at_most", true],
    [-60, -50, "at_most", false],
    [10, -50, "at_most", false],
    [30, 50, "at_most", true],
    [60, 50, "at_most", false],
    [-10, 50, "at_most", false],
    [0.5, 0, "at_most", true],
    [3, 0, "at_most", false],
  ] as const)("computed %s vs reported %s (%s) → %s", (c, r, q, agrees) => {
    expect(agreesWithReported(c, r, q)).toBe(agrees);
  });
});

describe("formatReportedFigure", () => {
  it.each([
    [-60, "percent", "exact", "−60%"],
    [-71, "percentage_points", "exact", "−71 pp"],
    [14, "percentage_points", "about", "about +14 pp"],
    [-81, "unspecified", "exact", "−81 (per cent or points not stated)"],
    [20, "unspecified", "at_least", "at least +20 (per cent or points not stated)"],
  ] as const)("%s %s %s → %s", (r, basis, q, text) => {
    expect(formatReportedFigure(r, basis, q)).toBe(text);
  });
});
