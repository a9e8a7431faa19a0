import { describe, expect, it } from "vitest";
import { buildPreviewTable, formatReportedCell } from "./preview-rows";
import { parseCsvText } from "./parse-csv";
import { measureRow, toCsvText } from "./test-rows";

const records = parseCsvText(toCsvText(Array.from({ length: 10 }, (_, i) => measureRow({ measure_label: `M${i}` })))).records;

describe("buildPreviewTable", () => {
  it("shows every row with a problem, its messages beside it, then the first rows up to the limit", () => {
    const table = buildPreviewTable(
      records,
      [
        { row: 9, column: "before", message: "A percentage must be between 0 and 100" },
        { row: 9, column: null, message: "Another" },
        { row: null, column: null, message: "The file has a problem" },
      ],
      3,
    );
    expect(table.rows.map((r) => [r.row, r.problems])).toEqual([
      [2, []],
      [3, []],
      [9, ["before: A percentage must be between 0 and 100", "Another"]],
    ]);
    expect(table.rows[2]!.measureLabel).toBe("M7");
    expect(table.hiddenCount).toBe(7);
    expect(table.fileProblems).toEqual(["The file has a problem"]);
  });

  it("shows a row that could not be read, with its problem and no cells", () => {
    const table = buildPreviewTable(records.slice(0, 1), [{ row: 5, column: null, message: "This row has 3 cells" }]);
    expect(table.rows.map((r) => [r.row, r.caseSlug, r.problems])).toEqual([
      [2, "integrated-care", []],
      [5, "", ["This row has 3 cells"]],
    ]);
    expect(table.hiddenCount).toBe(0);
  });
});

describe("formatReportedCell", () => {
  it("shows the basis of a reported change, as the case page would", () => {
    expect(formatReportedCell("12", "percentage_points")).toBe("12 pp");
    expect(formatReportedCell("-64", "")).toBe("-64%");
    expect(formatReportedCell("-64", "percent")).toBe("-64%");
    expect(formatReportedCell("-400000", "absolute")).toBe("-400000 (absolute)");
    expect(formatReportedCell("", "percent")).toBe("");
  });
});
