import type { ColumnName } from "./columns";
import type { CsvRecord } from "./parse-csv";

// Spreadsheets store 46% as 0.46 and only format it to look like 46%. The
// import stores percentages as 0–100, so a file whose percentage figures are
// all between 0 and 1 is ambiguous: 0.46% or 46%? The import never guesses:
// it detects such rows (and cells the spreadsheet formats as percentages),
// asks the analyst, and scales them by 100 only when told to.

export type PercentAnswer = "fractions" | "percent";

/** The figures of a percentage measure that are in its unit (reported changes and intervals have their own basis). */
export const PERCENT_VALUE_COLUMNS = [
  "before",
  "after",
  "comparison_before",
  "comparison_after",
  "target",
] as const satisfies readonly ColumnName[];

export interface PercentFractions {
  /** Rows whose figures look like fractions, with the columns that would be scaled. */
  rows: Map<number, ColumnName[]>;
  /** "row 2: before 0.46, after 0.6" — for the question. */
  example: string;
}

function number(cell: string | undefined): number | null {
  const text = (cell ?? "").trim();
  if (text === "" || !/^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(text)) return null;
  return Number(text);
}

/**
 * Rows of percentage measures whose figures are all between 0 and 1 (and not
 * all exactly 0 or 1), plus cells formatted as percentages by the spreadsheet.
 * Null when there is nothing to ask.
 */
export function detectPercentFractions(records: CsvRecord[]): PercentFractions | null {
  const rows = new Map<number, ColumnName[]>();
  for (const record of records) {
    const columns = new Set<ColumnName>();
    if ((record.cells.unit ?? "").trim().toLowerCase() === "percent") {
      const present = PERCENT_VALUE_COLUMNS.filter((c) => number(record.cells[c]) !== null);
      const values = present.map((c) => number(record.cells[c])!);
      if (values.length && values.every((v) => v >= 0 && v <= 1) && values.some((v) => v !== 0 && v !== 1)) {
        present.forEach((c) => columns.add(c));
      }
    }
    for (const c of record.percentColumns ?? []) if (number(record.cells[c]) !== null) columns.add(c);
    if (columns.size) rows.set(record.row, [...columns]);
  }
  if (rows.size === 0) return null;
  const [row, columns] = rows.entries().next().value!;
  const record = records.find((r) => r.row === row)!;
  return { rows, example: `row ${row}: ${columns.map((c) => `${c} ${record.cells[c]!.trim()}`).join(", ")}` };
}

/** 0.46 → "46" (rounded to 12 significant digits, so 0.07 does not become 7.000000000000001). */
function times100(cell: string): string {
  return String(Number((Number(cell.trim()) * 100).toPrecision(12)));
}

export function scalePercentFractions(records: CsvRecord[], detected: PercentFractions): CsvRecord[] {
  return records.map((record) => {
    const columns = detected.rows.get(record.row);
    if (!columns) return record;
    const cells = { ...record.cells };
    for (const c of columns) cells[c] = times100(cells[c]!);
    return { ...record, cells };
  });
}
