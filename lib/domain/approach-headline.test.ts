import { describe, expect, it } from "vitest";
import { describeCategoryHeadline, describeDirections, describeTypicalRange, type CategoryCaseSummary } from "./approach-headline";

const base: CategoryCaseSummary = {
  cases: 0,
  casesDown: 0,
  casesUp: 0,
  casesFlat: 0,
  q1: null,
  q3: null,
  min: null,
  max: null,
  scale: "pp",
};

describe("describeCategoryHeadline", () => {
  it("reads the reference example: two cases down 44 and 71 points", () => {
    const s = { ...base, cases: 2, casesDown: 2, min: -71, max: -44, q1: -64.25, q3: -50.75 };
    expect(describeCategoryHeadline("Failure demand", s)).toBe("Failure demand: down in 2 of 2 cases, typically 44–71 percentage points");
  });

  it("turns log changes back into the % change they stand for, never printing a log change", () => {
    // 100·ln(0.59) = −52.8 is a 41% fall; 100·ln(0.8) = −22.3 a 20% fall.
    const s = { ...base, scale: "log" as const, cases: 5, casesDown: 4, casesUp: 1, q1: -52.76, q3: -22.31, min: -80, max: 10 };
    expect(describeCategoryHeadline("Activity", s)).toBe("Activity: down in 4, up in 1 of 5 cases, typically 20–41%");
  });

  it("uses the middle half from four cases up and the full range below", () => {
    const s = { ...base, cases: 4, casesDown: 4, q1: -30, q3: -20, min: -90, max: -1 };
    expect(describeTypicalRange(s)).toBe("typically 20–30 percentage points");
    expect(describeTypicalRange({ ...s, cases: 3 })).toBe("typically 1–90 percentage points");
  });

  it("shows a range that spans no change with signs", () => {
    const s = { ...base, cases: 6, casesDown: 3, casesUp: 2, casesFlat: 1, q1: -4.2, q3: 3 };
    expect(describeCategoryHeadline("Time", s)).toBe(
      "Time: down in 3, up in 2, no change in 1 of 6 cases, typically between \u22124.2 and +3 percentage points",
    );
  });

  it("says 'by' for a single case and uses the singular", () => {
    const s = { ...base, cases: 1, casesUp: 1, min: 14, max: 14, q1: 14, q3: 14 };
    expect(describeCategoryHeadline("Capacity", s)).toBe("Capacity: up in 1 of 1 case, by 14 percentage points");
    expect(describeTypicalRange({ ...s, min: 1, max: 1 })).toBe("by 1 percentage point");
  });

  it("says so when nothing pools", () => {
    expect(describeCategoryHeadline("Cost", base)).toBe("Cost: no figures that can be pooled");
    expect(describeDirections({ ...base, cases: 2, casesFlat: 2 })).toBe("no change in 2 of 2 cases");
  });
});
