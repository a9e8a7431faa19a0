import { describe, expect, it } from "vitest";
import { checkValueForUnit, parseSeriesRows, parseSeriesText, parseSeriesValue } from "./parse";

describe("parseSeriesText: pasted from a spreadsheet", () => {
  it("reads tab-separated date and value columns with a header row", () => {
    const r = parseSeriesText("Month\tFailure demand %\nJan 2024\t62\nFeb 2024\t58.5\nMar 2024\t61%\n", "percent");
    expect(r.errors).toEqual([]);
    expect(r.points).toEqual([
      { date: "2024-01-01", value: 62, annotation: null },
      { date: "2024-02-01", value: 58.5, annotation: null },
      { date: "2024-03-01", value: 61, annotation: null },
    ]);
    expect(r.frequency).toBe("monthly");
  });

  it("reads a CSV file with quotes, thousands separators and a third column of notes", () => {
    const csv = 'date,value,note\n2024-01-01,"1,240",\n2024-02-01,1100,"new triage, started"\r\n';
    const r = parseSeriesText(csv, "count");
    expect(r.errors).toEqual([]);
    expect(r.points.map((p) => [p.value, p.annotation])).toEqual([
      [1240, null],
      [1100, "new triage, started"],
    ]);
  });

  it("reads semicolon-separated files and rows pasted with spaces", () => {
    expect(parseSeriesText("2024-01;5\n2024-02;6", "count").points.map((p) => p.value)).toEqual([5, 6]);
    expect(parseSeriesText("Mar 2024 45\nApr 2024 40", "count").points.map((p) => [p.date, p.value])).toEqual([
      ["2024-03-01", 45],
      ["2024-04-01", 40],
    ]);
  });

  it("refuses a date given twice, naming both lines, even when written differently", () => {
    const r = parseSeriesText("2024-03-01\t5\nMar 2024\t6", "count");
    expect(r.errors).toEqual([{ line: 2, message: "Line 2: March 2024 appears twice (also on line 1); keep one value per date." }]);
  });

  it("names the line of an unreadable date or value", () => {
    const r = parseSeriesText("2024-01-01\t5\n31/02/2024\t6\n2024-03-01\tfive\n2024-04-01\t", "count");
    expect(r.errors.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(r.errors[0]!.message).toContain("“31/02/2024” is not a date");
    expect(r.errors[1]!.message).toContain("“five” is not a number");
    expect(r.errors[2]!.message).toContain("the value is missing");
  });

  it("refuses values that do not fit the measure's unit", () => {
    const r = parseSeriesText("2024-01-01\t101\n2024-02-01\t-1", "percent");
    expect(r.errors.map((e) => e.message)).toEqual([
      "Line 1: 101 is a percentage, so it must be between 0 and 100.",
      "Line 2: -1 is a percentage, so it must be between 0 and 100.",
    ]);
    expect(parseSeriesText("2024-01-01\t-3", "count").errors).toHaveLength(1);
    expect(parseSeriesText("2024-01-01\t-3", "score").errors).toHaveLength(0);
  });

  it("puts points in date order, with a warning, and warns about gaps and fractions", () => {
    const r = parseSeriesText("2024-03-01\t0.5\n2024-01-01\t0.4\n2024-06-01\t0.45", "percent");
    expect(r.points.map((p) => p.date)).toEqual(["2024-01-01", "2024-03-01", "2024-06-01"]);
    expect(r.warnings).toEqual([
      "The dates were not in order; the points have been put in date order.",
      "No value for February 2024, April 2024, May 2024: SPC charts read evenly spaced points, so a gap shortens the runs the rules look for.",
      "Every value is 1 or less: if these are fractions (0.62), enter them as percentages (62).",
    ]);
  });

  it("says what to paste when the box is empty", () => {
    expect(parseSeriesText("  \n", "count").errors[0]!.message).toMatch(/Paste two columns/);
  });
});

describe("parseSeriesValue", () => {
  it("accepts the ways people write numbers, and nothing else", () => {
    expect(parseSeriesValue("1,240", "count")).toBe(1240);
    expect(parseSeriesValue("\u22123.5", "score")).toBe(-3.5);
    expect(parseSeriesValue("£700", "money")).toBe(700);
    expect(parseSeriesValue("62%", "percent")).toBe(62);
    expect(parseSeriesValue("62%", "count")).toBeNull();
    expect(parseSeriesValue("1,24", "count")).toBeNull();
    expect(parseSeriesValue("about 5", "count")).toBeNull();
  });
  it("checks units", () => {
    expect(checkValueForUnit(100, "percent")).toBeNull();
    expect(checkValueForUnit(-0.1, "hours")).toMatch(/negative/);
  });
});

describe("parseSeriesRows: the one-by-one editor", () => {
  it("skips blank rows and keeps notes", () => {
    const r = parseSeriesRows(
      [
        { line: 1, date: "2024-01-01", value: "3", annotation: "launch" },
        { line: 2, date: "", value: "", annotation: "" },
        { line: 3, date: "2024-02-01", value: "4" },
      ],
      "count",
    );
    expect(r.errors).toEqual([]);
    expect(r.points).toEqual([
      { date: "2024-01-01", value: 3, annotation: "launch" },
      { date: "2024-02-01", value: 4, annotation: null },
    ]);
  });
});

describe("issue 19: series values and dates are never misread", () => {
  it("refuses ambiguous values with the parser's message, and reads thousands", () => {
    const r = parseSeriesText(
      "2024-01-01\t12,5\n2024-02-01\t1.000,5\n2024-03-01\t0x10\n2024-04-01\t1e5\n2024-05-01\t1 240",
      "count",
      "monthly",
    );
    expect(r.errors.map((e) => e.line)).toEqual([1, 2, 3, 4]);
    expect(r.errors[0]!.message).toMatch(/Line 1: .*ambiguous/);
    expect(r.errors[2]!.message).toMatch(/hexadecimal/);
    expect(r.errors[3]!.message).toMatch(/scientific notation/);
  });

  it("refuses dates outside 1900 to a few years ahead", () => {
    const r = parseSeriesText("2190-01-01\t5\n2190-02-01\t6", "count", "monthly");
    expect(r.errors[0]!.message).toMatch(/years ahead/);
  });

  it("reads mixed CRLF and LF line ends", () => {
    const r = parseSeriesText("2024-01-01\t5\r\n2024-02-01\t6\n2024-03-01\t7\r\n", "count", "monthly");
    expect(r.errors).toEqual([]);
    expect(r.points.map((p) => p.value)).toEqual([5, 6, 7]);
  });
});
