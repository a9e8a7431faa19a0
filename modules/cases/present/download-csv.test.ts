import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { recordsToCsv } from "./download-csv";

describe("recordsToCsv", () => {
  it("quotes commas and quotes, keeps numbers and booleans, and neutralises formulas", () => {
    const csv = recordsToCsv(
      ["a", "b", "c", "d"],
      [
        { a: '=HYPERLINK("x")', b: -64, c: true, d: 'Leeds, "north"' },
        { a: "+14 pp", b: null, c: false, d: "@SUM(A1)" },
      ],
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trim()).data;
    expect(parsed).toEqual([
      ["a", "b", "c", "d"],
      ['\'=HYPERLINK("x")', "-64", "true", 'Leeds, "north"'],
      ["'+14 pp", "", "false", "'@SUM(A1)"],
    ]);
  });
});
