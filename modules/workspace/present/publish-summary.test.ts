import { describe, expect, it } from "vitest";
import { summarisePublication } from "./publish-summary";

const measure = (label: string, afterValue = 5) => ({ id: `${label}-id`, label, beforeValue: 10, afterValue });

describe("summarisePublication", () => {
  it("counts the figures of a first publication", () => {
    expect(summarisePublication({ title: "T", measures: [measure("A"), measure("B")] }, null)).toEqual([
      "The case becomes public with 2 measures and findings.",
    ]);
  });

  it("names changed fields and added, removed and changed measures, ignoring row ids", () => {
    const live = { title: "Old", sourceUrl: null, measures: [measure("A"), measure("B"), measure("C")] };
    const draft = { title: "New", sourceUrl: null, measures: [{ ...measure("A"), id: "copied" }, measure("B", 7), measure("D")] };
    expect(summarisePublication(draft, live)).toEqual(["Changed: title.", "Added: D.", "Removed: C.", "Figures or details changed: B."]);
  });

  it("says when nothing differs", () => {
    const c = { title: "T", measures: [measure("A")] };
    expect(summarisePublication(c, { ...c, measures: [{ ...measure("A"), id: "other" }] })).toEqual([
      "Nothing differs from the live version.",
    ]);
  });
});
