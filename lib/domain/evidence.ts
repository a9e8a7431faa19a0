// Evidence designs: what a figure estimates and how sure we can be of it
// (DOMAIN.md, "Evidence designs"). Pure: no framework, database or Node
// imports. Nothing is invented: an interval is only ever the source's, a
// finding in words never becomes a number, and an absolute saving is never
// pooled with relative changes.

import { classifyDirection, computeChange, rawChangeQualifier } from "./change";
import type {
  Assessment,
  EvidenceFields,
  ComparisonKind,
  Design,
  Effect,
  EvidenceFigures,
  FindingDirection,
  Interval,
  PoolScale,
  Pooled,
  PoolStatus,
} from "./evidence-types";
import type { MeasureChange, MeasureUnit, Outcome, Qualifier } from "./measure-types";
import { scaleForUnit } from "./pooling";

export type * from "./evidence-types";
export { CONTROLLED_DESIGNS } from "./evidence-types";

/** The evidence fields of a plain before/after figure with nothing else recorded. */
export const PLAIN_BEFORE_AFTER = {
  design: "before_after",
  comparisonKind: null,
  comparisonBefore: null,
  comparisonAfter: null,
  target: null,
  ciLower: null,
  ciUpper: null,
  ciLevel: null,
  pValue: null,
  modelled: false,
  findingDirection: null,
  evidenceLevel: null,
} as const satisfies EvidenceFields;

/** The confidence level assumed when a source gives an interval without one. */
export const DEFAULT_CI_LEVEL = 95;
/** p at or above this, with no interval, reads as no clear difference. */
export const SIGNIFICANCE = 0.05;
/** DOMAIN.md / issue 16: above this rise, or below this baseline (counts), lead with the absolute change. */
export const SMALL_BASELINE = { maxRelative: 500, minCountBaseline: 5 } as const;

const finite = (n: number | null | undefined): n is number => typeof n === "number" && Number.isFinite(n);

/** 100·ln(1 + p/100): a per cent change on the symmetric log scale; null at or below −100%. */
export function percentToLog(percent: number): number | null {
  return percent > -100 ? 100 * Math.log(1 + percent / 100) : null;
}

/** Relative difference (reform − comparison) ÷ comparison, in per cent; null without a positive comparison. */
export function relativeDifference(reform: number, comparison: number): number | null {
  return comparison > 0 && reform >= 0 ? ((reform - comparison) / comparison) * 100 : null;
}

/** Difference-in-differences for percentages: (A₁ − A₀) − (C₁ − C₀), in percentage points. */
export function differenceInDifferencesPoints(a0: number, a1: number, c0: number, c1: number): number {
  return a1 - a0 - (c1 - c0);
}

/**
 * Difference-in-differences for counts, time and money: the ratio of ratios
 * (A₁/A₀) ÷ (C₁/C₀). Shown as (ratio − 1) × 100 %, pooled as 100·ln(ratio),
 * which equals the reform's log change minus the comparison's. null when a
 * value is 0 or below (no ratio).
 */
export function ratioOfRatios(a0: number, a1: number, c0: number, c1: number): number | null {
  if (!(a0 > 0 && a1 > 0 && c0 > 0 && c1 > 0)) return null;
  return a1 / a0 / (c1 / c0);
}

/**
 * The default Maryland Scientific Methods Scale level of a figure from its
 * design and its case's level: a plain before/after cannot rate above 2
 * whatever the case says; a matched or synthetic comparison, or a
 * difference-in-differences, rates 3; a randomised control 5; an unmatched
 * comparison site or a national or regional trend 2; an interrupted time
 * series 2 to 3 (stronger than two points, weaker than a control).
 */
export function defaultEvidenceLevel(design: Design, kind: ComparisonKind | null, caseLevel: number): number {
  const level = Math.min(5, Math.max(1, Math.round(caseLevel)));
  switch (design) {
    case "before_after":
    case "against_target":
      return Math.min(level, 2);
    case "interrupted_time_series":
      return Math.min(Math.max(level, 2), 3);
    case "comparison_group":
      if (kind === "randomised_control") return 5;
      return kind === "matched_control" || kind === "synthetic_control" ? 3 : 2;
    case "difference_in_differences":
      return kind === "randomised_control" ? 5 : 3;
  }
}

/** The source's interval, when both bounds are given. */
function intervalOf(m: EvidenceFigures): Interval | null {
  if (!finite(m.ciLower) || !finite(m.ciUpper)) return null;
  return { lower: m.ciLower, upper: m.ciUpper, level: finite(m.ciLevel) ? m.ciLevel : DEFAULT_CI_LEVEL };
}

function hasNumbers(m: EvidenceFigures): boolean {
  return [m.before, m.after, m.reportedChange, m.comparisonBefore, m.comparisonAfter].some(finite);
}

