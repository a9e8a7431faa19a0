import { describe, expect, it } from "vitest";
import { findDuplicateMeasures } from "./duplicate-measures";

describe("findDuplicateMeasures", () => {
  it("flags a repeated name, ignoring case and spacing", () => {
    expect(findDuplicateMeasures([{ label: "Referrals" }, { label: "Hours" }, { label: "  referrals " }, { label: "REFERRALS" }])).toEqual([
      { index: 2, firstIndex: 0 },
      { index: 3, firstIndex: 0 },
    ]);
  });

  it("passes distinct names and leaves blank names to the required-field rule", () => {
    expect(findDuplicateMeasures([{ label: "Referrals (GP)" }, { label: "Referrals (A&E)" }, { label: "" }, { label: "" }])).toEqual([]);
  });
});
