import { describe, expect, it } from "vitest";
import { computeChange } from "./change";
import { summariseCase, summariseMeasure } from "./summary";
import { measure, REFERENCE_CASE } from "./test-fixtures";

describe("summariseMeasure", () => {
  const cases = [
    [
      "reported-only per cent",
      measure({ label: "Number of assessments", reportedChange: -64 }),
      "Number of assessments fell by 64% (as reported; raw figures not given) — an improvement, since fewer is better.",
    ],
    [
      "percent measure, pp first then relative",
      measure({ label: "Face-to-face time as % of total time", unit: "percent", direction: "higher_is_better", before: 46, after: 60 }),
      "Face-to-face time as % of total time rose from 46% to 60%, up 14 percentage points (a 30.4% relative increase) — an improvement, since higher is better.",
    ],
    [
      "percent measure falling to 0 (−100% left implicit)",
      measure({ label: "Demand returning into the system (failure demand)", unit: "percent", before: 71, after: 0 }),
      "Demand returning into the system (failure demand) fell from 71% to 0%, down 71 percentage points — an improvement, since lower is better.",
    ],
    [
      "percent measure falling by 1 point",
      measure({ label: "Re-referrals", unit: "percent", direction: "higher_is_better", before: 20, after: 19 }),
      "Re-referrals fell from 20% to 19%, down 1 percentage point (a 5% relative decrease) — a deterioration, since higher is better.",
    ],
    [
      "count with relative change",
      measure({ label: "Referrals", before: 120, after: 80 }),
      "Referrals fell from 120 to 80, down 33.3% — an improvement, since fewer is better.",
    ],
    [
      "worsened count",
      measure({ label: "Hand-offs", before: 4, after: 5 }),
      "Hand-offs rose from 4 to 5, up 25% — a deterioration, since fewer is better.",
    ],
    [
      "higher-is-better count",
      measure({ label: "People helped", direction: "higher_is_better", before: 40, after: 50 }),
      "People helped rose from 40 to 50, up 25% — an improvement, since more is better.",
    ],
    [
      "zero baseline",
      measure({ label: "Complaints", before: 0, after: 5 }),
      "Complaints rose from 0 to 5, up 5; the relative (%) change is undefined because the baseline is 0 — a deterioration, since fewer is better.",
    ],
    [
      "negative values",
      measure({ label: "Net score", unit: "score", direction: "higher_is_better", before: -20, after: 10 }),
      "Net score rose from −20 to 10, up 30; no relative (%) change is given because a value is below 0 — an improvement, since higher is better.",
    ],
    [
      "neutral direction",
      measure({ label: "Team size", direction: "neutral", before: 8, after: 10 }),
      "Team size rose from 8 to 10, up 25% — neither direction is marked as better for this measure.",
    ],
    ["no change", measure({ label: "Staff", before: 12, after: 12 }), "Staff was 12 before and 12 after — no change."],
    [
      "no change, approximate",
      measure({ label: "Listened to", unit: "percent", before: 94, beforeQualifier: "at_least", after: 94 }),
      "Listened to was at least 94% before and 94% after — no change in the figures as given, which are approximate.",
    ],
    [
      "approximate money",
      measure({ label: "Spend", unit: "money", before: 700000, beforeQualifier: "about", after: 520000 }),
      "Spend fell from about £700,000 to £520,000, down about 25.7% — an improvement, since lower is better.",
    ],
    [
      "hours, bounded",
      measure({ label: "Hours", unit: "hours", before: 300, after: 258, afterQualifier: "at_most" }),
      "Hours fell from 300 hours to at most 258 hours, down at least 14% — an improvement, since lower is better.",
    ],
    [
      "reported pp",
      measure({ label: "Failure demand", unit: "percent", reportedChange: -71, reportedChangeBasis: "percentage_points" }),
      "Failure demand fell by 71 percentage points (as reported; raw figures not given) — an improvement, since lower is better.",
    ],
    [
      "reported, unspecified basis",
      measure({ label: "Failure demand", reportedChange: -81, reportedChangeBasis: "unspecified" }),
      "Failure demand fell by 81 (as reported, without saying whether per cent or percentage points; raw figures not given) — an improvement, since fewer is better.",
    ],
    [
      "reported, bounded, worsened",
      measure({ label: "Waiting time", unit: "days", reportedChange: 50, reportedChangeQualifier: "at_least" }),
      "Waiting time rose by at least 50% (as reported; raw figures not given) — a deterioration, since lower is better.",
    ],
    ["reported zero", measure({ label: "Visits", reportedChange: 0 }), "Visits did not change (as reported; raw figures not given)."],
    [
      "after only",
      measure({ label: "Felt listened to", unit: "percent", direction: "higher_is_better", after: 94, afterQualifier: "at_least" }),
      "Felt listened to was at least 94% after the reform; no before value or reported change is given, so no change can be computed.",
    ],
    [
      "before only",
      measure({ label: "End-to-end time", unit: "days", before: 24 }),
      "End-to-end time was 24 days before the reform; no after value or reported change is given, so no change can be computed.",
    ],
    [
      "percent measure from a zero baseline (points only, no relative change)",
      measure({ label: "Digital contacts", unit: "percent", direction: "higher_is_better", before: 0, after: 12 }),
      "Digital contacts rose from 0% to 12%, up 12 percentage points — an improvement, since higher is better.",
    ],
    [
      "reported change on a neutral measure",
      measure({ label: "Team size", direction: "neutral", reportedChange: 10 }),
      "Team size rose by 10% (as reported; raw figures not given) — neither direction is marked as better for this measure.",
    ],
    ["no figures", measure({ label: "Empty" }), "Empty: no figures recorded."],
  ] as const;

  it.each(cases)("%s", (_name, m, text) => {
    expect(summariseMeasure(m)).toBe(text);
    expect(summariseMeasure(m, computeChange(m))).toBe(text);
  });

  it("mentions a mismatch between the reported change and the raw values", () => {
    const m = measure({
      label: "Delayed discharges",
      unit: "rate",
      rateBasis: "per day",
      before: 21.2,
      after: 10.4,
      reportedChange: -60,
    });
    expect(summariseMeasure(m)).toBe(
      "Delayed discharges fell from 21.2 per day to 10.4 per day, down 50.9% — an improvement, since lower is better. " +
        "The source's reported change does not match: reported as −60%, but 21.2 per day → 10.4 per day is −50.9%.",
    );
  });

  it("never invents raw values for a reported-only measure", () => {
    const text = summariseMeasure(measure({ label: "Referrals", reportedChange: -41 }));
    expect(text).not.toMatch(/from \d/);
    expect(text).toContain("raw figures not given");
  });
});

