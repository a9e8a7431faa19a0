import ExcelJS from "exceljs";

// Rows → an .xlsx workbook: the data on the first sheet, and a second sheet
// documenting every column. Cells are written as typed values (numbers as
// numbers, text as text). Text is always a string cell, never a formula: a
// note beginning with = + - or @ stays exactly that text (exceljs writes a
// formula only when given { formula }, which this module never does).

export type XlsxCell = string | number | boolean | null | undefined;

export interface XlsxColumnDoc {
  name: string;
  description: string;
  [extra: string]: string | undefined;
}

export interface XlsxBook {
  sheetName: string;
  columns: readonly string[];
  rows: ReadonlyArray<Record<string, XlsxCell>>;
  /** The second sheet, "Columns": one row per column; extra keys become extra columns (e.g. required). */
  docs: readonly XlsxColumnDoc[];
  /** A line above the column documentation, e.g. where the data came from. */
  docsNote?: string;
}

function value(cell: XlsxCell): string | number | boolean | null {
  if (cell === undefined || cell === null || cell === "") return null;
  return cell;
}

export async function writeXlsx(book: XlsxBook): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Reform Metrics";
  const sheet = workbook.addWorksheet(book.sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow([...book.columns]).font = { bold: true };
  for (const row of book.rows) sheet.addRow(book.columns.map((c) => value(row[c])));
  book.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = Math.min(40, Math.max(10, c.length + 2))));

  const docs = workbook.addWorksheet("Columns");
  const extra = [...new Set(book.docs.flatMap((d) => Object.keys(d)))].filter((k) => k !== "name" && k !== "description");
  if (book.docsNote) docs.addRow([book.docsNote]);
  docs.addRow(["column", ...extra, "description"]).font = { bold: true };
  for (const d of book.docs) docs.addRow([d.name, ...extra.map((k) => d[k] ?? null), d.description]);
  docs.getColumn(1).width = 30;
  docs.getColumn(extra.length + 2).width = 100;

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
