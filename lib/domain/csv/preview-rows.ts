import type { CsvRecord } from "./parse-csv";
import type { RowError } from "./row-errors";

// What the import preview table shows: every row with a problem (so each
// message sits next to its row) and the first rows of the file, up to a limit
// the browser can render quickly. The counts say how many rows were left out;
// every row was checked.

export interface PreviewRow {
  row: number;
  caseSlug: string;
  measureLabel: string;
  unit: string;
  before: string;
  after: string;
  reportedChange: string;
  /** "before: A percentage must be between 0 and 100" */
  problems: string[];
}

export interface PreviewTable {
  rows: PreviewRow[];
  /** Rows checked but not shown. */
  hiddenCount: number;
  /** Problems with the whole file, not one row. */
  fileProblems: string[];
}

export function buildPreviewTable(records: CsvRecord[], errors: RowError[], limit = 200): PreviewTable {
  const problems = new Map<number, string[]>();
  const fileProblems: string[] = [];
  for (const e of errors) {
    if (e.row === null) fileProblems.push(e.message);
    else (problems.get(e.row) ?? problems.set(e.row, []).get(e.row)!).push(e.column ? `${e.column}: ${e.message}` : e.message);
  }
  const byRow = new Map(records.map((r) => [r.row, r]));
  const shown = new Set<number>([...problems.keys()].slice(0, limit));
  for (const r of records) {
    if (shown.size >= limit) break;
    shown.add(r.row);
  }
  const rows = [...shown]
    .sort((a, b) => a - b)
    .map((row): PreviewRow => {
      const cells = byRow.get(row)?.cells;
      return {
        row,
        caseSlug: cells?.case_slug ?? "",
        measureLabel: cells?.measure_label ?? "",
        unit: cells?.unit ?? "",
        before: cells?.before ?? "",
        after: cells?.after ?? "",
        reportedChange: cells?.reported_change ?? "",
        problems: problems.get(row) ?? [],
      };
    });
  const totalRows = new Set([...records.map((r) => r.row), ...problems.keys()]).size;
  return { rows, hiddenCount: totalRows - rows.length, fileProblems };
}
