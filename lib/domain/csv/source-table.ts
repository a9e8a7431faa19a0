import type { RowError } from "./row-errors";

// A spreadsheet as the import reads it before its columns are known: the
// header row as the analyst wrote it and every data row as text. A CSV file
// and an .xlsx sheet both become one of these, so the column mapping, the
// row rules, the preview and the commit are the same for both.

export interface SourceRow {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  cells: string[];
  /** Cells the spreadsheet formats as a percentage (an .xlsx "46%" holds 0.46), by index. */
  percentCells?: number[];
}

export interface SourceTable {
  header: string[];
  rows: SourceRow[];
  /** File-level problems (row null) and rows that could not be read. */
  errors: RowError[];
}
