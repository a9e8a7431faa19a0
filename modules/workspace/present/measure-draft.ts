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
