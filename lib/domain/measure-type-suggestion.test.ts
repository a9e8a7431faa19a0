import { describe, expect, it } from "vitest";
import { measureTypes } from "@/prisma/seed-data";
import { labelWords, suggestMeasureType } from "./measure-type-suggestion";

describe("labelWords", () => {
  it("lower-cases, splits, drops stop words and plural s", () => {
    expect(labelWords("Number of Referrals made")).toEqual(["referral", "made"]);
    expect(labelWords("Hand-offs per case")).toEqual(["hand", "off"]);
    expect(labelWords("Failure demand %")).toEqual(["failure", "demand", "percent"]);
  });
});

describe("suggestMeasureType against the seeded library", () => {
  it.each([
    ["Referrals to children's social care", "referrals"],
    ["Repeat calls", "repeat-contacts"],
    ["Failure demand at the front door", "failure-demand"],
    ["Hand-offs between teams", "hand-offs"],
    ["Emergency hospital admissions", "emergency-admissions"],
    ["End-to-end time to first support", "end-to-end-time"],
  ])("%s → %s", (label, key) => {
    expect(suggestMeasureType(label, measureTypes)?.key).toBe(key);
  });

  it("offers nothing for a label that matches no type", () => {
    expect(suggestMeasureType("Complaints escalated to the ombudsman", measureTypes)).toBeNull();
    expect(suggestMeasureType("", measureTypes)).toBeNull();
  });
});
