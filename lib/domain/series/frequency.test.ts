import { describe, expect, it } from "vitest";
import { checkFrequency, detectFrequency, formatPeriod, parseDateForFrequency, spcAllowed } from "./frequency";
import { parseSeriesText } from "./parse";

describe("parseDateForFrequency", () => {
  it.each([
    ["2019", "2019-01-01"],
    ["2019/20", "2019-04-01"],
    ["2019-20", "2019-04-01"],
    ["2019/2020", "2019-04-01"],
    ["FY 2019/20", "2019-04-01"],
    ["2011-12", "2011-04-01"], // a financial year in a yearly series …
    ["31/3/2020", "2020-03-31"],
  ])("yearly: %s → %s", (text, iso) => {
    expect(parseDateForFrequency(text, "yearly")).toBe(iso);
  });
  it("… but December 2011 in a monthly one; a bare year is refused outside a yearly series", () => {
    expect(parseDateForFrequency("2011-12", "monthly")).toBe("2011-12-01");
    expect(parseDateForFrequency("2019", "monthly")).toBeNull();
    expect(parseDateForFrequency("2019", null)).toBeNull();
    expect(parseDateForFrequency("2019/21", "yearly")).toBeNull();
  });
  it.each([
    ["Q1 2024", "2024-01-01"],
    ["2024 Q3", "2024-07-01"],
    ["2024-Q4", "2024-10-01"],
    ["q2-2024", "2024-04-01"],
    ["Q1 2024/25", "2024-04-01"],
    ["2023/24 Q4", "2024-01-01"],
    ["30/6/2024", "2024-06-30"],
  ])("quarterly: %s → %s", (text, iso) => {
    expect(parseDateForFrequency(text, "quarterly")).toBe(iso);
  });
  it("refuses quarters elsewhere and impossible quarters", () => {
    expect(parseDateForFrequency("Q1 2024", "monthly")).toBeNull();
    expect(parseDateForFrequency("Q5 2024", "quarterly")).toBeNull();
    expect(parseDateForFrequency("Q1 2024/26", "quarterly")).toBeNull();
  });
});

describe("formatPeriod", () => {
  it("names each point as its period", () => {
    expect(formatPeriod("2024-03-01", "monthly")).toBe("Mar 2024");
    expect(formatPeriod("2024-03-31", "monthly", { long: true })).toBe("March 2024");
    expect(formatPeriod("2024-04-01", "quarterly")).toBe("Apr–Jun 2024");
    expect(formatPeriod("2024-06-30", "quarterly")).toBe("Apr–Jun 2024");
    expect(formatPeriod("2023-11-01", "quarterly", { long: true })).toBe("November 2023 to January 2024");
    expect(formatPeriod("2019-01-01", "yearly")).toBe("2019");
    expect(formatPeriod("2019-04-01", "yearly")).toBe("2019/20");
    expect(formatPeriod("2020-03-31", "yearly")).toBe("2019/20");
    expect(formatPeriod("2019-09-01", "yearly")).toBe("Sep 2019–Aug 2020");
    expect(formatPeriod("2024-03-04", "weekly")).toBe("4 Mar 2024");
    expect(formatPeriod("2024-03-04", "irregular", { long: true })).toBe("4 March 2024");
  });
});

describe("checkFrequency", () => {
  it("one point per period, on the grid the first point sets; lists missing periods", () => {
    expect(checkFrequency(["2016-04-01", "2017-04-01", "2019-04-01"], "yearly")).toEqual({
      errors: [],
      warnings: [],
      missing: ["2018-04-01"],
    });
    const r = checkFrequency(["2024-01-01", "2024-04-01", "2024-05-01"], "quarterly");
    expect(r.errors).toEqual([
      {
        index: 2,
        message:
          "1 May 2024 does not fall on the quarters the first point sets (January to March 2024): a quarterly series has one point every 3 months.",
      },
    ]);
    expect(checkFrequency(["2024-03-01", "2024-03-31"], "monthly").errors[0]!.message).toBe(
      "31 March 2024 is in the same month as the point before (March 2024): keep one value per month.",
    );
    // quarter ends: 31 March, 30 June, 31 December (September missing)
    expect(checkFrequency(["2024-03-31", "2024-06-30", "2024-12-31"], "quarterly")).toMatchObject({
      errors: [],
      missing: ["2024-07-01"],
    });
  });
  it("weekly: less than 7 days apart is an error, and so is a point off the weekday the first sets", () => {
    expect(checkFrequency(["2024-01-01", "2024-01-05"], "weekly").errors).toHaveLength(1);
    const r = checkFrequency(["2024-01-01", "2024-01-22", "2024-01-30"], "weekly");
    expect(r.missing).toEqual(["2024-01-08", "2024-01-15"]);
    expect(r.errors).toEqual([
      { index: 2, message: expect.stringContaining("30 January 2024 is not a whole number of weeks after the first point") },
    ]);
  });

  it("a series mixing weekly and monthly dates is refused under either frequency (issue 19)", () => {
    const mixed = ["2024-01-01", "2024-01-08", "2024-01-15", "2024-02-01", "2024-03-01"];
    expect(checkFrequency(mixed, "weekly").errors.length).toBeGreaterThan(0);
    expect(checkFrequency(mixed, "monthly").errors.length).toBeGreaterThan(0);
  });
  it("irregular dates have nothing to check", () => {
    expect(checkFrequency(["2024-01-01", "2024-01-02", "2024-05-09"], "irregular")).toEqual({ errors: [], warnings: [], missing: [] });
  });
});

