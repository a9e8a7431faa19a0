// Public types of the SPC engine (XmR / individuals charts, NHS England
// "Making Data Count", following the NHS-R package NHSRplotthedots 0.2.x).
// Pure types: no framework, database or Node imports.

export type ImprovementDirection = "increase" | "decrease" | "neutral";

export interface SpcOptions {
  improvementDirection: ImprovementDirection;
  /** A single target, used for the assurance icon. null/undefined: no target. */
  target?: number | null;
  /**
   * 0-based indices where a new phase starts (e.g. the intervention). Limits are
   * recalculated and every rule is evaluated within each phase
   * (NHSRplotthedots: ptd_add_rebase_column + group_by(rebase_group)).
   * 0 is a no-op (a phase starts there anyway); indices past the end are
   * ignored with a note (PTD ignores rebase dates not in the data); duplicates
   * are collapsed; negative or non-integer indices throw.
   */
  rebaseAt?: number[];
  /** Shift/trend run length N (inclusive). Default 7 (PTD and the Excel tool); NHS England's SQL spec uses 6. */
  runLength?: number;
  /** Moving-range outlier screening (PTD `screen_outliers`), default true. false = the MDC Excel tool. */
  screenOutliers?: boolean;
  /**
   * Compute each phase's mean and limits from its first N points only
   * (PTD `fix_after_n_points`, which requires N >= 12). Applies per phase.
   */
  fixAfterNPoints?: number | null;
  /**
   * Phase minimum, default 12 (PTD ptd_add_short_group_warnings: a phase with
   * n < 12 points has trial limits). The whole chart needs one more point
   * (13 by default, the Making Data Count minimum in DOMAIN.md) before it is
   * read as an SPC chart rather than a run chart.
   */
  minimumPoints?: number;
}

export type PointType = "common_cause" | "special_cause_improvement" | "special_cause_concern" | "special_cause_neutral";

/**
 * Which side a special-cause signal is on: "high" (above the mean, beyond the
 * upper limit, an increasing trend) or "low"; null for common cause. Taken
 * from the one signal the point's type comes from (PTD precedence: beyond
 * limits > trend > two-in-three > shift), so a neutral-direction point keeps
 * its side (PTD special_cause_neutral_high / _low) and the H/L of the
 * variation icon agrees with the point's colour.
 */
export type SignalSide = "high" | "low" | null;

export interface SpecialCauseFlags {
  beyondLimits: boolean;
  shift: boolean;
  trend: boolean;
  twoInThree: boolean;
}

export interface SpcPoint {
  index: number;
  x: string; // ISO date, passed through
  y: number;
  /** 1-based phase number (PTD's rebase_group + 1). */
  phase: number;
  mean: number;
  lpl: number;
  upl: number;
  lower2Sigma: number;
  upper2Sigma: number;
  /** |y − previous y| within the phase; null for the first point of a phase. */
  movingRange: number | null;
  /** Whether this moving range went into the phase's mR̄ (baseline, not screened out). */
  movingRangeUsed: boolean;
  specialCause: SpecialCauseFlags;
  pointType: PointType;
  side: SignalSide;
}

export interface SpcPhase {
  phase: number;
  /** Inclusive 0-based index range. */
  start: number;
  end: number;
  mean: number;
  mrBar: number;
  lpl: number;
  upl: number;
  /** Fewer than `minimumPoints` points in the phase: the limits will move as points are added. */
  trialLimits: boolean;
  /** No usable limits (no usable moving range) or the whole chart is too short: draw as a run chart. */
  runChartOnly: boolean;
}

export type Assurance = "pass" | "fail" | "hit_and_miss" | "none";

export interface SpcResult {
  points: SpcPoint[];
  phases: SpcPhase[];
  /** Icon from the last point's type. */
  variation: PointType;
  /** The last point's signal side (the H/L of the variation icon). */
  variationSide: SignalSide;
  /**
   * "none" when there is no target, the direction is neutral, or the last
   * phase has a single point (no variation to judge the target against).
   */
  assurance: Assurance;
  notes: string[];
  /** Shift/trend run length used (needed by summariseSpc). Addition to the brief's API. */
  runLength: number;
}

export interface SpcSummaryOptions {
  unitLabel?: string;
  /** e.g. "a month". */
  intervalLabel?: string;
  interventionIndex?: number;
  /** How to name a point's date in a sentence ("March 2024", "2019/20"); default: the month and year of an ISO date. */
  dateLabel?: (x: string) => string;
}
