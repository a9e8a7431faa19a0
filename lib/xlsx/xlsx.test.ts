import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { decimalsShown, isXlsx, readXlsxTable } from "./read-xlsx";
import { writeXlsx } from "./write-xlsx";

describe(".xlsx", () => {
  it("writes text that looks like a formula as text, and reads it back unchanged with the numbers", async () => {
    const bytes = await writeXlsx({
      sheetName: "Cases",
      columns: ["label", "before", "notes"],
      rows: [{ label: '=HYPERLINK("x")', before: -64, notes: "@risk" }],
      docs: [{ name: "label", description: "The label." }],
    });
    expect(isXlsx(bytes)).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Cases", "Columns"]);
    expect(book.getWorksheet("Cases")!.getCell("A2").type).toBe(ExcelJS.ValueType.String);
    const read = await readXlsxTable(bytes);
    expect(read.sheets).toEqual(["Cases", "Columns"]);
    expect(read.table.header).toEqual(["label", "before", "notes"]);
    expect(read.table.rows).toEqual([{ row: 2, cells: ['=HYPERLINK("x")', "-64", "@risk"] }]);
  });

  it("reads Excel dates as YYYY-MM-DD, formulas as their values, and marks cells formatted as percentages", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Figures");
    sheet.addRow([]);
    sheet.addRow(["date", "share", "sum"]);
    const row = sheet.addRow([new Date(Date.UTC(2023, 3, 1)), 0.46, { formula: "1+1", result: 2 }]);
    row.getCell(1).numFmt = "dd/mm/yyyy";
    row.getCell(2).numFmt = "0%";
    const read = await readXlsxTable(Buffer.from(await book.xlsx.writeBuffer()), "Figures");
    expect(read.table.header).toEqual(["date", "share", "sum"]);
    expect(read.table.rows).toEqual([{ row: 3, cells: ["2023-04-01", "0.46", "2"], percentCells: [1] }]);
  });

  it("reads a calculated value as the sheet shows it, without floating-point noise", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Figures");
    sheet.addRow(["shown", "general", "percent", "typed"]);
    const row = sheet.addRow([
      { formula: "B1/C1*100", result: 33.333333333333336 },
      { formula: "0.1+0.2", result: 0.30000000000000004 },
      { formula: "A1/B1", result: 0.4567 },
      12.345,
    ]);
    row.getCell(1).numFmt = "0.0";
    row.getCell(3).numFmt = "0.0%";
    row.getCell(4).numFmt = "0";
    const read = await readXlsxTable(Buffer.from(await book.xlsx.writeBuffer()));
    expect(read.table.rows[0]!.cells).toEqual(["33.3", "0.3", "0.457", "12.345"]);
  });

  it("knows how many decimals a number format shows", () => {
    expect(["General", "0", "0.0", "#,##0.00", "0%", "0.0%", '"£"#,##0.0;[Red]-"£"#,##0.0', "dd/mm/yyyy"].map(decimalsShown)).toEqual([
      null,
      0,
      1,
      2,
      2,
      3,
      1,
      null,
    ]);
  });

  it("explains a file that is not a workbook", async () => {
    await expect(readXlsxTable(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).rejects.toThrow(/could not be read/);
  });
});