describe("detectFrequency", () => {
  it("reads the gaps", () => {
    expect(detectFrequency(["2016-01-01", "2017-01-01", "2018-01-01", "2019-01-01"])).toBe("yearly");
    expect(detectFrequency(["2024-01-01", "2024-04-01", "2024-10-01"])).toBe("quarterly");
    expect(detectFrequency(["2024-01-01", "2024-03-01", "2024-06-01"])).toBe("monthly");
    expect(detectFrequency(["2024-01-31", "2024-02-29", "2024-03-31"])).toBe("monthly");
    expect(detectFrequency(["2024-01-03", "2024-01-10", "2024-01-24"])).toBe("weekly");
    expect(detectFrequency(["2024-01-03", "2024-01-04", "2024-01-05"])).toBe("daily");
    expect(detectFrequency(["2019-03-31", "2020-03-31", "2021-03-31"])).toBe("yearly");
    expect(detectFrequency(["2024-01-03", "2024-01-05", "2024-02-20"])).toBe("irregular");
  });
});

describe("spcAllowed", () => {
  it("irregular dates get a run chart, with the reason", () => {
    expect(spcAllowed("yearly")).toEqual({ allowed: true });
    const r = spcAllowed("irregular");
    expect(r.allowed).toBe(false);
    expect(!r.allowed && r.reason).toMatch(/only compare like with like when the points are evenly spaced/);
  });
});

describe("parseSeriesText with a frequency", () => {
  it("a four-year trend before the reform, in financial years", () => {
    const r = parseSeriesText(
      "Year\tDelayed discharges\n2016/17\t412\n2017/18\t398\n2018/19\t377\n2019/20\t351\n2020/21\t240",
      "count",
      "yearly",
    );
    expect(r.errors).toEqual([]);
    expect(r.points.map((p) => p.date)).toEqual(["2016-04-01", "2017-04-01", "2018-04-01", "2019-04-01", "2020-04-01"]);
    expect(r.frequency).toBe("yearly");
    expect(r.warnings).toEqual([]);
  });
  it("quarters, with a missing one warned about", () => {
    const r = parseSeriesText("Q1 2023\t5\nQ2 2023\t6\nQ4 2023\t7", "count", "quarterly");
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      "No value for July to September 2023: SPC charts read evenly spaced points, so a gap shortens the runs the rules look for.",
    ]);
  });
  it("two points in one period are refused with their line", () => {
    const r = parseSeriesText("2019\t5\n31/12/2019\t6", "count", "yearly");
    expect(r.errors.map((e) => e.message)).toEqual([
      "Line 2: 31 December 2019 is in the same year as the point before (2019): keep one value per year.",
    ]);
  });
  it("a year in a monthly series says which frequency reads it", () => {
    const r = parseSeriesText("2019\t5\n2020\t6", "count", "monthly");
    expect(r.errors[0]!.message).toBe(
      "Line 1: “2019” is not a date we can read. Use a month like Mar 2024 or 2024-03, or a date in the month. If the series is yearly, choose “Yearly” as its frequency.",
    );
  });
  it("suggests the frequency the dates look like", () => {
    const r = parseSeriesText("2020-01-01\t5\n2021-01-01\t6\n2022-01-01\t7", "count", "monthly");
    expect(r.warnings).toContain("The dates look yearly: if so, choose “Yearly” as the series' frequency.");
  });
  it("irregular dates: anything in order, no gap warnings", () => {
    const r = parseSeriesText("2024-01-03\t5\n2024-01-05\t6\n2024-02-20\t7", "count", "irregular");
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });
  it("units outside the known list take values of either sign, except the durations", () => {
    expect(parseSeriesText("2024-01-01\t-3", "index").errors).toEqual([]);
    expect(parseSeriesText("2024-01-01\t-3", "weeks").errors).toHaveLength(1);
  });
});
