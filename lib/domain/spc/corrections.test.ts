// Issue 18's corrections at the engine: assurance from a single point, and the
// high/low side every special-cause point keeps (neutral direction included).
import { describe, expect, it } from "vitest";
import { calculateSpc, type SpcOptions } from "./index";

const month = (i: number) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`;
const run = (ys: number[], o: Partial<SpcOptions> = {}) =>
  calculateSpc(
    ys.map((y, i) => ({ x: month(i), y })),
    { improvementDirection: "increase", ...o },
  );
const BASE = [49, 51, 49, 51, 49, 51, 49, 51, 49, 51, 49, 51, 49, 51];

describe("assurance needs variation in the last phase", () => {
  it("a last phase of a single point (a case published just after its intervention) gets no assurance icon", () => {
    // Before: 14 points around 50. The intervention starts a phase at the last point, 30, target 40.
    const r = run([...BASE, 30], { rebaseAt: [14], target: 40 });
    expect(r.phases[1]).toMatchObject({ start: 14, end: 14 });
    expect(r.assurance).toBe("none");
    expect(r.notes).toContain(
      "No assurance icon: the latest phase has a single point, so there is no variation yet to judge the target against.",
    );
  });
  it("two points in the last phase are enough to judge", () => {
    const r = run([...BASE, 30, 31], { rebaseAt: [14], target: 40 });
    expect(r.assurance).toBe("fail");
  });
  it("no target: no icon and no note", () => {
    const r = run([...BASE, 30], { rebaseAt: [14] });
    expect(r.assurance).toBe("none");
    expect(r.notes.some((n) => n.startsWith("No assurance icon"))).toBe(false);
  });
});

describe("every special-cause point keeps its side", () => {
  it("neutral direction: high above, low below (PTD special_cause_neutral_high / _low)", () => {
    const r = run([...BASE, 70, 50, 20], { improvementDirection: "neutral" });
    expect(r.points.slice(14).map((p) => [p.pointType, p.side])).toEqual([
      ["special_cause_neutral", "high"],
      ["common_cause", null],
      ["special_cause_neutral", "low"],
    ]);
    expect(r.variationSide).toBe("low");
  });
  it("the side follows PTD's precedence: beyond a limit before a trend", () => {
    // 13 points around 10, then 7 falling from 100 to 70: the last is far above the upper limit
    // (about 44) and ends a falling trend. Beyond the limit wins: high.
    const r = run([9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 100, 95, 90, 85, 80, 75, 70], { improvementDirection: "decrease" });
    const last = r.points[r.points.length - 1]!;
    expect(last.y).toBeGreaterThan(last.upl);
    expect(last.specialCause).toMatchObject({ beyondLimits: true, trend: true });
    expect([last.pointType, last.side]).toEqual(["special_cause_concern", "high"]);
    expect(r.variationSide).toBe("high");
  });
});
