// A problem with one cell, one row or the whole file, reported next to the
// row it is about. Rows are numbered as a spreadsheet numbers them: the header
// is row 1, so the first case is on row 2 (a cell with line breaks inside
// quotes is still one row).

export interface RowError {
  /** Spreadsheet row number; null for a problem with the whole file. */
  row: number | null;
  /** The column the problem is in, when it is about one cell. */
  column: string | null;
  message: string;
}

/** "row 7, before: A percentage must be between 0 and 100" */
export function formatRowError(e: RowError): string {
  const where = [e.row === null ? null : `row ${e.row}`, e.column].filter(Boolean).join(", ");
  return where ? `${where}: ${e.message}` : e.message;
}

export function sortRowErrors(errors: RowError[]): RowError[] {
  return [...errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
