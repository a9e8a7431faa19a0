// A table of text as CSV, for the data behind a chart and the board summary.
// Pure. Cells are quoted when they need it, and text that a spreadsheet would
// run as a formula is escaped (formula-escape.ts); a leading byte-order mark
// makes Excel read the file as UTF-8 (“−”, “£”).
import { escapeCell } from "./formula-escape";

function quote(cell: string | number): string {
  const s = String(cell);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function tableToCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return `\uFEFF${rows.map((r) => r.map((c) => quote(escapeCell(c))).join(",")).join("\r\n")}\r\n`;
}
