import { describe, expect, it } from "vitest";
import type { CsvRecord } from "./parse-csv";
import { detectPercentFractions, scalePercentFractions } from "./percent-fractions";

const record = (row: number, cells: Record<string, string>, percentColumns?: string[]): CsvRecord =>
  ({ row, cells, ...(percentColumns ? { percentColumns } : {}) }) as CsvRecord;

describe("percentages stored as fractions", () => {
  it("finds percentage rows whose figures all lie between 0 and 1, and nothing else", () => {
    const records = [
      record(2, { unit: "percent", before: "0.46", after: "0.6" }),
      record(3, { unit: "percent", before: "46", after: "60" }),
      record(4, { unit: "count", before: "0.5", after: "0.2" }),
      record(5, { unit: "percent", before: "0", after: "1" }),
    ];
    const found = detectPercentFractions(records)!;
    expect([...found.rows.keys()]).toEqual([2]);
    expect(found.example).toBe("row 2: before 0.46, after 0.6");
  });

  it("asks nothing when there is nothing to ask", () => {
    expect(detectPercentFractions([record(2, { unit: "percent", before: "46", after: "0.5" })])).toBeNull();
  });

  it("counts cells the spreadsheet formats as percentages, whatever the unit", () => {
    const found = detectPercentFractions([record(7, { unit: "count", reported_change: "-0.64" }, ["reported_change"])])!;
    expect(found.rows.get(7)).toEqual(["reported_change"]);
  });

  it("scales only the detected cells, without floating-point noise", () => {
    const records = [
      record(2, { unit: "percent", before: "0.07", after: "0.455", label: "x" }),
      record(3, { unit: "percent", before: "46" }),
    ];
    const scaled = scalePercentFractions(records, detectPercentFractions(records)!);
    expect(scaled[0]!.cells).toMatchObject({ before: "7", after: "45.5", label: "x" });
    expect(scaled[1]!.cells.before).toBe("46");
  });
});
