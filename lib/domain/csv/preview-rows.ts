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
  /** The qualifiers and the source's words in the row, e.g. "after: more than; after wording: over 94%". */
  wording: string;
  /** The figure as the case page will state it, when the row is valid (issue 16: check "more than" before importing). */
  asPublished: string | null;
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

const WORDING_CELLS = [
  ["before_qualifier", "before"],
  ["after_qualifier", "after"],
  ["reported_change_qualifier", "change"],
  ["before_wording", "before wording"],
  ["after_wording", "after wording"],
  ["reported_change_wording", "change wording"],
  ["before_words", "before in words"],
  ["after_words", "after in words"],
  ["reported_change_words", "change in words"],
] as const;

/** A reported change with its basis, as the case page reads it: "12 pp", "-64%", "-400000 (absolute)" (blank basis means percent). */
export function formatReportedCell(value: string, basis: string): string {
  const v = value.trim();
  if (!v) return "";
  switch (basis.trim()) {
    case "percentage_points":
      return `${v} pp`;
    case "absolute":
      return `${v} (absolute)`;
    case "":
    case "percent":
      return `${v}%`;
    default:
      return v;
  }
}

function wordingOf(cells: Record<string, string> | undefined): string {
  if (!cells) return "";
  return WORDING_CELLS.flatMap(([column, name]) => {
    const v = (cells[column] ?? "").trim();
    return v && v.toLowerCase() !== "exact" ? [`${name}: ${v}`] : [];
  }).join("; ");
}

export function buildPreviewTable(
  records: CsvRecord[],
  errors: RowError[],
  limit = 200,
  figures: ReadonlyMap<number, string> = new Map(),
): PreviewTable {
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
        reportedChange: formatReportedCell(cells?.reported_change ?? "", cells?.reported_change_basis ?? ""),
        wording: wordingOf(cells as Record<string, string> | undefined),
        asPublished: problems.has(row) ? null : (figures.get(row) ?? null),
        problems: problems.get(row) ?? [],
      };
    });
  const totalRows = new Set([...records.map((r) => r.row), ...problems.keys()]).size;
  return { rows, hiddenCount: totalRows - rows.length, fileProblems };
}
