// Types for evidence designs (DOMAIN.md, "Evidence designs"). Pure types; the
// string unions match the Prisma enums of the same names.

import type { ChangeBasis, MeasureChange, MeasureFigures, Outcome, Qualifier } from "./measure-types";

/**
 * How a figure was arrived at:
 * before_after: the same service before and after (Maryland level 1–2);
 * comparison_group: the reform group against a comparison group at follow-up;
 * difference_in_differences: before and after for both the reform and the comparison;
 * against_target: a value set beside a target;
 * interrupted_time_series: a series with the intervention marked (the SPC series).
 */
export type Design = "before_after" | "comparison_group" | "difference_in_differences" | "against_target" | "interrupted_time_series";

export type ComparisonKind =
  "matched_control" | "synthetic_control" | "comparison_site" | "national_trend" | "regional_trend" | "randomised_control" | "other";

/** A finding as a source words it, with or without a number. */
export type FindingDirection = "improved" | "worsened" | "no_clear_difference" | "unclear";

/** The designs that compare the reform with a group that did not have it. */
export const CONTROLLED_DESIGNS: readonly Design[] = ["comparison_group", "difference_in_differences"];

/** Everything a measure records about how its figure was estimated. */
export interface EvidenceFields {
  design: Design;
  comparisonKind: ComparisonKind | null;
  /** The comparison group's values: before (DiD only) and at follow-up. */
  comparisonBefore: number | null;
  comparisonAfter: number | null;
  /** A target the after value is set against (design against_target). */
  target: number | null;
  /** The reported interval around the reported estimate, on its scale and signed like it. */
  ciLower: number | null;
  ciUpper: number | null;
  /** Confidence level in per cent (95 when an interval is given without one). */
  ciLevel: number | null;
  pValue: number | null;
  /** Modelled or projected (cost avoidance, counterfactual savings), not observed. */
  modelled: boolean;
  /** The source's verdict in words; required when there is no number. */
  findingDirection: FindingDirection | null;
  /** Maryland Scientific Methods Scale level set on the measure, or null for the default. */
  evidenceLevel: number | null;
}

export type EvidenceFigures = MeasureFigures & EvidenceFields;

/** What an estimate compares. */
export type Contrast = "over_time" | "vs_comparison" | "difference_in_differences" | "vs_target";

export interface Interval {
  lower: number;
  upper: number;
  level: number;
}

/** The headline estimate of a measure under its design. */
export interface Effect {
  contrast: Contrast;
  /** percent: relative difference; percentage_points; absolute: in the measure's unit. */
  basis: "percent" | "percentage_points" | "absolute";
  /** Signed: −12 = 12% lower / fewer / down. */
  value: number;
  /** Computed from the stored values, or as the source reports it. */
  source: "computed" | "reported";
  /** Size qualifier, as reportedChangeQualifier. */
  qualifier: Qualifier;
  /** The source did not say per cent or points (plotted as per cent, flagged). */
  basisUnspecified: boolean;
  /** As reported, never computed (DOMAIN.md: never compute an interval without the data). */
  interval: Interval | null;
  /** 100·ln(ratio) where the effect has a ratio scale, else null. */
  log: number | null;
  /** Interval on the log scale, when the interval is a per cent one. */
  logInterval: { lower: number; upper: number } | null;
}

export type PoolScale = "pp" | "log";

/**
 * pooled: value on the scale. Otherwise why the figure is listed apart:
 * zero_baseline / fell_to_zero: no ratio (DOMAIN.md: never +100% or ∞);
 * not_comparable: the scale cannot take it (per cent on a pp scale, values below 0, a target);
 * one_figure: a before or an after only;
 * small_baseline: a baseline under 5 or a rise over 500%: shown as an absolute change, pooled only on request;
 * absolute: an absolute difference ("saved £400,000"), listed, never pooled with relative changes;
 * words: a finding in words, counted, never turned into a number.
 */
export type PoolStatus =
  "pooled" | "zero_baseline" | "fell_to_zero" | "not_comparable" | "one_figure" | "small_baseline" | "absolute" | "words";

export interface Pooled {
  scale: PoolScale;
  status: PoolStatus;
  /** On the scale; also kept for small_baseline figures so they can be pooled on request. */
  value: number | null;
  /** The reported interval on the scale, when the pooled value came from the reported estimate. */
  lower: number | null;
  upper: number | null;
}

export interface Assessment {
  design: Design;
  /** The reform group's own change over time (before → after), as computeChange gives it. */
  change: MeasureChange;
  /** The headline estimate under the design, or null (one figure, words only). */
  effect: Effect | null;
  outcome: Outcome;
  wordsOnly: boolean;
  /** Led by the absolute change: a baseline under 5 (counts) or a rise over 500%. */
  smallBaseline: boolean;
  pool: Pooled;
  evidenceLevel: number;
  evidenceLevelFrom: "measure" | "design";
  /** Consistency problems worth telling a reader and the analyst (never errors in stored data). */
  warnings: Array<{ field: string; message: string }>;
}

export type { ChangeBasis };
