import { describe, expect, it } from "vitest";
import { EMPTY_MEASURE, measureDetailsOpen } from "./measure-draft";

const none = () => false;

describe("measureDetailsOpen", () => {
  it("closed for a plain before/after figure: the essentials hold everything", () => {
    expect(
      measureDetailsOpen({ ...EMPTY_MEASURE, label: "Referrals", before: "200", after: "120", beforePeriod: "2022", quote: "Down" }, none),
    ).toBe(false);
  });
  it("open when a field behind it holds a value other than its default", () => {
    expect(measureDetailsOpen({ ...EMPTY_MEASURE, ciLower: "-19" }, none)).toBe(true);
    expect(measureDetailsOpen({ ...EMPTY_MEASURE, design: "comparison_group" }, none)).toBe(true);
    expect(measureDetailsOpen({ ...EMPTY_MEASURE, afterQualifier: "at_least" }, none)).toBe(true);
    expect(measureDetailsOpen({ ...EMPTY_MEASURE, notes: "checked with the author" }, none)).toBe(true);
  });
  it("a blank entered in a field is still empty", () => {
    expect(measureDetailsOpen({ ...EMPTY_MEASURE, notes: "   " }, none)).toBe(false);
  });
  it("open when a field behind it has an error", () => {
    expect(measureDetailsOpen(EMPTY_MEASURE, (f) => f === "pValue")).toBe(true);
    expect(measureDetailsOpen(EMPTY_MEASURE, (f) => f === "before")).toBe(false);
  });
});
