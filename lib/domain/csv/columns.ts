import { CHANGE_BASES, DIRECTIONS, MEASURE_UNITS, QUALIFIERS } from "@/lib/schemas/measure";
import { REFORM_SHIFTS, SECTORS } from "@/lib/schemas/case";

// The CSV format for import and export: one row per measure, the case's own
// columns repeated on every row of the same case. The import page renders
// this list as the format's documentation, so each description is written for
// an analyst filling in the template.

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type ColumnLevel = "case" | "measure";

export interface ColumnSpec {
  name: string;
  level: ColumnLevel;
  /** The field of CaseInput / MeasureInput the column fills (null: resolved by the server). */
  field: string | null;
  required: boolean;
  description: string;
  /** Allowed values, for columns that take one of a fixed list. */
  options?: readonly string[];
}

const qualifierNote = `One of ${QUALIFIERS.join(", ")}; blank means exact.`;

export const COLUMNS = [
  {
    name: "case_slug",
    level: "case",
    field: "slug",
    required: true,
    description:
      "The case's web address, e.g. integrated-care-leeds. Rows with the same slug belong to one case; an existing case with this slug is updated.",
  },
  { name: "case_title", level: "case", field: "title", required: true, description: "The case study's title." },
  {
    name: "organisation_slug",
    level: "case",
    field: null,
    required: true,
    description: "The slug of the organisation the case belongs to. You can import only into organisations you may edit.",
  },
  { name: "sector", level: "case", field: "sector", required: true, description: `One of ${SECTORS.join(", ")}.`, options: SECTORS },
  {
    name: "approach_key",
    level: "case",
    field: "approachKey",
    required: false,
    description: "The approach's key from the library, e.g. human-learning-systems; blank if none.",
  },
  {
    name: "reform_shifts",
    level: "case",
    field: "reformShifts",
    required: false,
    description: `Any of ${REFORM_SHIFTS.join(", ")}, separated by semicolons.`,
    options: REFORM_SHIFTS,
  },
  {
    name: "intervention_date",
    level: "case",
    field: "interventionDate",
    required: false,
    description: "When the reform began, as YYYY-MM-DD.",
  },
  {
    name: "baseline_period",
    level: "case",
    field: "baselinePeriod",
    required: false,
    description: "The period the before figures describe, e.g. 2022–23.",
  },
  {
    name: "follow_up_period",
    level: "case",
    field: "followUpPeriod",
    required: false,
    description: "The period the after figures describe.",
  },
  {
    name: "case_source_citation",
    level: "case",
    field: "sourceCitation",
    required: true,
    description: "Who reported these figures, where and when.",
  },
  {
    name: "case_source_url",
    level: "case",
    field: "sourceUrl",
    required: false,
    description: "The source's web address, starting with https://.",
  },
  {
    name: "evidence_level",
    level: "case",
    field: "evidenceLevel",
    required: true,
    description: "Maryland Scientific Methods Scale, 1 (plain before/after) to 5 (randomised).",
  },
  {
    name: "case_summary",
    level: "case",
    field: "summary",
    required: false,
    description: "The case summary in Markdown. Line breaks are allowed inside a quoted cell.",
  },
  {
    name: "measure_type_key",
    level: "measure",
    field: "measureTypeKey",
    required: false,
    description:
      "The measure type's key from the library, e.g. failure-demand; blank for a custom measure. Measures are matched on re-import by this key, else by their label.",
  },
  { name: "measure_label", level: "measure", field: "label", required: true, description: "The measure's name as the case reports it." },
  {
    name: "unit",
    level: "measure",
    field: "unit",
    required: true,
    description: `One of ${MEASURE_UNITS.join(", ")}.`,
    options: MEASURE_UNITS,
  },
  {
    name: "rate_basis",
    level: "measure",
    field: "rateBasis",
    required: false,
    description: "What a rate is per, e.g. per week. Needed when the unit is rate.",
  },
  {
    name: "denominator",
    level: "measure",
    field: "denominator",
    required: false,
    description: "What a figure is out of, e.g. of all contacts.",
  },
  {
    name: "direction",
    level: "measure",
    field: "direction",
    required: true,
    description: `Which way is better: ${DIRECTIONS.join(", ")}.`,
    options: DIRECTIONS,
  },
  {
    name: "before",
    level: "measure",
    field: "before",
    required: false,
    description: "The before value as a plain number (46.5, 1240). Percentages are 0 to 100.",
  },
  {
    name: "before_qualifier",
    level: "measure",
    field: "beforeQualifier",
    required: false,
    description: qualifierNote,
    options: QUALIFIERS,
  },
  {
    name: "before_wording",
    level: "measure",
    field: "beforeWording",
    required: false,
    description: "The source's own words for the before figure, e.g. over 94%.",
  },
  { name: "after", level: "measure", field: "after", required: false, description: "The after value as a plain number." },
  { name: "after_qualifier", level: "measure", field: "afterQualifier", required: false, description: qualifierNote, options: QUALIFIERS },
  {
    name: "after_wording",
    level: "measure",
    field: "afterWording",
    required: false,
    description: "The source's own words for the after figure.",
  },
  {
    name: "reported_change",
    level: "measure",
    field: "reportedChange",
    required: false,
    description: "A change the source reports, signed: -64 for down 64%. Leave before and after blank when the source gives only this.",
  },
  {
    name: "reported_change_basis",
    level: "measure",
    field: "reportedChangeBasis",
    required: false,
    description: `One of ${CHANGE_BASES.join(", ")}; blank means percent.`,
    options: CHANGE_BASES,
  },
  {
    name: "reported_change_qualifier",
    level: "measure",
    field: "reportedChangeQualifier",
    required: false,
    description: qualifierNote,
    options: QUALIFIERS,
  },
  {
    name: "reported_change_wording",
    level: "measure",
    field: "reportedChangeWording",
    required: false,
    description: "The source's own words for the change, e.g. more than halved.",
  },
  {
    name: "before_period",
    level: "measure",
    field: "beforePeriod",
    required: false,
    description: "The period of this measure's before figure, if it differs from the case's.",
  },
  {
    name: "after_period",
    level: "measure",
    field: "afterPeriod",
    required: false,
    description: "The period of this measure's after figure.",
  },
  {
    name: "sample_size",
    level: "measure",
    field: "sampleSize",
    required: false,
    description: "How many people or cases the figure is based on: a whole number.",
  },
  {
    name: "measure_source_citation",
    level: "measure",
    field: "sourceCitation",
    required: false,
    description: "The measure's own source, if it differs from the case's.",
  },
  {
    name: "measure_source_url",
    level: "measure",
    field: "sourceUrl",
    required: false,
    description: "The measure's own source's web address.",
  },
  { name: "notes", level: "measure", field: "notes", required: false, description: "Anything a reader should know about this figure." },
] as const satisfies readonly ColumnSpec[];

export type ColumnName = (typeof COLUMNS)[number]["name"];

export const IMPORT_COLUMNS: readonly ColumnName[] = COLUMNS.map((c) => c.name);
export const CASE_COLUMNS = COLUMNS.filter((c) => c.level === "case");
export const MEASURE_COLUMNS = COLUMNS.filter((c) => c.level === "measure");

/** Written by the export and ignored by the import, so an exported file re-imports unchanged. */
export const EXPORT_ONLY_COLUMNS = [
  { name: "status", description: "Export only: the case's status, published or draft." },
  {
    name: "version",
    description: "Export only: the number of the published version in this row; blank when the row holds unpublished draft content.",
  },
  { name: "published_at", description: "Export only: when that version was published (UTC); blank for draft content." },
] as const;

export type ExportColumnName = ColumnName | (typeof EXPORT_ONLY_COLUMNS)[number]["name"];

export const EXPORT_COLUMNS: readonly ExportColumnName[] = [...IMPORT_COLUMNS, ...EXPORT_ONLY_COLUMNS.map((c) => c.name)];

export function columnSpec(name: string): ColumnSpec | undefined {
  return (COLUMNS as readonly ColumnSpec[]).find((c) => c.name === name);
}
