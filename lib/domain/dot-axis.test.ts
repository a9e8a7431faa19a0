import { describe, expect, it } from "vitest";
import { dotAxis } from "./dot-axis";

describe("dotAxis", () => {
  it("covers every value and zero in points", () => {
    const a = dotAxis([-71, -44], "pp");
    expect(a.min).toBeLessThanOrEqual(-71);
    expect(a.max).toBe(0);
    expect(a.ticks.map((t) => t.label)).toContain("0");
    expect(a.ticks[0]!.label).toMatch(/^\u2212\d+ pp$/);
  });

  it("labels log positions as the % changes they stand for", () => {
    // −52.8 is a 41% fall: the axis starts at the tick below it, −50% (a log change of −69.3).
    const a = dotAxis([-52.8, 10], "log");
    const labels = a.ticks.map((t) => t.label);
    expect(labels[0]).toBe("\u221250%");
    expect(labels).toContain("0");
    expect(labels.at(-1)).toBe("+25%");
    expect(a.min).toBeCloseTo(100 * Math.log(0.5));
    for (const t of a.ticks) expect(t.label).not.toMatch(/\./);
  });

  it("keeps at most seven ticks on a wide log range", () => {
    const a = dotAxis([-400, 250], "log");
    expect(a.ticks.length).toBeLessThanOrEqual(8);
    expect(a.ticks.map((t) => t.label)).toContain("0");
  });
});
