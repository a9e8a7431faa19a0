// Spreadsheet formula injection (OWASP "CSV Injection"): a cell that begins
// with = + - @ tab or carriage return can run as a formula when the file is
// opened in Excel or Sheets. Text cells that begin so are prefixed with a
// single quote. A cell that is a plain number ("-64") is left alone: a
// spreadsheet reads it as the number −64, which cannot run anything, and
// quoting it would turn every fall into text.

const TRIGGERS = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function escapeCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  if (PLAIN_NUMBER.test(value)) return value;
  return TRIGGERS.test(value) ? `'${value}` : value;
}

/** The import undoes the export's quote, so an exported file re-imports unchanged. */
export function unescapeCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
