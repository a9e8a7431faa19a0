import type { z } from "zod";
import { caseFieldsSchema, MAX_MEASURES } from "@/lib/schemas/case";
import { measureInputSchema, type MeasureInput } from "@/lib/schemas/measure";
import { findDuplicateMeasures } from "@/lib/domain/duplicate-measures";
import { CASE_COLUMNS, MEASURE_COLUMNS, type ColumnName, type ColumnSpec } from "./columns";
import type { CsvRecord } from "./parse-csv";
import type { RowError } from "./row-errors";

// CSV records → cases and measures in the shapes the editor produces, checked
// by the same zod schemas as the editor, so a figure the form would refuse is
// refused here with the same words. The organisation is given by slug and
// resolved (and permission-checked) by the data layer.

/** The case's own fields; organisationId comes from organisation_slug later. */
export const importCaseFieldsSchema = caseFieldsSchema.omit({ organisationId: true });
export type ImportCaseFields = z.infer<typeof importCaseFieldsSchema>;

export interface ImportedMeasure {
  row: number;
  input: MeasureInput;
}

export interface ImportedCase {
  slug: string;
  organisationSlug: string;
  /** Every row of the case, in file order. */
  rows: number[];
  /** The validated case fields; null when the case's own columns have errors. */
  fields: ImportCaseFields | null;
  measures: ImportedMeasure[];
  hasErrors: boolean;
}

export interface MappedImport {
  rowCount: number;
  cases: ImportedCase[];
  errors: RowError[];
}

const FIELD_TO_CASE_COLUMN = new Map<string, ColumnSpec>(CASE_COLUMNS.filter((c) => c.field).map((c) => [c.field!, c]));
const FIELD_TO_MEASURE_COLUMN = new Map<string, ColumnSpec>(MEASURE_COLUMNS.filter((c) => c.field).map((c) => [c.field!, c]));

/** "Lower is better", "lower-is-better" and "lower_is_better" all mean lower_is_better. */
function normaliseOption(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

function splitList(cell: string): string[] {
  return cell.split(";").map(normaliseOption).filter(Boolean);
}

/** A cell as the schema expects it: blank option cells are left out so the schema's default applies. */
function schemaValue(column: ColumnSpec, cell: string): unknown {
  if (column.name === "reform_shifts") return splitList(cell);
  if (column.options) return cell.trim() === "" ? undefined : normaliseOption(cell);
  return cell;
}

function toSchemaInput(columns: readonly ColumnSpec[], cells: Record<ColumnName, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const column of columns) {
    if (column.field) input[column.field] = schemaValue(column, cells[column.name as ColumnName] ?? "");
  }
  return input;
}

function issuesToErrors(row: number, error: z.ZodError, columns: Map<string, ColumnSpec>, cells: Record<ColumnName, string>): RowError[] {
  return error.issues.map((issue) => {
    const column = columns.get(String(issue.path[0] ?? ""));
    if (!column) return { row, column: null, message: issue.message };
    const cell = (cells[column.name as ColumnName] ?? "").trim();
    // The schema's words for a form's drop-down ("Choose a unit") become a list of what the cell may say.
    const message =
      column.options && cell !== "" && issue.code === "invalid_value"
        ? `“${column.name === "reform_shifts" ? splitList(cell)[Number(issue.path[1])] : cell}” is not allowed here: use one of ${column.options.join(", ")}`
        : issue.message;
    return { row, column: column.name, message };
  });
}

/** What must agree across the rows of one case, compared as the schema will read it. */
function caseSignature(cells: Record<ColumnName, string>): Map<string, string> {
  const signature = new Map<string, string>();
  for (const column of CASE_COLUMNS) {
    const cell = cells[column.name] ?? "";
    const value =
      column.name === "reform_shifts" ? splitList(cell).sort().join(";") : "options" in column ? normaliseOption(cell) : cell.trim();
    signature.set(column.name, value);
  }
  return signature;
}

function isMeasureBlank(cells: Record<ColumnName, string>): boolean {
  return MEASURE_COLUMNS.every((c) => (cells[c.name] ?? "").trim() === "");
}

interface Group {
  first: CsvRecord;
  signature: Map<string, string>;
  imported: ImportedCase;
}

export function mapRecordsToCases(records: CsvRecord[]): MappedImport {
  const errors: RowError[] = [];
  const groups = new Map<string, Group>();
  const rowsWithErrors = new Set<number>();
  const fail = (e: RowError) => {
    errors.push(e);
    if (e.row !== null) rowsWithErrors.add(e.row);
  };

  for (const record of records) {
    const slug = record.cells.case_slug.trim();
    if (slug === "") {
      fail({ row: record.row, column: "case_slug", message: "Enter the case's web address (slug): rows are grouped into cases by it" });
      continue;
    }
    let group = groups.get(slug);
    if (!group) {
      group = {
        first: record,
        signature: caseSignature(record.cells),
        imported: { slug, organisationSlug: record.cells.organisation_slug.trim(), rows: [], fields: null, measures: [], hasErrors: false },
      };
      groups.set(slug, group);
      const fields = importCaseFieldsSchema.safeParse(toSchemaInput(CASE_COLUMNS, record.cells));
      if (fields.success) group.imported.fields = fields.data;
      else issuesToErrors(record.row, fields.error, FIELD_TO_CASE_COLUMN, record.cells).forEach(fail);
      if (group.imported.organisationSlug === "") {
        fail({ row: record.row, column: "organisation_slug", message: "Enter the slug of the organisation the case belongs to" });
      }
    } else {
      for (const [column, value] of caseSignature(record.cells)) {
        if (value !== group.signature.get(column)) {
          fail({
            row: record.row,
            column,
            message: `Differs from row ${group.first.row} of the same case: a case's own columns must be the same on every row of that case`,
          });
        }
      }
    }
    group.imported.rows.push(record.row);

    if (isMeasureBlank(record.cells)) continue; // a case with no measures (yet)
    const measure = measureInputSchema.safeParse(toSchemaInput(MEASURE_COLUMNS, record.cells));
    if (!measure.success) {
      issuesToErrors(record.row, measure.error, FIELD_TO_MEASURE_COLUMN, record.cells).forEach(fail);
      continue;
    }
    group.imported.measures.push({ row: record.row, input: measure.data });
    if (group.imported.measures.length === MAX_MEASURES + 1) {
      fail({ row: record.row, column: null, message: `A case can have at most ${MAX_MEASURES} measures: split it or remove some` });
    }
  }

  for (const { imported } of groups.values()) {
    for (const d of findDuplicateMeasures(imported.measures.map((m) => m.input))) {
      const [row, firstRow] = [imported.measures[d.index]!.row, imported.measures[d.firstIndex]!.row];
      fail({
        row,
        column: "measure_label",
        message: `This row repeats row ${firstRow} (the same measure with the same figures in the same case): delete the repeated row`,
      });
    }
  }

  const cases = [...groups.values()].map(({ imported }) => ({
    ...imported,
    hasErrors: imported.fields === null || imported.rows.some((r) => rowsWithErrors.has(r)),
  }));
  return { rowCount: records.length, cases, errors };
}
