import { CHANGE_BASES, COMPARISON_KINDS, DESIGNS, DIRECTIONS, FINDING_DIRECTIONS, MEASURE_UNITS, QUALIFIERS } from "@/lib/schemas/measure";
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

const qualifierNote = `One of ${QUALIFIERS.join(", ")}; blank means exact. at_least and at_most include the figure (“at least 94%”), more_than and less_than do not (“more than £140m”).`;
const wordsNote = (what: string) =>
  `The ${what} figure as the source writes it in words or as a fraction, shown on the page beside the number, e.g. a third.`;
const flagNote = "yes or no; blank means no.";

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
    name: "reporting_organisation",
    level: "case",
    field: "reportingOrganisation",
    required: false,
    description: "Who published the source, if not the organisation itself, e.g. The Health Foundation.",
  },
  { name: "country", level: "case", field: "country", required: false, description: "Where the reform took place, e.g. England." },
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
    description:
      "What a figure is per, or the period it covers, shown after every value: per week, a year, over 8 months. Needed when the unit is rate.",
  },
  {
    name: "denominator",
    level: "measure",
    field: "denominator",
    required: false,
    description: "What a figure is out of, shown after the value: of 90 people, of all contacts.",
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
    description:
      "A change the source reports, signed: -64 for down 64%; under a comparison-group or difference-in-differences design, the estimate the source reports against the comparison group (-12 for 12% lower). Leave before and after blank when the source gives only this. Giving before, after and a reported change turns on the disagreement check: the page says when the reported change does not match the raw values.",
  },
  {
    name: "reported_change_basis",
    level: "measure",
    field: "reportedChangeBasis",
    required: false,
    description: `One of ${CHANGE_BASES.join(", ")}; blank means percent. absolute means in the measure's own unit, e.g. -400000 for “saved £400,000” (with rate_basis “a year”).`,
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
  {
    name: "notes",
    level: "measure",
    field: "notes",
    required: false,
    description: "Anything a reader should know about this figure; internal unless notes_public says yes.",
  },
  {
    name: "notes_public",
    level: "measure",
    field: "notesPublic",
    required: false,
    description: `Publish the notes beside the figure: ${flagNote} Notes are internal unless this says yes.`,
  },
  {
    name: "quote",
    level: "measure",
    field: "quote",
    required: false,
    description: "The source's own sentence for this figure, word for word.",
  },
  { name: "before_words", level: "measure", field: "beforeWords", required: false, description: wordsNote("before") },
  { name: "after_words", level: "measure", field: "afterWords", required: false, description: wordsNote("after") },
  {
    name: "reported_change_words",
    level: "measure",
    field: "reportedChangeWords",
    required: false,
    description: wordsNote("reported change's"),
  },
  {
    name: "design",
    level: "measure",
    field: "design",
    required: false,
    description: `How the figure was arrived at: one of ${DESIGNS.join(", ")}; blank means before_after. comparison_group: the reform group against a comparison group at follow-up; difference_in_differences: before and after for both.`,
    options: DESIGNS,
  },
  {
    name: "comparison_kind",
    level: "measure",
    field: "comparisonKind",
    required: false,
    description: `What the comparison group is: one of ${COMPARISON_KINDS.join(", ")}. Needed for comparison_group and difference_in_differences.`,
    options: COMPARISON_KINDS,
  },
  {
    name: "comparison_description",
    level: "measure",
    field: "comparisonDescription",
    required: false,
    description:
      "The comparison group as the source describes it, e.g. matched patients in neighbouring practices. Needed for comparison_group and difference_in_differences.",
  },
  {
    name: "comparison_before",
    level: "measure",
    field: "comparisonBefore",
    required: false,
    description: "The comparison group's before value (difference_in_differences only).",
  },
  {
    name: "comparison_after",
    level: "measure",
    field: "comparisonAfter",
    required: false,
    description:
      "The comparison group's value at follow-up. A difference_in_differences needs before, after, comparison_before and comparison_after, or the reported estimate.",
  },
  {
    name: "target",
    level: "measure",
    field: "target",
    required: false,
    description: "The target the value is set against (design against_target).",
  },
  {
    name: "ci_lower",
    level: "measure",
    field: "ciLower",
    required: false,
    description:
      "The lower end of the confidence interval the source gives for its reported estimate, signed like it: -19 for a 95% CI of 5–19% around a 12% fall.",
  },
  {
    name: "ci_upper",
    level: "measure",
    field: "ciUpper",
    required: false,
    description: "The upper end of the confidence interval; the reported estimate must lie between the two.",
  },
  {
    name: "ci_level",
    level: "measure",
    field: "ciLevel",
    required: false,
    description: "The confidence interval's level in per cent, 50 to 99.9; blank means 95.",
  },
  { name: "p_value", level: "measure", field: "pValue", required: false, description: "The p-value the source gives, 0 to 1." },
  {
    name: "comparison_sample_size",
    level: "measure",
    field: "comparisonSampleSize",
    required: false,
    description: "How many people or cases the comparison group has: a whole number.",
  },
  {
    name: "modelled",
    level: "measure",
    field: "modelled",
    required: false,
    description: `The figure is modelled or projected (cost avoided, counterfactual savings), not observed: ${flagNote}`,
  },
  {
    name: "finding_direction",
    level: "measure",
    field: "findingDirection",
    required: false,
    description: `What the source found, in words: one of ${FINDING_DIRECTIONS.join(", ")}. A finding with no number needs this and the quote.`,
    options: FINDING_DIRECTIONS,
  },
  {
    name: "measure_evidence_level",
    level: "measure",
    field: "evidenceLevel",
    required: false,
    description:
      "This figure's Maryland Scientific Methods Scale level, 1 to 5; blank follows its design (before_after at most 2, a matched comparison or difference-in-differences 3, randomised 5).",
  },
  {
    name: "measure_evidence_level_reason",
    level: "measure",
    field: "evidenceLevelReason",
    required: false,
    description: "Why the figure's level differs from its design's; needed when measure_evidence_level is set.",
  },
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
