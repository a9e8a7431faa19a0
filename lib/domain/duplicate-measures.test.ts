import { describe, expect, it } from "vitest";
import { findDuplicateMeasures } from "./duplicate-measures";

const m = (label: string, before: number | null = 10, extra: Record<string, unknown> = {}) => ({ label, before, after: 5, ...extra });

describe("findDuplicateMeasures", () => {
  it("flags a measure that repeats another, ignoring case and spacing in the name and its id", () => {
    expect(findDuplicateMeasures([m("Referrals"), m("Hours"), { ...m("  referrals "), id: "x" }, m("REFERRALS")])).toEqual([
      { index: 2, firstIndex: 0 },
      { index: 3, firstIndex: 0 },
    ]);
  });

  it("allows the same name with other figures (the same figure from two sources), and leaves blank names to the required rule", () => {
    expect(
      findDuplicateMeasures([m("Referrals", 10), m("Referrals", 12), m("Referrals", 10, { sourceCitation: "Audit" }), m(""), m("")]),
    ).toEqual([]);
  });
});
