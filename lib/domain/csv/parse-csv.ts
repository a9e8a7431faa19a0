import Papa from "papaparse";
import { COLUMNS, EXPORT_ONLY_COLUMNS, IMPORT_COLUMNS, MAX_IMPORT_BYTES, type ColumnName } from "./columns";
import type { RowError } from "./row-errors";
import { unescapeCell } from "./formula-escape";

// CSV text → one record per data row, keyed by column name. Papaparse does the
// quoting rules (quoted commas, doubled quotes, line breaks inside quotes);
// this module adds what an analyst's file needs: a byte-order mark from Excel's
// "CSV UTF-8", header checks that name the missing and unknown columns, blank
// rows skipped, and spreadsheet row numbers for every message.

export interface CsvRecord {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  cells: Record<ColumnName, string>;
}

export interface ParsedCsv {
  records: CsvRecord[];
  /** File-level problems (row null) and rows that could not be read. */
  errors: RowError[];
}

const IGNORED = new Set<string>(EXPORT_ONLY_COLUMNS.map((c) => c.name));
const KNOWN = new Set<string>(IMPORT_COLUMNS);
const REQUIRED_COLUMNS: readonly string[] = COLUMNS.filter((c) => c.required).map((c) => c.name);

export function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase();
}

/** Checks the header row; returns file-level errors naming missing, unknown or repeated columns. */
export function checkHeader(rawHeader: string[]): RowError[] {
  const header = rawHeader.map(normaliseHeader);
  const errors: RowError[] = [];
  if (header.length === 1 && header[0]!.includes(";") && header[0]!.includes("case_slug")) {
    return [
      {
        row: 1,
        column: null,
        message: "The columns are separated by semicolons: save the file as “CSV UTF-8 (comma delimited)” and try again.",
      },
    ];
  }
  // Optional columns may be left out (a file made before a column existed still imports).
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  const recognised = header.filter((h) => KNOWN.has(h));
  const unknown = header.filter((h) => h !== "" && !KNOWN.has(h) && !IGNORED.has(h));
  const repeated = [...new Set(header.filter((h, i) => h !== "" && header.indexOf(h) !== i))];
  if (recognised.length === 0) {
    return [
      {
        row: 1,
        column: null,
        message:
          "This does not look like a Reform Metrics CSV: the first row must be the column names from the template (case_slug, case_title, …).",
      },
    ];
  }
  if (missing.length)
    errors.push({
      row: 1,
      column: null,
      message: `The file is missing ${plural(missing.length, "column")}: ${missing.join(", ")}. They are required; download the template for the full list.`,
    });
  if (unknown.length)
    errors.push({
      row: 1,
      column: null,
      message: `${plural(unknown.length, "column")} not recognised: ${unknown.join(", ")}. Check the spelling against the template.`,
    });
  if (repeated.length)
    errors.push({ row: 1, column: null, message: `${plural(repeated.length, "column")} appear more than once: ${repeated.join(", ")}.` });
  return errors;
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

export function parseCsvText(text: string): ParsedCsv {
  if (text.length > MAX_IMPORT_BYTES) {
    return { records: [], errors: [{ row: null, column: null, message: "The file is larger than 10 MB: split it into smaller files." }] };
  }
  const input = normaliseLineEnds(text.replace(/^\uFEFF/, ""));
  if (input.includes("\u0000")) {
    return {
      records: [],
      errors: [{ row: null, column: null, message: "This is not a CSV text file: save the spreadsheet as “CSV UTF-8” and try again." }],
    };
  }
  if (input.trim() === "") return { records: [], errors: [{ row: null, column: null, message: "The file is empty." }] };

  // A fixed comma: guessing the delimiter would misread reform_shifts' semicolons.
  const parsed = Papa.parse<string[]>(input, { delimiter: ",", skipEmptyLines: false });
  const [header = [], ...rows] = parsed.data;
  const headerErrors = checkHeader(header);
  if (headerErrors.length) return { records: [], errors: headerErrors };

  const names = header.map(normaliseHeader);
  const errors: RowError[] = [];
  const unreadable = new Set<number>();
  for (const e of parsed.errors) {
    // Papaparse numbers its rows from 0, the header being its row 0.
    const row = typeof e.row === "number" ? e.row + 1 : null;
    if (row !== null && unreadable.has(row)) continue; // papaparse may report one bad row more than once
    if (row !== null) unreadable.add(row);
    errors.push({ row, column: null, message: QUOTE_MESSAGES[e.code] ?? e.message });
  }
  const records: CsvRecord[] = [];
  rows.forEach((cells, i) => {
    const row = i + 2;
    if (unreadable.has(row) || cells.every((c) => c.trim() === "")) return;
    if (cells.length !== names.length) {
      errors.push({
        row,
        column: null,
        message: `This row has ${cells.length} cells but the header has ${names.length}: check for a stray comma or quote.`,
      });
      return;
    }
    const record = {} as Record<ColumnName, string>;
    names.forEach((name, j) => {
      if (KNOWN.has(name)) record[name as ColumnName] = unescapeCell(cells[j]!);
    });
    records.push({ row, cells: record });
  });
  if (records.length === 0 && errors.length === 0) {
    errors.push({ row: null, column: null, message: "The file has a header but no rows under it." });
  }
  return { records, errors };
}
