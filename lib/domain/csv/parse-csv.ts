import Papa from "papaparse";
import { MAX_IMPORT_BYTES, type ColumnName } from "./columns";
import type { RowError } from "./row-errors";
import { unescapeCell } from "./formula-escape";
import type { SourceTable } from "./source-table";
import { checkMapping, exactMapping, ignoredHeaders, normaliseHeader, type ColumnMapping } from "./column-mapping";

// CSV text → one record per data row, keyed by column name. Papaparse does the
// quoting rules (quoted commas, doubled quotes, line breaks inside quotes);
// this module adds what an analyst's file needs: a byte-order mark from Excel's
// "CSV UTF-8", blank rows skipped, spreadsheet row numbers for every message,
// and the column mapping (column-mapping.ts): the file's own headers, in any
// order, mapped to the import's columns; headers mapped to nothing are
// reported and ignored, and only the required columns are required.

export interface CsvRecord {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  cells: Record<ColumnName, string>;
  /** Columns whose cell the spreadsheet formats as a percentage (.xlsx only; see percent-fractions.ts). */
  percentColumns?: ColumnName[];
}

export interface ParsedCsv {
  records: CsvRecord[];
  /** File-level problems (row null) and rows that could not be read. */
  errors: RowError[];
  /** What the analyst should know but need not fix: the columns that were ignored. */
  notices: string[];
}

/** Checks the header row under a mapping (by default: the template's names); file-level errors only. */
export function checkHeader(rawHeader: string[], mapping: ColumnMapping = exactMapping(rawHeader)): RowError[] {
  const header = rawHeader.map(normaliseHeader);
  if (header.length === 1 && header[0]!.includes(";") && header[0]!.includes("case_slug")) {
    return [
      {
        row: 1,
        column: null,
        message: "The columns are separated by semicolons: save the file as “CSV UTF-8 (comma delimited)” and try again.",
      },
    ];
  }
  if (mapping.every((m) => m === null)) {
    return [
      {
        row: 1,
        column: null,
        message:
          "This does not look like a Reform Metrics CSV: the first row must be the column names from the template (case_slug, case_title, …), or choose which of your columns hold which field.",
      },
    ];
  }
  return checkMapping(rawHeader, mapping);
}

const QUOTE_MESSAGES: Record<string, string> = {
  MissingQuotes: 'A quoted cell is never closed: a closing " is missing.',
  InvalidQuotes: 'A quoted cell has a stray " in it: inside quotes, write a quote mark as two ("").',
};

function plural(n: number, word: string) {
  return n === 1 ? `1 ${word}` : `${n} ${word}s`;
}

/**
 * Papaparse takes the first line's ending for the whole file, so a file with
 * CRLF and LF rows (rows pasted together from two files) came apart into
 * "rows" of the wrong length (issue 19). A mixed file is read with LF
 * throughout; a file with one kind of ending is left exactly as it is, so line
 * breaks inside its cells re-import unchanged.
 */
export function normaliseLineEnds(text: string): string {
  const crlf = text.includes("\r\n");
  const bareLf = /(^|[^\r])\n/.test(text);
  const bareCr = /\r(?!\n)/.test(text);
  return (crlf ? 1 : 0) + (bareLf ? 1 : 0) + (bareCr ? 1 : 0) > 1 ? text.replace(/\r\n?/g, "\n") : text;
}

/** CSV text → its header and rows, before any column is interpreted. */
export function readCsvTable(text: string): SourceTable {
  const fail = (message: string): SourceTable => ({ header: [], rows: [], errors: [{ row: null, column: null, message }] });
  if (text.length > MAX_IMPORT_BYTES) return fail("The file is larger than 10 MB: split it into smaller files.");
  const input = normaliseLineEnds(text.replace(/^\uFEFF/, ""));
  if (input.includes("\u0000")) return fail("This is not a CSV text file: save the spreadsheet as “CSV UTF-8” and try again.");
  if (input.trim() === "") return fail("The file is empty.");

  // A fixed comma: guessing the delimiter would misread reform_shifts' semicolons.
  const parsed = Papa.parse<string[]>(input, { delimiter: ",", skipEmptyLines: false });
  const [header = [], ...rows] = parsed.data;
  const errors: RowError[] = [];
  const unreadable = new Set<number>();
  for (const e of parsed.errors) {
    // Papaparse numbers its rows from 0, the header being its row 0.
    const row = typeof e.row === "number" ? e.row + 1 : null;
    if (row !== null && unreadable.has(row)) continue; // papaparse may report one bad row more than once
    if (row !== null) unreadable.add(row);
    errors.push({ row, column: null, message: QUOTE_MESSAGES[e.code] ?? e.message });
  }
  const table: SourceTable = { header, rows: [], errors };
  rows.forEach((cells, i) => {
    const row = i + 2;
    if (unreadable.has(row) || cells.every((c) => c.trim() === "")) return;
    if (cells.length !== header.length) {
      errors.push({
        row,
        column: null,
        message: `This row has ${cells.length} cells but the header has ${header.length}: check for a stray comma or quote.`,
      });
      return;
    }
    table.rows.push({ row, cells });
  });
  return table;
}

/** A read table → records keyed by the import's column names, under a mapping (default: the template's names). */
export function mapTable(table: SourceTable, mapping: ColumnMapping = exactMapping(table.header)): ParsedCsv {
  if (table.header.length === 0) return { records: [], errors: table.errors, notices: [] };
  const headerErrors = checkHeader(table.header, mapping);
  if (headerErrors.length) return { records: [], errors: headerErrors, notices: [] };
  const ignored = ignoredHeaders(table.header, mapping);
  const notices = ignored.length
    ? [
        `${plural(ignored.length, "column")} not imported: ${ignored.map((h) => `“${h}”`).join(", ")}. They are not fields of a case or measure.`,
      ]
    : [];
  const records: CsvRecord[] = table.rows.map(({ row, cells, percentCells }) => {
    const record = {} as Record<ColumnName, string>;
    mapping.forEach((name, j) => {
      if (name) record[name] = unescapeCell(cells[j] ?? "");
    });
    const percentColumns = percentCells?.map((j) => mapping[j]).filter((c): c is ColumnName => c != null);
    return percentColumns?.length ? { row, cells: record, percentColumns } : { row, cells: record };
  });
  const errors = [...table.errors];
  if (records.length === 0 && errors.length === 0) {
    errors.push({ row: null, column: null, message: "The file has a header but no rows under it." });
  }
  return { records, errors, notices };
}

export function parseCsvText(text: string, mapping?: ColumnMapping): ParsedCsv {
  const table = readCsvTable(text);
  return mapTable(table, mapping ?? exactMapping(table.header));
}
