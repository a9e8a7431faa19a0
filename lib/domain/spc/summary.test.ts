import { describe, expect, it } from "vitest";
import { calculateSpc, summariseSpc, type SpcOptions } from "./index";

const month = (i: number) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`;
const run = (ys: number[], o: Partial<SpcOptions> = {}) =>
  calculateSpc(
    ys.map((y, i) => ({ x: month(i), y })),
    { improvementDirection: "decrease", ...o },
  );

// Before: mean 576 / 12 = 48. After: mean 372 / 12 = 31; every after-point is below 48.
const BEFORE = [46, 50, 47, 49, 48, 52, 45, 49, 47, 51, 48, 44];
const AFTER = [33, 30, 32, 29, 31, 34, 30, 28, 32, 31, 30, 32];

describe("summariseSpc", () => {
  it("reads a rebased step change as in the brief's example", () => {
    const r = run([...BEFORE, ...AFTER], { rebaseAt: [12] });
    expect(summariseSpc(r, { intervalLabel: "a month", unitLabel: "referrals", interventionIndex: 12 })).toBe(
      "From January 2024 the mean fell from 48 to 31 referrals a month; 12 months in a row below the previous mean: a real shift, not noise. " +
        "The latest point shows common cause variation (noise, no signal).",
    );
  });
  it("uses the last phase when no intervention index is given; adds the assurance sentence", () => {
    const r = run([...BEFORE, ...AFTER], { rebaseAt: [12], target: 40 });
    // phase 2 limits: 31 ∓ 2.66 × 27/11 = 24.47 / 37.53; target 40 > upl with "decrease" → pass
    expect(r.assurance).toBe("pass");
    expect(summariseSpc(r, { intervalLabel: "a month" })).toMatch(
      /^From January 2024 the mean fell from 48 to 31 a month; .* it will be met consistently unless the process changes\.$/,
    );
  });
  it("fewer than N points in a row past the old mean is not yet a shift", () => {
    // after: 40, 50, 41, 39, 47 → mean 43.4; runs below 48: 1 and 3; none beyond the old lpl 38.81
    const r = run([...BEFORE, 40, 50, 41, 39, 47], { rebaseAt: [12] });
    expect(summariseSpc(r, { intervalLabel: "a month" })).toBe(
      "From January 2024 the mean fell from 48 to 43 a month; at most 3 months in a row below the previous mean (7 needed for a shift): not yet distinguishable from noise. " +
        "The new phase has only 5 months, so its limits are trial limits. " +
        "The latest point shows common cause variation (noise, no signal).",
    );
  });
  it("a point beyond the previous limits is a signal even without a run", () => {
    const r = run([...BEFORE, 40, 38, 41], { rebaseAt: [12] });
    expect(summariseSpc(r)).toContain("1 point beyond the previous process limits: a signal that something changed");
  });
  it("rising means and % units", () => {
    const r = run([...AFTER, ...BEFORE], { rebaseAt: [12], improvementDirection: "increase" });
    expect(summariseSpc(r, { unitLabel: "%" })).toMatch(
      /^From January 2024 the mean rose from 31% to 48%, 17 percentage points higher; 12 points in a row above/,
    );
  });
  it("a percentage: its change in percentage points, and no 'a month' after a share", () => {
    const r = run([62, 60, 63, 61, 64, 62, 60, 63, 61, 62, 63, 61, 24, 25, 23, 26, 24, 22, 25, 24, 23, 25, 24, 26], { rebaseAt: [12] });
    const text = summariseSpc(r, { unitLabel: "%", intervalLabel: "a month" });
    expect(text).toMatch(/^From January 2024 the mean fell from 62% to 24%, 38 percentage points lower; 12 months in a row below/);
    expect(text).not.toContain("% a month");
    expect(summariseSpc(run([40, 42, 41, 43, 40, 42, 41, 40, 42, 43, 41, 42, 40]), { unitLabel: "%", intervalLabel: "a month" })).toMatch(
      /^The mean is 41%, with process limits/,
    );
  });
  it("money: pounds on each figure", () => {
    const r = run([...BEFORE.map((y) => y * 10_000), ...AFTER.map((y) => y * 10_000)], { rebaseAt: [12] });
    expect(summariseSpc(r, { unitLabel: "£", intervalLabel: "a month" })).toMatch(
      /^From January 2024 the mean fell from £480,000 to £310,000 a month;/,
    );
  });
  it("says when the intervention did not start a phase", () => {
    const r = run(BEFORE);
    expect(summariseSpc(r, { interventionIndex: 6, intervalLabel: "a week" })).toBe(
      "The limits were not recalculated at the intervention (July 2023), so the chart cannot show whether its level changed then. " +
        "The mean is 48 a week, with process limits from 39 to 57. " +
        "The latest point shows common cause variation (noise, no signal). " +
        "There are too few points for firm limits: read it as a run chart.",
    );
  });
  it("empty result", () => {
    expect(summariseSpc(run([]), {})).toBe("No data to summarise.");
  });
});