/** The reported estimate as an Effect (its basis, qualifier and interval as the source gives them). */
function reportedEffect(m: EvidenceFigures, contrast: Effect["contrast"], r: number): Effect {
  const basis = m.reportedChangeBasis === "unspecified" ? "percent" : m.reportedChangeBasis;
  const interval = intervalOf(m);
  const log = basis === "percent" ? percentToLog(r) : null;
  const lo = interval && basis === "percent" ? percentToLog(interval.lower) : null;
  const hi = interval && basis === "percent" ? percentToLog(interval.upper) : null;
  return {
    contrast,
    basis,
    value: r,
    source: "reported",
    qualifier: m.reportedChangeQualifier,
    basisUnspecified: m.reportedChangeBasis === "unspecified",
    interval,
    log,
    logInterval: lo !== null && hi !== null ? { lower: lo, upper: hi } : null,
  };
}

function computedEffect(contrast: Effect["contrast"], basis: Effect["basis"], value: number, log: number | null, q: Qualifier): Effect {
  return { contrast, basis, value, source: "computed", qualifier: q, basisUnspecified: false, interval: null, log, logInterval: null };
}

/** A difference between the reform's value and another (a comparison group's or a target). */
function differenceEffect(unit: MeasureUnit, contrast: Effect["contrast"], reform: number, other: number, q: Qualifier): Effect {
  const log = reform > 0 && other > 0 ? 100 * Math.log(reform / other) : null;
  if (unit === "percent") return computedEffect(contrast, "percentage_points", reform - other, log, q);
  const relative = relativeDifference(reform, other);
  if (relative !== null) return computedEffect(contrast, "percent", relative, log, q);
  return computedEffect(contrast, "absolute", reform - other, null, q);
}

/** The over-time effect of a before/after measure, from its change. */
function overTimeEffect(m: EvidenceFigures, c: MeasureChange): Effect | null {
  const r = m.reportedChange;
  // The interval belongs to the reported figure: with one, the reported figure leads.
  if (finite(r) && (c.kind === "reported" || intervalOf(m) !== null)) return reportedEffect(m, "over_time", r);
  if (c.kind !== "raw" || !c.headline) return null;
  return computedEffect("over_time", c.headline.basis, c.headline.value, c.logChange, c.changeQualifier ?? "exact");
}

/** The headline estimate of a measure under its design, or null. */
export function estimateEffect(m: EvidenceFigures, change: MeasureChange = changeOverTime(m)): Effect | null {
  const r = m.reportedChange;
  switch (m.design) {
    case "before_after":
    case "interrupted_time_series":
      return overTimeEffect(m, change);
    case "comparison_group": {
      // An evaluation's own (often adjusted) estimate beats a raw ratio of the two groups.
      if (finite(r)) return reportedEffect(m, "vs_comparison", r);
      if (!finite(m.after) || !finite(m.comparisonAfter)) return null;
      const q = rawChangeQualifier({ beforeQualifier: "exact", afterQualifier: m.afterQualifier }, m.after - m.comparisonAfter);
      return differenceEffect(m.unit, "vs_comparison", m.after, m.comparisonAfter, q);
    }
    case "difference_in_differences": {
      if (finite(r)) return reportedEffect(m, "difference_in_differences", r);
      const [a0, a1, c0, c1] = [m.before, m.after, m.comparisonBefore, m.comparisonAfter];
      if (!finite(a0) || !finite(a1) || !finite(c0) || !finite(c1)) return null;
      const q: Qualifier = m.beforeQualifier === "exact" && m.afterQualifier === "exact" ? "exact" : "about";
      if (m.unit === "percent") {
        return computedEffect("difference_in_differences", "percentage_points", differenceInDifferencesPoints(a0, a1, c0, c1), null, q);
      }
      const ratio = ratioOfRatios(a0, a1, c0, c1);
      if (ratio === null) return null;
      return computedEffect("difference_in_differences", "percent", (ratio - 1) * 100, 100 * Math.log(ratio), q);
    }
    case "against_target": {
      if (finite(r)) return reportedEffect(m, "vs_target", r);
      if (!finite(m.after) || !finite(m.target)) return null;
      const q = rawChangeQualifier({ beforeQualifier: "exact", afterQualifier: m.afterQualifier }, m.after - m.target);
      return differenceEffect(m.unit, "vs_target", m.after, m.target, q);
    }
  }
}

/**
 * The reform group's own change over time. Under a controlled design or a
 * target the reported figure is the estimate of that design, not a change
 * over time, so it is left out here (and out of the mismatch check).
 */
export function changeOverTime(m: EvidenceFigures): MeasureChange {
  const overTime = m.design === "before_after" || m.design === "interrupted_time_series";
  return computeChange(overTime ? m : { ...m, reportedChange: null });
}

const FINDING_OUTCOME: Record<FindingDirection, Outcome> = {
  improved: "improved",
  worsened: "worsened",
  no_clear_difference: "no_clear_difference",
  unclear: "unknown",
};

/** Does the interval include no effect (0)? */
function spansZero(i: Interval): boolean {
  return i.lower <= 0 && i.upper >= 0;
}

function effectOutcome(m: EvidenceFigures, e: Effect): Outcome {
  const byDirection = classifyDirection(m.direction, e.value);
  if (e.interval) return spansZero(e.interval) ? "no_clear_difference" : byDirection;
  if (e.source === "reported" && finite(m.pValue) && m.pValue >= SIGNIFICANCE) return "no_clear_difference";
  return byDirection;
}

