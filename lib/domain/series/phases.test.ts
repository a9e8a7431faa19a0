import { describe, expect, it } from "vitest";
import { calculateSpc } from "@/lib/domain/spc";
import { phaseRanges, planPhases } from "./phases";

const months = (from: string, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + i);
    return d.toISOString().slice(0, 10);
  });

describe("planPhases: dates → rebase indices", () => {
  const dates = months("2023-01-01", 24); // Jan 2023 … Dec 2024

  it("starts the intervention's phase at the point on that date", () => {
    expect(planPhases(dates, "2024-01-01")).toEqual({ rebaseAt: [12], interventionIndex: 12, notes: [] });
  });

  it("starts it at the first point after a date that falls between points, and says so", () => {
    const plan = planPhases(dates, "2023-04-15");
    expect(plan.rebaseAt).toEqual([4]);
    expect(plan.interventionIndex).toBe(4);
    expect(plan.notes).toEqual(["The intervention date (15 April 2023) falls between points: the new limits start at May 2023."]);
  });

  it("adds the measure's extra rebase dates, in order, without duplicates", () => {
    const plan = planPhases(dates, "2024-01-01", ["2024-06-01", "2023-06-01", "2024-01-01", "2023-06-01"]);
    expect(plan.rebaseAt).toEqual([5, 12, 17]);
    expect(plan.interventionIndex).toBe(12);
  });

  it("ignores dates before the first or after the last point, with a note", () => {
    const plan = planPhases(dates, "2022-06-01", ["2026-01-01"]);
    expect(plan.rebaseAt).toEqual([]);
    expect(plan.interventionIndex).toBeUndefined();
    expect(plan.notes).toHaveLength(2);
  });

  it("handles no intervention date and an empty series", () => {
    expect(planPhases(dates, null)).toEqual({ rebaseAt: [], interventionIndex: undefined, notes: [] });
    expect(planPhases([], "2024-01-01").interventionIndex).toBeUndefined();
  });

  it("feeds the engine: limits recalculated from the intervention", () => {
    const values = dates.map((_, i) => (i < 12 ? 50 + (i % 3) : 30 + (i % 3)));
    const plan = planPhases(dates, "2024-01-01");
    const r = calculateSpc(
      dates.map((x, i) => ({ x, y: values[i]! })),
      { improvementDirection: "decrease", rebaseAt: plan.rebaseAt },
    );
    expect(r.phases.map((p) => [p.start, p.end, p.mean])).toEqual([
      [0, 11, 51],
      [12, 23, 31],
    ]);
  });
});

describe("phaseRanges", () => {
  it("splits a series into inclusive ranges", () => {
    expect(phaseRanges(10, [4, 7])).toEqual([
      { start: 0, end: 3 },
      { start: 4, end: 6 },
      { start: 7, end: 9 },
    ]);
    expect(phaseRanges(3, [])).toEqual([{ start: 0, end: 2 }]);
  });
});
