import { describe, expect, it } from "vitest";
import { toCardText } from "./card-text";

describe("toCardText", () => {
  it("keeps ASCII and £, spells out minus and arrows, drops other glyphs", () => {
    expect(toCardText("46% → 60% (−71 pp) · £700k “quoted” café 😀")).toBe('46% to 60% (-71 pp) £700k "quoted" cafe');
  });
});
