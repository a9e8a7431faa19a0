import "server-only";
import {
  detectPercentFractions,
  exactMapping,
  mapTable,
  readCsvTable,
  scalePercentFractions,
  type ColumnMapping,
  type ParsedCsv,
  type PercentAnswer,
  type PercentFractions,
  type SourceTable,
} from "@/lib/domain/csv";
import { decodeCsvBytes } from "@/lib/domain/csv/decode";
import { isXlsx, readXlsxTable, XlsxReadError } from "@/lib/xlsx/read-xlsx";

// An uploaded file (CSV or .xlsx) → the records the import checks. Both
// formats become one SourceTable; the analyst's column mapping and their
// answer about percentages stored as fractions are applied here, the same way
// for the preview and for the commit (which reads the file again).

export type ImportFileKind = "csv" | "xlsx";

export interface ImportOptions {
  /** The .xlsx sheet to read; the first when not given. */
  sheet?: string | null;
  /** One field per header (null: ignored); the template's names when not given. */
  mapping?: ColumnMapping | null;
  /** What figures between 0 and 1 of percentage measures mean, once asked. */
  percent?: PercentAnswer | null;
}

export interface ReadFile {
  kind: ImportFileKind;
  sheets: string[];
  sheet: string | null;
  table: SourceTable;
  /** How a CSV file's characters were read, when it was not plain UTF-8. */
  notice: string | null;
}

export interface PreparedImport {
  parsed: ParsedCsv;
  /** Rows whose percentages look like fractions; the question is open while `percent` is not given. */
  percentFractions: PercentFractions | null;
}

export async function readImportFile(bytes: Uint8Array, sheet?: string | null): Promise<ReadFile> {
  if (isXlsx(bytes)) {
    try {
      const book = await readXlsxTable(bytes, sheet);
      return { kind: "xlsx", sheets: book.sheets, sheet: book.sheet, table: book.table, notice: null };
    } catch (error) {
      if (!(error instanceof XlsxReadError)) throw error;
      return fileError("xlsx", error.message);
    }
  }
  // The encoding is worked out, not assumed (decode.ts): Windows-1252 and UTF-16 files are read and said.
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return fileError("csv", `${decoded.message} Nothing was imported.`);
  return { kind: "csv", sheets: [], sheet: null, table: readCsvTable(decoded.text), notice: decoded.notice };
}

function fileError(kind: ImportFileKind, message: string): ReadFile {
  return { kind, sheets: [], sheet: null, table: { header: [], rows: [], errors: [{ row: null, column: null, message }] }, notice: null };
}

export function prepareRecords(table: SourceTable, options: ImportOptions = {}): PreparedImport {
  const mapping = options.mapping && options.mapping.length === table.header.length ? options.mapping : exactMapping(table.header);
  const parsed = mapTable(table, mapping);
  const percentFractions = detectPercentFractions(parsed.records);
  if (percentFractions && options.percent === "fractions") {
    return { parsed: { ...parsed, records: scalePercentFractions(parsed.records, percentFractions) }, percentFractions };
  }
  return { parsed, percentFractions };
}
