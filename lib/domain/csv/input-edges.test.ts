import { describe, expect, it } from "vitest";
import { mapRecordsToCases } from "./map-rows";
import { parseCsvText } from "./parse-csv";
import { formatRowError } from "./row-errors";
import { measureRow, reportedOnlyRow, toCsvText, type RowValues } from "./test-rows";

// Issue 19's bad input, through the CSV rules: each is refused with a message
// naming the row and column, never stored as another figure.

function mapped(rows: RowValues[]) {
  const parsed = parseCsvText(toCsvText(rows));
  expect(parsed.errors).toEqual([]);
  return mapRecordsToCases(parsed.records);
}
const errorsOf = (rows: RowValues[]) => mapped(rows).errors.map(formatRowError);

describe("CSV figures are never misread", () => {
  it.each([
    ["12,5", /ambiguous.*12\.5/],
    ["1.000,5", /full stop for thousands and a comma for decimals/],
    ["1,2,3", /ambiguous/],
    ["0x10", /hexadecimal/],
    ["1e5", /scientific notation/],
    ["0.0000000000000000001", /saved as 0/],
  ])("before = %s is refused", (cell, message) => {
    const errors = errorsOf([reportedOnlyRow({ before: cell, unit: "count" })]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^row 2, before: /);
    expect(errors[0]).toMatch(message);
  });

  it("sample size and the target follow the same rules", () => {
    expect(errorsOf([measureRow({ sample_size: "1e5" })])[0]).toMatch(/sample_size: .*scientific notation/);
    expect(errorsOf([measureRow({ sample_size: "0x10" })])[0]).toMatch(/sample_size: .*hexadecimal/);
    expect(errorsOf([measureRow({ design: "against_target", target: "12,5" })])[0]).toMatch(/target: .*ambiguous/);
  });

  it("thousands in commas and spaces are read", () => {
    const { cases, errors } = mapped([reportedOnlyRow({ measure_label: "A", before: "1,240", after: "1 100", sample_size: "1\u00a0240" })]);
    expect(errors).toEqual([]);
    expect(cases[0]!.measures[0]!.input).toMatchObject({ before: 1240, after: 1100, sampleSize: 1240 });
  });
});

describe("CSV text and dates", () => {
  it("refuses a control character in a text cell", () => {
    expect(errorsOf([measureRow({ case_title: "Caf\u0007é" })])).toEqual([
      expect.stringMatching(/^row 2, case_title: This text contains an invisible control character/),
    ]);
    // A NUL byte means the file is not text at all.
    expect(parseCsvText(toCsvText([measureRow({ case_title: "Caf\u0000é" })])).errors.map(formatRowError)).toEqual([
      "This is not a CSV text file: save the spreadsheet as “CSV UTF-8” and try again.",
    ]);
    expect(errorsOf([measureRow({ notes: "a\u001bb" })])[0]).toMatch(/^row 2, notes: .*control character/);
  });

  it("refuses implausible intervention dates", () => {
    expect(errorsOf([measureRow({ intervention_date: "1800-01-01" })])[0]).toMatch(/intervention_date: .*before 1900/);
    expect(errorsOf([measureRow({ intervention_date: "9999-12-31" })])[0]).toMatch(/intervention_date: .*years ahead/);
  });

  it("flags a measure repeated in one case", () => {
    expect(errorsOf([measureRow(), reportedOnlyRow(), measureRow()])).toEqual([
      "row 4, measure_label: This row repeats row 2 (the same measure with the same figures in the same case): delete the repeated row",
    ]);
    // The same name with other figures (the same measure from two sources) is allowed.
    expect(errorsOf([measureRow(), measureRow({ after: "61", measure_source_citation: "Audit" })])).toEqual([]);
    // The same name in two cases is fine.
    expect(errorsOf([measureRow(), measureRow({ case_slug: "other-case" })])).toEqual([]);
  });

  it("reads a file whose rows end in a mix of CRLF and LF", () => {
    const lines = toCsvText([measureRow(), reportedOnlyRow(), measureRow({ case_slug: "other-case" })]).split("\n");
    const mixed = `${lines[0]}\r\n${lines[1]}\n${lines[2]}\r\n${lines[3]}\n`;
    const { records, errors } = parseCsvText(mixed);
    expect(errors).toEqual([]);
    expect(records.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(records[2]!.cells.case_slug).toBe("other-case");
  });
});
