// Shared types for the change arithmetic (DOMAIN.md, "Change arithmetic").
// Pure types: no framework, database or Node imports. The string unions match
// the Prisma enums in prisma/schema.prisma, so a Prisma row's enum fields can
// be passed straight in (Decimal columns must be converted to number first).

export type MeasureUnit = "count" | "hours" | "days" | "weeks" | "months" | "money" | "percent" | "rate" | "ratio" | "score";
export type Direction = "lower_is_better" | "higher_is_better" | "neutral";
/**
 * How a source words a figure. at_least / at_most are inclusive bounds ("at
 * least 94%"), more_than / less_than strict ones ("more than £140m", "less
 * than a week"); about is an approximation.
 */
export type Qualifier = "exact" | "about" | "at_least" | "at_most" | "more_than" | "less_than";
/**
 * What a reported change (or estimate) is measured in: per cent (relative),
 * percentage points, an absolute difference in the measure's own unit ("saved
 * £400,000 a year", "90 fewer placements"), or unstated by the source.
 */
export type ChangeBasis = "percent" | "percentage_points" | "absolute" | "unspecified";

/** The figures of one measure, as stored (never back-calculated). */
export interface MeasureFigures {
  label: string;
  unit: MeasureUnit;
  /** "per week" for unit "rate"; shown after each value. */
  rateBasis?: string | null;
  direction: Direction;
  before: number | null;
  beforeQualifier: Qualifier;
  after: number | null;
  afterQualifier: Qualifier;
  /** Signed as reported: -64 = "down 64%" (or 64 pp, per reportedChangeBasis). */
  reportedChange: number | null;
  reportedChangeBasis: ChangeBasis;
  /**
   * Applies to the SIZE of the reported change, as sources word it:
   * "more than halved" = reportedChange -50, qualifier more_than.
   */
  reportedChangeQualifier: Qualifier;
}

/**
 * raw: both before and after present (a reported change, if any, is kept for
 *   the mismatch check only).
 * reported: no raw pair, but a reported change.
 * after_only / before_only: one raw value and no reported change.
 * none: no figures at all. DOMAIN.md says a measure needs at least one figure,
 *   so this is invalid input; it is handled (not thrown) so a page never crashes.
 */
export type ChangeKind = "raw" | "reported" | "after_only" | "before_only" | "none";

/**
 * Direction-aware result. "changed" = nonzero change on a neutral measure;
 * "no_clear_difference" = the source's interval spans no effect, its p-value
 * is 0.05 or more, or it says so in words.
 */
export type Outcome = "improved" | "worsened" | "no_change" | "changed" | "no_clear_difference" | "unknown";

/** Semantic colour token (NHS Making Data Count): blue, orange, grey. */
export type OutcomeColourToken = "improvement" | "concern" | "neutral";

export type HeadlineBasis = "percent" | "percentage_points" | "absolute";

/** What a chart bar plots for one measure. */
export interface Headline {
  value: number;
  basis: HeadlineBasis;
  /** The source did not say per cent or points; plotted as percent, flagged. */
  basisUnspecified: boolean;
}

export interface Mismatch {
  reported: number;
  /** The basis the source gave for the reported figure. */
  basis: ChangeBasis;
  /** The figure computed from the raw values that the reported one was compared with. */
  computed: number;
  computedBasis: "percent" | "percentage_points" | "absolute";
  message: string;
}

export interface MeasureChange {
  kind: ChangeKind;
  /** after − before in the measure's unit (for percent measures: the pp change). */
  absoluteChange: number | null;
  /** Percent-unit raw measures, or a reported pp change. */
  percentagePointChange: number | null;
  /** As a percentage (-64, 30.43…); null for a zero or negative baseline. */
  relativeChange: number | null;
  /** 100·ln(after/before); null when either is 0, negative or missing. */
  logChange: number | null;
  /** Where logChange came from: raw values, or derived from a reported % change. */
  logChangeSource: "raw" | "reported" | null;
  zeroBaseline: boolean;
  /** A raw value below 0: no ratio scale, so no relative or log change. */
  negativeValues: boolean;
  headline: Headline | null;
  outcome: Outcome;
  reportedOnly: boolean;
  lowerConfidence: boolean;
  /** The change rests on a non-exact (about / at least / at most) figure. */
  approximate: boolean;
  /**
   * Qualifier of the change's SIZE (same convention as reportedChangeQualifier):
   * "at_least" on -33.3% means "a fall of at least 33.3%". null when no change.
   */
  changeQualifier: Qualifier | null;
  /** Reported change with basis "unspecified" (also on headline). */
  basisUnspecified: boolean;
  mismatch: Mismatch | null;
}