/** A baseline under 5 (counts) or a rise over 500%: the relative figure misleads a reader. */
export function isSmallBaseline(m: { unit: MeasureUnit }, c: MeasureChange): boolean {
  if (c.kind !== "raw" || m.unit === "percent" || c.relativeChange === null) return false;
  const before = c.absoluteChange !== null && c.relativeChange !== 0 ? (c.absoluteChange * 100) / c.relativeChange : null;
  const smallCount = m.unit === "count" && before !== null && before > 0 && before < SMALL_BASELINE.minCountBaseline;
  return smallCount || c.relativeChange > SMALL_BASELINE.maxRelative;
}

function pool(
  m: EvidenceFigures,
  a: Omit<Assessment, "pool" | "evidenceLevel" | "evidenceLevelFrom" | "warnings">,
  scale: PoolScale,
): Pooled {
  const out = (status: PoolStatus, value: number | null = null, lower: number | null = null, upper: number | null = null): Pooled => ({
    scale,
    status,
    value,
    lower,
    upper,
  });
  const e = a.effect;
  if (a.wordsOnly) return out("words");
  if (!e) return out("one_figure");
  if (m.design === "against_target") return out("not_comparable"); // a target is not what would have happened otherwise
  const c = a.change;
  if (e.source === "computed" && e.contrast === "over_time") {
    if (c.negativeValues) return out("not_comparable");
    if (scale === "log" && c.zeroBaseline) return out("zero_baseline");
  }
  if (e.basis === "absolute") return out("absolute");
  if (e.basisUnspecified) return out("not_comparable");
  let pooled: Pooled;
  if (scale === "pp") {
    if (e.basis !== "percentage_points") return out("not_comparable");
    pooled = out("pooled", e.value, e.interval?.lower ?? null, e.interval?.upper ?? null);
  } else {
    if (e.basis !== "percent") return out("not_comparable");
    if (e.log === null) return out("fell_to_zero");
    pooled = out("pooled", e.log, e.logInterval?.lower ?? null, e.logInterval?.upper ?? null);
  }
  return a.smallBaseline ? { ...pooled, status: "small_baseline" } : pooled;
}

/** Consistency problems of stored figures (the forms refuse most of these; imports and old data may have them). */
export function consistencyWarnings(m: EvidenceFigures, a: Pick<Assessment, "change" | "effect" | "outcome">): Assessment["warnings"] {
  const warnings: Assessment["warnings"] = [];
  const i = intervalOf(m);
  if (i && !finite(m.reportedChange)) {
    warnings.push({ field: "ciLower", message: "The interval has no reported estimate beside it." });
  } else if (i && finite(m.reportedChange) && (m.reportedChange < i.lower || m.reportedChange > i.upper)) {
    warnings.push({ field: "ciLower", message: "The reported estimate lies outside its interval: check the figures and their signs." });
  }
  if (a.change.mismatch) warnings.push({ field: "reportedChange", message: a.change.mismatch.message });
  const computed = a.effect ? classifyDirection(m.direction, a.effect.value) : null;
  const said = m.findingDirection;
  if (
    a.effect &&
    a.effect.interval === null &&
    ((said === "improved" && computed === "worsened") || (said === "worsened" && computed === "improved"))
  ) {
    warnings.push({ field: "findingDirection", message: `The source's finding (${said}) runs the other way from its figure.` });
  }
  return warnings;
}

/**
 * Everything derived from one measure's stored figures: its change over
 * time, its headline estimate under its design, the outcome, how it pools
 * on `scale` (the measure type's) and its evidence level.
 */
export function assessMeasure(m: EvidenceFigures, opts: { caseEvidenceLevel: number; scale?: PoolScale }): Assessment {
  const scale = opts.scale ?? scaleForUnit(m.unit);
  const change = changeOverTime(m);
  const effect = estimateEffect(m, change);
  const wordsOnly = !hasNumbers(m) && m.findingDirection !== null;
  let outcome: Outcome = effect ? effectOutcome(m, effect) : "unknown";
  // The source's own verdict wins: "no significant difference" beside a −3% figure.
  if (m.findingDirection !== null && m.findingDirection !== "unclear") outcome = FINDING_OUTCOME[m.findingDirection];
  if (wordsOnly && m.findingDirection !== null) outcome = FINDING_OUTCOME[m.findingDirection];
  const smallBaseline = (m.design === "before_after" || m.design === "interrupted_time_series") && isSmallBaseline(m, change);
  const partial = { design: m.design, change, effect, outcome, wordsOnly, smallBaseline };
  const explicit = finite(m.evidenceLevel) ? m.evidenceLevel : null;
  return {
    ...partial,
    pool: pool(m, partial, scale),
    evidenceLevel: explicit ?? defaultEvidenceLevel(m.design, m.comparisonKind, opts.caseEvidenceLevel),
    evidenceLevelFrom: explicit === null ? "design" : "measure",
    warnings: consistencyWarnings(m, partial),
  };
}
