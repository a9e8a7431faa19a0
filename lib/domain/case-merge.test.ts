import { describe, expect, it } from "vitest";
import { mergeCaseContent, type MergeableCase } from "./case-merge";

const measure = (id: string, label: string, extra: Record<string, string> = {}) => ({
  id,
  label,
  measureTypeKey: "",
  before: "10",
  after: "5",
  ...extra,
});
const base: MergeableCase = {
  title: "Old title",
  summary: "Old summary",
  reformShifts: ["hospital_to_community"],
  measures: [measure("m1", "Referrals"), measure("m2", "Hours")],
};
const edit = (changes: Partial<MergeableCase>) => ({ ...base, ...changes });

describe("mergeCaseContent", () => {
  it("keeps their title when this editor changed only the summary (issue 19's lost update)", () => {
    const theirs = edit({ title: "A's title" });
    const mine = edit({ summary: "B's summary" });
    const r = mergeCaseContent(base, theirs, mine);
    expect(r.merged).toMatchObject({ title: "A's title", summary: "B's summary" });
    expect(r.conflicts).toEqual([]);
    expect(r.taken).toEqual(["title"]);
  });

  it("asks only where both changed the same field, keeping mine in the form meanwhile", () => {
    const theirs = edit({ title: "A's title", summary: "A's summary" });
    const mine = edit({ title: "B's title" });
    const r = mergeCaseContent(base, theirs, mine);
    expect(r.merged).toMatchObject({ title: "B's title", summary: "A's summary" });
    expect(r.conflicts).toEqual([{ path: "title", label: "title", theirs: "A's title", mine: "B's title" }]);
  });

  it("the same change on both sides is no conflict; list order does not matter", () => {
    const theirs = edit({ title: "Same", reformShifts: ["sickness_to_prevention", "hospital_to_community"] });
    const mine = edit({ title: "Same", reformShifts: ["hospital_to_community", "sickness_to_prevention"] });
    expect(mergeCaseContent(base, theirs, mine).conflicts).toEqual([]);
  });

  it("merges measures field by field", () => {
    const theirs = edit({ measures: [measure("m1", "Referrals", { before: "12" }), measure("m2", "Hours")] });
    const mine = edit({ measures: [measure("m1", "Referrals", { after: "4" }), measure("m2", "Hours", { before: "9" })] });
    const r = mergeCaseContent(base, theirs, mine);
    expect(r.merged.measures).toEqual([measure("m1", "Referrals", { before: "12", after: "4" }), measure("m2", "Hours", { before: "9" })]);
    expect(r.conflicts).toEqual([]);
  });

  it("names a measure field both changed by its path in the merged list", () => {
    const theirs = edit({ measures: [measure("m1", "Referrals"), measure("m2", "Hours", { before: "20" })] });
    const mine = edit({ measures: [measure("m1", "Referrals"), measure("m2", "Hours", { before: "30" })] });
    expect(mergeCaseContent(base, theirs, mine).conflicts).toEqual([
      { path: "measures.1.before", label: "measure “Hours”: before", theirs: "20", mine: "30" },
    ]);
  });

  it("keeps measures either side added, and removals the other side did not touch", () => {
    const theirs = edit({ measures: [measure("m1", "Referrals"), measure("m2", "Hours"), measure("t3", "Visits")] });
    const mine = edit({ measures: [measure("m2", "Hours"), measure("", "Waiting time")] });
    const r = mergeCaseContent(base, theirs, mine);
    expect(r.merged.measures.map((m) => m.label)).toEqual(["Hours", "Waiting time", "Visits"]);
    expect(r.conflicts).toEqual([]);
  });

  it("asks when one side removed a measure the other changed", () => {
    const theirs = edit({ measures: [measure("m1", "Referrals", { before: "11" }), measure("m2", "Hours")] });
    const mine = edit({ measures: [measure("m2", "Hours")] });
    const r = mergeCaseContent(base, theirs, mine);
    expect(r.merged.measures.map((m) => m.label)).toEqual(["Hours", "Referrals"]);
    expect(r.conflicts).toEqual([
      { path: "measures.1", label: "measure “Referrals”: you removed it, they changed it", theirs: "kept", mine: "removed" },
    ]);
  });

  it("matches measures by name when their ids changed (a published case's first draft) and takes the new ids", () => {
    const theirs = edit({ title: "A's title", measures: [measure("d1", "Referrals"), measure("d2", "Hours")] });
    const mine = edit({ measures: [measure("m1", "Referrals", { after: "3" }), measure("m2", "Hours")] });
    const r = mergeCaseContent(base, theirs, mine);
    expect(r.merged.measures).toEqual([measure("d1", "Referrals", { after: "3" }), measure("d2", "Hours")]);
    expect(r.merged.title).toBe("A's title");
  });
});
