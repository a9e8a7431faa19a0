// The one list of a measure's stored fields, and the one mapping between the
// zod input (lib/schemas/measure.ts) and the stored row. The editor, the CSV
// import, the seed and the API all write measures through it; the readers of
// versions read them back through it; the bulk insert of an import builds its
// SQL from it. A field added to the schema is added here once.
//
// No "server-only" import: the seed scripts use it too. Nothing here does I/O.

import type { Prisma } from "@/lib/generated/prisma/client";
import type { MeasureInput } from "@/lib/schemas/measure";

type SqlType = "text" | "numeric" | "int" | "smallint" | "boolean" | `"${string}"`;

interface FieldSpec {
  /** The key in MeasureInput. */
  input: keyof MeasureInput;
  /** The field of the Prisma Measure model. */
  prisma: keyof Prisma.MeasureUncheckedCreateInput;
  /** The column in PostgreSQL, and its type for the bulk insert's casts. */
  column: string;
  sql: SqlType;
}

export const MEASURE_FIELDS = [
  { input: "label", prisma: "label", column: "label", sql: "text" },
  { input: "unit", prisma: "unit", column: "unit", sql: '"MeasureUnit"' },
  { input: "rateBasis", prisma: "rateBasis", column: "rate_basis", sql: "text" },
  { input: "denominator", prisma: "denominator", column: "denominator", sql: "text" },
  { input: "direction", prisma: "direction", column: "direction", sql: '"Direction"' },
  { input: "before", prisma: "beforeValue", column: "before_value", sql: "numeric" },
  { input: "beforeQualifier", prisma: "beforeQualifier", column: "before_qualifier", sql: '"Qualifier"' },
  { input: "beforeWording", prisma: "beforeWording", column: "before_wording", sql: "text" },
  { input: "beforeWords", prisma: "beforeWords", column: "before_words", sql: "text" },
  { input: "after", prisma: "afterValue", column: "after_value", sql: "numeric" },
  { input: "afterQualifier", prisma: "afterQualifier", column: "after_qualifier", sql: '"Qualifier"' },
  { input: "afterWording", prisma: "afterWording", column: "after_wording", sql: "text" },
  { input: "afterWords", prisma: "afterWords", column: "after_words", sql: "text" },
  { input: "reportedChange", prisma: "reportedChange", column: "reported_change", sql: "numeric" },
  { input: "reportedChangeBasis", prisma: "reportedChangeBasis", column: "reported_change_basis", sql: '"ChangeBasis"' },
  { input: "reportedChangeQualifier", prisma: "reportedChangeQualifier", column: "reported_change_qualifier", sql: '"Qualifier"' },
  { input: "reportedChangeWording", prisma: "reportedChangeWording", column: "reported_change_wording", sql: "text" },
  { input: "reportedChangeWords", prisma: "reportedChangeWords", column: "reported_change_words", sql: "text" },
  { input: "beforePeriod", prisma: "beforePeriod", column: "before_period", sql: "text" },
  { input: "afterPeriod", prisma: "afterPeriod", column: "after_period", sql: "text" },
  { input: "sampleSize", prisma: "sampleSize", column: "sample_size", sql: "int" },
  { input: "design", prisma: "design", column: "design", sql: '"MeasureDesign"' },
  { input: "comparisonKind", prisma: "comparisonKind", column: "comparison_kind", sql: '"ComparisonKind"' },
  { input: "comparisonDescription", prisma: "comparisonDescription", column: "comparison_description", sql: "text" },
  { input: "comparisonBefore", prisma: "comparisonBefore", column: "comparison_before", sql: "numeric" },
  { input: "comparisonAfter", prisma: "comparisonAfter", column: "comparison_after", sql: "numeric" },
  { input: "target", prisma: "target", column: "target", sql: "numeric" },
  { input: "ciLower", prisma: "ciLower", column: "ci_lower", sql: "numeric" },
  { input: "ciUpper", prisma: "ciUpper", column: "ci_upper", sql: "numeric" },
  { input: "ciLevel", prisma: "ciLevel", column: "ci_level", sql: "numeric" },
  { input: "pValue", prisma: "pValue", column: "p_value", sql: "numeric" },
  { input: "comparisonSampleSize", prisma: "comparisonSampleSize", column: "comparison_sample_size", sql: "int" },
  { input: "modelled", prisma: "modelled", column: "modelled", sql: "boolean" },
  { input: "findingDirection", prisma: "findingDirection", column: "finding_direction", sql: '"FindingDirection"' },
  { input: "evidenceLevel", prisma: "evidenceLevel", column: "evidence_level", sql: "smallint" },
  { input: "evidenceLevelReason", prisma: "evidenceLevelReason", column: "evidence_level_reason", sql: "text" },
  { input: "quote", prisma: "quote", column: "quote", sql: "text" },
  { input: "sourceCitation", prisma: "sourceCitation", column: "source_citation", sql: "text" },
  { input: "sourceUrl", prisma: "sourceUrl", column: "source_url", sql: "text" },
  { input: "notes", prisma: "notes", column: "notes", sql: "text" },
  { input: "notesPublic", prisma: "notesPublic", column: "notes_public", sql: "boolean" },
] as const satisfies readonly FieldSpec[];

type StoredField = (typeof MEASURE_FIELDS)[number]["prisma"];

/** Select every stored field of a measure (and nothing else). */
export const measureFieldsSelect = Object.fromEntries(MEASURE_FIELDS.map((field) => [field.prisma, true])) as {
  [K in StoredField]: true;
};

/** The stored fields as MeasureInput values, measure type and id aside. */
export type MeasureFields = Omit<MeasureInput, "id" | "measureTypeKey">;

/** The row data for Prisma (create or update) of one measure. */
export function toMeasureData(m: MeasureFields): Pick<Prisma.MeasureUncheckedCreateInput, StoredField> {
  const data: Record<string, unknown> = {};
  const values = m as Record<string, unknown>;
  for (const field of MEASURE_FIELDS) data[field.prisma] = values[field.input] ?? null;
  return data as Pick<Prisma.MeasureUncheckedCreateInput, StoredField>;
}

const isDecimal = (v: unknown): v is { toNumber(): number } =>
  v !== null && typeof v === "object" && "toNumber" in v && typeof (v as { toNumber: unknown }).toNumber === "function";

/** A stored measure row (selected with measureFieldsSelect) back as MeasureInput values. */
export function fromMeasureRow(row: Record<string, unknown>): MeasureFields {
  const out: Record<string, unknown> = {};
  for (const field of MEASURE_FIELDS) {
    const v = row[field.prisma];
    out[field.input] = isDecimal(v) ? v.toNumber() : (v ?? (field.sql === "boolean" ? false : null));
  }
  return out as MeasureFields;
}

/** Does a stored row already hold exactly these values? (One UPDATE per measure is the slow part of a save.) */
export function rowHolds(row: Record<string, unknown>, data: Record<string, unknown>): boolean {
  return Object.keys(data).every((key) => {
    const stored = row[key];
    const next = data[key];
    if (isDecimal(stored)) return next !== null && stored.toNumber() === next;
    return stored === next;
  });
}

/** The measure columns in MEASURE_FIELDS order, with their unnest casts, for INSERT … SELECT FROM unnest(…). */
export const MEASURE_COLUMNS_SQL = MEASURE_FIELDS.map((field) => ({ column: field.column, sql: field.sql, input: field.input }));