describe("summariseCase", () => {
  it("summarises the reference case", () => {
    expect(summariseCase(REFERENCE_CASE)).toBe(
      "Of 6 measures, 6 improved. " +
        "4 are reported-only (changes given without raw figures) and carry lower confidence. " +
        "The largest improvement is Number of assessments: −64% (reported). " +
        "1 measure is not compared in size with the others.",
    );
  });

  it("counts every outcome, mismatches and a single reported-only measure", () => {
    const measures = [
      measure({ label: "A", before: 10, after: 5 }),
      measure({ label: "B", before: 5, after: 10, reportedChange: 50 }),
      measure({ label: "C", before: 5, after: 5 }),
      measure({ label: "D", direction: "neutral", before: 5, after: 6 }),
      measure({ label: "E", after: 5 }),
      measure({ label: "F", reportedChange: -10 }),
    ];
    expect(summariseCase(measures)).toBe(
      "Of 6 measures, 2 improved, 1 worsened, 1 did not change, 1 changed (no direction marked as better), " +
        "1 cannot be assessed (no change can be computed). " +
        "1 is reported-only (a change given without raw figures) and carries lower confidence. " +
        "1 reported change does not match the raw figures. " +
        "The largest improvement is A: 10 → 5 (−50%). " +
        "1 measure is not compared in size with the others.",
    );
  });

  it("ranks by log change, not by per cent: a halving beats a 60% rise", () => {
    const measures = [
      measure({ label: "Rise", direction: "higher_is_better", before: 10, after: 16 }),
      measure({ label: "Halving", before: 10, after: 5 }),
    ];
    expect(summariseCase(measures)).toContain("The largest improvement is Halving: 10 → 5 (−50%).");
  });

  it("names no largest improvement when nothing improved", () => {
    const text = summariseCase([measure({ label: "A", before: 5, after: 10 }), measure({ label: "B", before: 2, after: 3 })]);
    expect(text).toBe("Of 2 measures, 2 worsened.");
    expect(text).not.toContain("largest improvement");
  });

  it("counts several mismatches and unrankable measures", () => {
    const text = summariseCase([
      measure({ label: "A", before: 10, after: 5, reportedChange: -60 }),
      measure({ label: "B", before: 10, after: 5, reportedChange: -70 }),
      measure({ label: "C", before: 0, after: 5 }),
      measure({ label: "D", after: 5 }),
    ]);
    expect(text).toContain("2 reported changes do not match the raw figures.");
    expect(text).toContain("2 measures are not compared in size with the others.");
  });

  it("handles one measure and no measures", () => {
    expect(summariseCase([measure({ label: "A", before: 10, after: 5 })])).toBe(
      "Of 1 measure, 1 improved. The largest improvement is A: 10 → 5 (−50%).",
    );
    expect(summariseCase([])).toBe("No measures recorded.");
  });
});
