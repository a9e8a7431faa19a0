import Papa from "papaparse";
import type { CaseInput } from "@/lib/schemas/case";
import { CASE_COLUMNS, EXPORT_COLUMNS, MEASURE_COLUMNS, type ExportColumnName } from "./columns";
import { escapeCell } from "./formula-escape";

// Cases → the import format (plus status, version, published_at), so that an
// exported file can be edited and imported again. CSV cells are escaped
// against formula injection; JSON keeps the exact values, since JSON is never
// opened as a spreadsheet.

export interface ExportCase {
  organisationSlug: string;
  status: "published" | "draft";
  /** The exported version's number; null when the content is an unpublished draft. */
  version: number | null;
  publishedAt: string | null;
  content: Omit<CaseInput, "organisationId">;
}

type Cell = string | number | null;
type CaseFieldValue = string | number | boolean | string[] | null | undefined;
export type ExportRow = Record<ExportColumnName, Cell>;

function cell(value: CaseFieldValue): Cell {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.join(";");
  if (typeof value === "boolean") return value ? "yes" : "no";
  return value;
}

function caseCells(c: ExportCase): Record<string, Cell> {
  const fields = c.content as unknown as Record<string, CaseFieldValue>;
  const out: Record<string, Cell> = {};
  for (const column of CASE_COLUMNS) out[column.name] = column.field ? cell(fields[column.field]) : c.organisationSlug;
  out.status = c.status;
  out.version = c.version;
  out.published_at = c.publishedAt;
  return out;
}

function measureCells(measure: Record<string, CaseFieldValue> | null): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const column of MEASURE_COLUMNS) out[column.name] = measure ? cell(measure[column.field]) : null;
  return out;
}

/** One row per measure; a case with no measures still gets one row, so it survives a round trip. */
export function caseToRows(c: ExportCase): ExportRow[] {
  const shared = caseCells(c);
  const measures = c.content.measures as unknown as Array<Record<string, CaseFieldValue>>;
  if (measures.length === 0) return [{ ...shared, ...measureCells(null) } as ExportRow];
  return measures.map((m) => ({ ...shared, ...measureCells(m) }) as ExportRow);
}

export function rowsToCsv(rows: Array<Partial<ExportRow>>, columns: readonly ExportColumnName[] = EXPORT_COLUMNS): string {
  const data = rows.map((row) => columns.map((column) => escapeCell(row[column])));
  // The byte-order mark makes Excel read the file as UTF-8 (“£”, “–”); the import strips it.
  return `\uFEFF${Papa.unparse({ fields: [...columns], data }, { newline: "\r\n", escapeFormulae: false })}\r\n`;
}

export function casesToCsv(cases: ExportCase[]): string {
  return rowsToCsv(cases.flatMap(caseToRows));
}

export function caseToJson(c: ExportCase) {
  const fields = c.content as unknown as Record<string, CaseFieldValue>;
  const out: Record<string, unknown> = {};
  for (const column of CASE_COLUMNS) out[column.name] = column.field ? (fields[column.field] ?? null) : c.organisationSlug;
  out.status = c.status;
  out.version = c.version;
  out.published_at = c.publishedAt;
  out.measures = (c.content.measures as unknown as Array<Record<string, CaseFieldValue>>).map((m) => {
    const measure: Record<string, unknown> = {};
    for (const column of MEASURE_COLUMNS) measure[column.name] = m[column.field] ?? null;
    return measure;
  });
  return out;
}
