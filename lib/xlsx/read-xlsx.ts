import ExcelJS from "exceljs";
import type { SourceRow, SourceTable } from "@/lib/domain/csv/source-table";

// One sheet of an .xlsx workbook → the import's SourceTable (header + rows as
// text), so an Excel file goes through exactly the same mapping, row rules,
// preview and commit as a CSV file. Excel's own types become the text the
// CSV would hold: dates as YYYY-MM-DD, numbers as plain decimals, formulas as
// their last calculated value. Cells formatted as percentages are marked,
// since Excel stores 46% as 0.46 (the import asks what they mean).

export interface XlsxWorkbookTable {
  sheets: string[];
  sheet: string;
  table: SourceTable;
}

const MAX_ROWS = 200_000;

export function isXlsx(bytes: Uint8Array): boolean {
  // An .xlsx file is a zip archive: it starts "PK\x03\x04".
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isoDate(d: Date): string {
  // Excel dates have no time zone; exceljs reads them as UTC midnight.
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19).replace("T", " ");
}

/**
 * The decimals a number format shows ("0.0" → 1, "0%" → 2 as a fraction), or null
 * for General and formats without a fixed count.
 */
export function decimalsShown(numFmt: string | undefined): number | null {
  if (!numFmt) return null;
  const section = numFmt.split(";")[0]!.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  if (!/[0#]/.test(section)) return null;
  const decimals = /[0#]\.([0#]+)/.exec(section)?.[1]?.length ?? 0;
  return decimals + (section.includes("%") ? 2 : 0);
}

/**
 * A calculated value as the sheet shows it: a formula such as =B2/C2*100 gives
 * 33.333333333333336, which the sheet shows as 33.3 under "0.0". With no fixed
 * format, only the floating-point noise goes (15 significant digits, as Excel
 * keeps). Typed numbers are kept as typed.
 */
function calculated(result: number, numFmt: string | undefined): string {
  if (!Number.isFinite(result)) return "";
  const shown = decimalsShown(numFmt);
  return String(shown === null ? Number(result.toPrecision(15)) : Number(result.toFixed(Math.min(shown, 15))));
}

function text(value: ExcelJS.CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value instanceof Date) return isoDate(value);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue;
    return typeof result === "number" ? calculated(result, numFmt) : text(result);
  }
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : text(value.text as ExcelJS.CellValue);
  if ("error" in value) return "";
  return "";
}

function isPercentCell(cell: ExcelJS.Cell): boolean {
  const v = cell.value;
  const n = typeof v === "number" ? v : v && typeof v === "object" && "result" in v ? (v as ExcelJS.CellFormulaValue).result : null;
  return typeof n === "number" && typeof cell.numFmt === "string" && cell.numFmt.includes("%");
}

export class XlsxReadError extends Error {}

/** Reads one sheet (by name; the first when none or an unknown one is given). */
export async function readXlsxTable(bytes: Uint8Array, sheetName?: string | null): Promise<XlsxWorkbookTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw new XlsxReadError("This .xlsx file could not be read: open it in Excel, save it again as an Excel workbook (.xlsx) and retry.");
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  const worksheet = (sheetName ? workbook.getWorksheet(sheetName) : undefined) ?? workbook.worksheets[0];
  if (!worksheet) throw new XlsxReadError("The workbook has no sheets.");
  if (worksheet.rowCount > MAX_ROWS) throw new XlsxReadError(`The sheet has more than ${MAX_ROWS.toLocaleString("en-GB")} rows: split it.`);

  const width = worksheet.columnCount;
  let header: string[] | null = null;
  const rows: SourceRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const percentCells: number[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cells.push(text(cell.value, typeof cell.numFmt === "string" ? cell.numFmt : undefined).replace(/\r\n/g, "\n"));
      if (isPercentCell(cell)) percentCells.push(c - 1);
    }
    if (cells.every((c) => c.trim() === "")) return;
    if (header === null) {
      header = cells;
      return;
    }
    rows.push(percentCells.length ? { row: rowNumber, cells, percentCells } : { row: rowNumber, cells });
  });
  const head = header as string[] | null;
  if (head === null) {
    return {
      sheets,
      sheet: worksheet.name,
      table: { header: [], rows: [], errors: [{ row: null, column: null, message: "The sheet is empty." }] },
    };
  }
  // Trailing columns with no header and no data are Excel's formatting, not data.
  let used = head.length;
  while (used > 0 && head[used - 1]!.trim() === "" && rows.every((r) => r.cells[used - 1]!.trim() === "")) used--;
  return {
    sheets,
    sheet: worksheet.name,
    table: {
      header: head.slice(0, used),
      rows: rows.map((r) => ({ ...r, cells: r.cells.slice(0, used), percentCells: r.percentCells?.filter((i) => i < used) })),
      errors: [],
    },
  };
}
