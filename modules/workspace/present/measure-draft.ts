// A measure as the editor holds it: every field a string, as the inputs give
// them. Apart from the editor (a client module) so that server code building
// the editor's initial values can read EMPTY_MEASURE itself: a value imported
// from a "use client" module is only a reference on the server.
import type { MeasureFormValues } from "@/lib/schemas/measure";

export type MeasureDraft = { [K in keyof MeasureFormValues]-?: string } & { key: string };

export const EMPTY_MEASURE: Omit<MeasureDraft, "key"> = {
  id: "",
  measureTypeKey: "",
  label: "",
  unit: "count",
  rateBasis: "",
  denominator: "",
  direction: "lower_is_better",
  before: "",
  beforeQualifier: "exact",
  beforeWording: "",
  beforeWords: "",
  after: "",
  afterQualifier: "exact",
  afterWording: "",
  afterWords: "",
  reportedChange: "",
  reportedChangeBasis: "percent",
  reportedChangeQualifier: "exact",
  reportedChangeWording: "",
  reportedChangeWords: "",
  beforePeriod: "",
  afterPeriod: "",
  sampleSize: "",
  design: "before_after",
  comparisonKind: "",
  comparisonDescription: "",
  comparisonBefore: "",
  comparisonAfter: "",
  target: "",
  ciLower: "",
  ciUpper: "",
  ciLevel: "",
  pValue: "",
  comparisonSampleSize: "",
  modelled: "",
  findingDirection: "",
  evidenceLevel: "",
  evidenceLevelReason: "",
  quote: "",
  sourceCitation: "",
  sourceUrl: "",
  notes: "",
  notesPublic: "",
};

/**
 * The fields behind a measure's "More about this figure" disclosure (issue 20):
 * everything but the essentials (type, name, unit and basis, direction,
 * before, after, the reported change, the periods and the source's sentence).
 */
export const MEASURE_DETAIL_FIELDS = [
  "design",
  "comparisonKind",
  "comparisonDescription",
  "comparisonBefore",
  "comparisonAfter",
  "target",
  "denominator",
  "beforeQualifier",
  "afterQualifier",
  "reportedChangeBasis",
  "reportedChangeQualifier",
  "ciLower",
  "ciUpper",
  "ciLevel",
  "pValue",
  "sampleSize",
  "comparisonSampleSize",
  "findingDirection",
  "beforeWording",
  "afterWording",
  "reportedChangeWording",
  "beforeWords",
  "afterWords",
  "reportedChangeWords",
  "sourceCitation",
  "sourceUrl",
  "evidenceLevel",
  "evidenceLevelReason",
  "modelled",
  "notes",
  "notesPublic",
] as const satisfies ReadonlyArray<keyof MeasureDraft>;

/**
 * Whether the disclosure starts open: when any field behind it holds something
 * other than its default, or has an error, so nothing entered or wrong is hidden.
 */
export function measureDetailsOpen(measure: Omit<MeasureDraft, "key">, hasError: (field: string) => boolean): boolean {
  return MEASURE_DETAIL_FIELDS.some((f) => (measure[f] ?? "").trim() !== EMPTY_MEASURE[f] || hasError(f));
}
