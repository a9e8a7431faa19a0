// Test fixtures for the domain tests: a measure builder and the reference
// case of DOMAIN.md ("Integrated health & social care"). The first four
// measures are reported-only: no raw values, exactly as the source gives them.

import { PLAIN_BEFORE_AFTER } from "./evidence";
import type { EvidenceFigures } from "./evidence-types";
import type { MeasureFigures } from "./measure-types";

/** A measure with no figures and exact qualifiers; override what a test needs. */
export function measure(overrides: Partial<MeasureFigures> = {}): MeasureFigures {
  return {
    label: "Measure",
    unit: "count",
    rateBasis: null,
    direction: "lower_is_better",
    before: null,
    beforeQualifier: "exact",
    after: null,
    afterQualifier: "exact",
    reportedChange: null,
    reportedChangeBasis: "percent",
    reportedChangeQualifier: "exact",
    ...overrides,
  };
}

/** A measure with evidence fields at their defaults (a before/after figure); override what a test needs. */
export function evidenceMeasure(overrides: Partial<EvidenceFigures> = {}): EvidenceFigures {
  return { ...measure(), ...PLAIN_BEFORE_AFTER, ...overrides };
}

export const REFERENCE_CASE: MeasureFigures[] = [
  measure({ label: "Number of assessments", unit: "count", reportedChange: -64 }),
  measure({ label: "People involved end to end", unit: "count", reportedChange: -32 }),
  measure({ label: "Number of referrals", unit: "count", reportedChange: -41 }),
  measure({ label: "Total hours spent on the cases", unit: "hours", reportedChange: -14 }),
  measure({
    label: "Face-to-face time as % of total time",
    unit: "percent",
    direction: "higher_is_better",
    before: 46,
    after: 60,
    reportedChange: 14,
    reportedChangeBasis: "percentage_points",
  }),
  measure({
    label: "Demand returning into the system (failure demand)",
    unit: "percent",
    before: 71,
    after: 0,
    reportedChange: -71,
    reportedChangeBasis: "percentage_points",
  }),
];
