import { describe, expect, it } from "vitest";
import { assessChangeSignal } from "./signal";

const monthly = (values: number[]) =>
  values.map((value, i) => ({ date: `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`, value }));

// 12 points around 50 (mean 50, mR̄ 2 → limits 44.68–55.32), then 12 after January 2023.
const BEFORE = [49, 51, 49, 51, 49, 51, 49, 51, 49, 51, 49, 51];

describe("assessChangeSignal", () => {
  it("finds a shift after the intervention and orients it by the improvement direction", () => {
    const s = assessChangeSignal(monthly([...BEFORE, 48, 47, 48, 47, 48, 47, 48, 47, 48, 47, 48, 47]), {
      interventionDate: "2023-01-01",
      direction: "decrease",
    });
    expect(s).toMatchObject({ status: "special_cause", tone: "improvement", longestRun: 12, beyondPreviousLimits: 0 });
    const worse = assessChangeSignal(monthly([...BEFORE, 48, 47, 48, 47, 48, 47, 48, 47, 48, 47, 48, 47]), {
      interventionDate: "2023-01-01",
      direction: "increase",
    });
    expect(worse.tone).toBe("concern");
  });

  it("counts a point beyond the previous limits as a signal", () => {
    const s = assessChangeSignal(monthly([...BEFORE, 40, 52, 49, 51, 49, 51, 49, 51, 49, 51, 49, 50]), {
      interventionDate: "2023-01-01",
      direction: "decrease",
    });
    expect(s.status).toBe("special_cause");
    expect(s.beyondPreviousLimits).toBe(1);
  });

  it("a change with N − 1 points in a row is not a signal", () => {
    // 6 below the old mean, then alternate: longest run 6 < 7
    const s = assessChangeSignal(monthly([...BEFORE, 48, 48, 48, 48, 48, 48, 51, 48, 51, 48, 51, 48]), {
      interventionDate: "2023-01-01",
      direction: "decrease",
    });
    expect(s).toMatchObject({ status: "no_signal", longestRun: 6, tone: null });
    expect(
      assessChangeSignal(monthly([...BEFORE, 48, 48, 48, 48, 48, 48, 51, 48, 51, 48, 51, 48]), {
        interventionDate: "2023-01-01",
        direction: "decrease",
        runLength: 6,
      }).status,
    ).toBe("special_cause");
  });

  it("too short or not split by the intervention", () => {
    expect(assessChangeSignal(monthly([1, 2, 3, 4, 5, 6]), { interventionDate: "2022-04-01", direction: "increase" }).status).toBe(
      "too_short",
    );
    expect(assessChangeSignal(monthly(BEFORE), { interventionDate: null, direction: "increase" }).status).toBe("no_split");
  });

  it("uses the measure's outlier screening: off (the Excel tool), a spike widens the previous limits", () => {
    // Before: a spike to 80 in otherwise tight values; after: one point at 45.
    const before = [49, 51, 49, 51, 49, 51, 80, 51, 49, 51, 49, 51];
    const after = [45, 53, 52, 53, 52, 53, 52, 53, 52, 53, 52, 53];
    const opts = { interventionDate: "2023-01-01", direction: "decrease" as const };
    expect(assessChangeSignal(monthly([...before, ...after]), opts)).toMatchObject({ status: "special_cause", beyondPreviousLimits: 1 });
    expect(assessChangeSignal(monthly([...before, ...after]), { ...opts, screenOutliers: false })).toMatchObject({
      status: "no_signal",
      beyondPreviousLimits: 0,
    });
  });

  it("uses the measure's fix-after-N: limits from the first 12 points of the phase", () => {
    const before = [...BEFORE, 40, 60, 40, 60, 40, 60, 40, 60];
    const after = [43, 50, 51, 50, 51, 50, 51, 50, 51, 50, 51, 50];
    const opts = { interventionDate: "2023-09-01", direction: "decrease" as const };
    expect(assessChangeSignal(monthly([...before, ...after]), opts).status).toBe("no_signal");
    expect(assessChangeSignal(monthly([...before, ...after]), { ...opts, fixAfterPoints: 12 })).toMatchObject({
      status: "special_cause",
      beyondPreviousLimits: 1,
    });
  });

  it("irregular dates have no SPC test", () => {
    const dates = ["2022-01-03", "2022-01-09", "2022-02-20", "2022-03-01", "2022-05-17", "2022-06-02", "2022-08-30", "2022-09-01"];
    const points = [...dates, "2023-01-05", "2023-02-11", "2023-02-12", "2023-04-01", "2023-06-30", "2023-07-04"].map((date, i) => ({
      date,
      value: i < 8 ? 50 : 30,
    }));
    expect(assessChangeSignal(points, { interventionDate: "2023-01-01", direction: "decrease" }).status).toBe("irregular");
    expect(assessChangeSignal(points, { interventionDate: "2023-01-01", direction: "decrease", frequency: "weekly" }).status).not.toBe(
      "irregular",
    );
  });
});
