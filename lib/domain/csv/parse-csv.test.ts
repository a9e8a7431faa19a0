import { describe, expect, it } from "vitest";
import { IMPORT_COLUMNS, MAX_IMPORT_BYTES } from "./columns";
import { parseCsvText } from "./parse-csv";
import { formatRowError } from "./row-errors";
import { measureRow, reportedOnlyRow, toCsvText } from "./test-rows";

const messages = (text: string) => parseCsvText(text).errors.map(formatRowError);

describe("parseCsvText", () => {
  it("reads a file saved by Excel: byte-order mark, CRLF line ends, a line break inside a quoted cell", () => {
    const text =
      "\uFEFF" + toCsvText([measureRow({ case_summary: "First line.\r\nSecond line, with a comma." }), reportedOnlyRow()], "\r\n");
    const { records, errors } = parseCsvText(text);
    expect(errors).toEqual([]);
    expect(records.map((r) => r.row)).toEqual([2, 3]);
    expect(records[0]!.cells.case_slug).toBe("integrated-care");
    expect(records[0]!.cells.case_summary).toBe("First line.\r\nSecond line, with a comma.");
    expect(records[1]!.cells.reported_change).toBe("-64");
  });

  it("numbers rows as a spreadsheet does, skipping blank lines without renumbering", () => {
    const [header, first, second] = toCsvText([measureRow(), reportedOnlyRow()]).split("\n");
    const { records, errors } = parseCsvText([header!, first!, "", ",,,", second!].join("\n"));
    expect(errors).toEqual([]);
    expect(records.map((r) => r.row)).toEqual([2, 5]);
  });

  it("refuses an empty file, and a header with no rows", () => {
    expect(messages("")).toEqual(["The file is empty."]);
    expect(messages("\uFEFF \r\n")).toEqual(["The file is empty."]);
    expect(messages(IMPORT_COLUMNS.join(",") + "\r\n")).toEqual(["The file has a header but no rows under it."]);
  });

  it("refuses a file that is not CSV text", () => {
    expect(messages("%PDF-1.7\u0000\u0001binary")).toEqual([
      "This is not a CSV text file: save the spreadsheet as “CSV UTF-8” and try again.",
    ]);
    expect(messages("Dear colleague,\nplease find the figures attached.")).toEqual([
      "row 1: This does not look like a Reform Metrics CSV: the first row must be the column names from the template (case_slug, case_title, …), or choose which of your columns hold which field.",
    ]);
  });

  it("names the missing required and repeated columns; reports and ignores unknown ones; optional columns may be left out", () => {
    const header: string[] = [
      ...IMPORT_COLUMNS.filter((c) => c !== "before" && c !== "notes" && c !== "unit"),
      "befor",
      "colour",
      "direction",
    ];
    expect(messages(header.join(",") + "\n")).toEqual([
      "row 1: The file is missing 1 required column: unit. Add it, or choose which of your columns holds it.",
      "row 1: The column “direction” appears more than once: keep one.",
    ]);
    const withUnit = [...new Set(header), "unit"];
    const parsed = parseCsvText(withUnit.join(",") + "\n" + withUnit.map(() => "x").join(",") + "\n");
    expect(parsed.errors).toEqual([]);
    expect(parsed.notices).toEqual(["2 columns not imported: “befor”, “colour”. They are not fields of a case or measure."]);
    expect(Object.keys(parsed.records[0]!.cells)).not.toContain("befor");
  });

  it("explains a file saved with semicolons between columns", () => {
    expect(messages(IMPORT_COLUMNS.join(";") + "\n")).toEqual([
      "row 1: The columns are separated by semicolons: save the file as “CSV UTF-8 (comma delimited)” and try again.",
    ]);
  });

  it("accepts the export's own columns and headers in any case or spacing", () => {
    const header = [...IMPORT_COLUMNS.map((c) => ` ${c.toUpperCase()} `), "status", "version", "published_at"].join(",");
    const row = toCsvText([measureRow()]).split("\n")[1] + ",published,1,2024-01-01T00:00:00.000Z";
    const { records, errors } = parseCsvText(`${header}\n${row}\n`);
    expect(errors).toEqual([]);
    expect(records[0]!.cells.measure_label).toBe("Face-to-face time as % of total time");
    expect("status" in records[0]!.cells).toBe(false);
  });

  it("reports a row with the wrong number of cells and an unclosed quote, by row", () => {
    const [header, first] = toCsvText([measureRow()]).split("\n");
    expect(messages([header, first, "a,b,c"].join("\n"))).toEqual([
      `row 3: This row has 3 cells but the header has ${IMPORT_COLUMNS.length}: check for a stray comma or quote.`,
    ]);
    expect(messages([header, first, first!.replace("Example council", '"Example" council')].join("\n"))).toEqual([
      'row 3: A quoted cell has a stray " in it: inside quotes, write a quote mark as two ("").',
    ]);
    expect(messages([header, first, `${first},"never closed`].join("\n"))).toEqual([
      'row 3: A quoted cell is never closed: a closing " is missing.',
    ]);
  });

  it("refuses text over 10 MB", () => {
    expect(messages("a".repeat(MAX_IMPORT_BYTES + 1))).toEqual(["The file is larger than 10 MB: split it into smaller files."]);
  });

  it("removes the quote the export puts before a formula character", () => {
    const { records } = parseCsvText(
      toCsvText([reportedOnlyRow({ reported_change_wording: "'-64%", notes: "'=not a formula", measure_source_citation: "'tis so" })]),
    );
    expect(records[0]!.cells.reported_change_wording).toBe("-64%");
    expect(records[0]!.cells.notes).toBe("=not a formula");
    expect(records[0]!.cells.measure_source_citation).toBe("'tis so");
  });
});
