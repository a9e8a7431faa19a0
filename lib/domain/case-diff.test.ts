import { describe, expect, it } from "vitest";
import { describeChange, diffCaseContent, measureKeys, type DiffableCase } from "./case-diff";

const base: DiffableCase = {
  title: "Front door",
  reformShifts: ["analogue_to_digital", "hospital_to_community"],
  measures: [
    { id: "a", measureTypeKey: "referrals", label: "Referrals", before: 10, after: 5 },
    { id: "b", measureTypeKey: null, label: "Complaints", before: 0, after: 2 },
  ],
};

describe("diffCaseContent", () => {
  it("finds nothing when only ids, order of array values or empty-vs-null differ", () => {
    const same: DiffableCase = {
      title: "Front door",
      reformShifts: ["hospital_to_community", "analogue_to_digital"],
      measures: [
        { id: "x", measureTypeKey: "referrals", label: "Referrals", before: 10, after: 5, notes: "" },
        { id: "y", measureTypeKey: null, label: "complaints", before: 0, after: 2 },
      ],
    };
    // The label differs only in case, so it is the same measure, but the label itself changed.
    expect(diffCaseContent(base, same)).toEqual([{ field: "measures[complaints].label", from: "Complaints", to: "complaints" }]);
  });

  it("reports case fields and measure fields with from and to", () => {
    const after: DiffableCase = {
      ...base,
      title: "Front door redesign",
      measures: [{ ...base.measures[0]!, after: 4 }, base.measures[1]!],
    };
    expect(diffCaseContent(base, after)).toEqual([
      { field: "title", from: "Front door", to: "Front door redesign" },
      { field: "measures[Referrals].after", from: 5, to: 4 },
    ]);
  });

  it("reports added, removed and moved measures", () => {
    const after: DiffableCase = {
      ...base,
      measures: [base.measures[1]!, { measureTypeKey: "failure-demand", label: "Failure demand", before: 60, after: 20 }],
    };
    expect(diffCaseContent(base, after)).toEqual([
      { field: "measures[Complaints].position", from: 2, to: 1 },
      { field: "measures[Failure demand]", from: null, to: "added" },
      { field: "measures[Referrals]", from: "present", to: "removed" },
    ]);
  });

  it("describes a change in words", () => {
    expect(describeChange({ field: "title", from: null, to: "New" })).toBe("title: (empty) → “New”");
    expect(describeChange({ field: "reformShifts", from: [], to: ["a", "b"] })).toBe("reformShifts: (none) → a, b");
  });
});

describe("measureKeys", () => {
  it("matches by measure type, else by label, numbering repeats", () => {
    expect(
      measureKeys([
        { measureTypeKey: "referrals", label: "Referrals (council)" },
        { measureTypeKey: "referrals", label: "Referrals (NHS)" },
        { measureTypeKey: null, label: " Complaints " },
      ]),
    ).toEqual(["type:referrals", "type:referrals#2", "label:complaints"]);
  });
});
