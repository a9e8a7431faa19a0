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
});
