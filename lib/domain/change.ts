// The change arithmetic of DOMAIN.md ("Change arithmetic — get this exactly
// right"). Pure: no framework, database or Node imports. Figures are never
// invented or back-calculated: each result field is either computed from the
// figures the measure has, or null.

import type { Direction, Headline, MeasureChange, MeasureFigures, Outcome, OutcomeColourToken, Qualifier } from "./measure-types";
import { findMismatch } from "./mismatch";

export type * from "./measure-types";

/** Treats NaN / ±Infinity (never valid stored figures) as missing. */
function finite(n: number | null | undefined): number | null {
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}

/**
 * Direction-aware outcome of a signed change. DOMAIN.md: colour and words
 * follow improvement, not the sign. A null change means nothing could be
 * computed (after only / before only).
 */
export function classifyDirection(direction: Direction, change: number | null): Outcome {
  if (change === null || !Number.isFinite(change)) return "unknown";
  if (change === 0) return "no_change";
  if (direction === "neutral") return "changed";
  const better = direction === "lower_is_better" ? change < 0 : change > 0;
  return better ? "improved" : "worsened";
}

/** NHS Making Data Count: blue improvement, orange concern, grey neutral. */
export function outcomeColourToken(outcome: Outcome): OutcomeColourToken {
  if (outcome === "improved") return "improvement";
  if (outcome === "worsened") return "concern";
  return "neutral";
}

/** Everything null/false: the starting point for each kind. */
function blank(kind: MeasureChange["kind"]): MeasureChange {
  return {
    kind,
    absoluteChange: null,
    percentagePointChange: null,
    relativeChange: null,
    logChange: null,
    logChangeSource: null,
    zeroBaseline: false,
    negativeValues: false,
    headline: null,
    outcome: "unknown",
    reportedOnly: false,
    lowerConfidence: false,
    approximate: false,
    changeQualifier: null,
    basisUnspecified: false,
    mismatch: null,
  };
}

type SignedBound = "ge" | "le" | "about" | null;

/** after ≥ x → change ≥ computed; before ≥ x → change ≤ computed. */
function boundFrom(q: Qualifier, side: "before" | "after"): SignedBound {
  if (q === "exact") return null;
  if (q === "about") return "about";
  const up = q === "at_least" ? "ge" : "le";
  if (side === "after") return up;
  return up === "ge" ? "le" : "ge";
}

/**
 * The qualifier of a raw change. after − before, after/before and
 * ln(after/before) all rise with after and fall with before, so a bound on
 * either value bounds the change; two opposing bounds bound nothing and, like
 * "about", leave it approximate. Returned in SIZE terms (the convention of
 * reportedChangeQualifier): a change of ≤ −40 is "at least" a 40 fall.
 */
function rawChangeQualifier(m: MeasureFigures, delta: number): Qualifier {
  const bounds = [boundFrom(m.beforeQualifier, "before"), boundFrom(m.afterQualifier, "after")];
  const set = new Set(bounds.filter((b) => b !== null));
  if (set.size === 0) return "exact";
  const only = set.size === 1 ? [...set][0] : "about";
  if (only === "about" || delta === 0) return "about";
  const grows = delta > 0 ? only === "ge" : only === "le";
  return grows ? "at_least" : "at_most";
}

/** What a chart bar plots for a measure with both raw values. */
function rawHeadline(isPercent: boolean, absolute: number, relative: number | null): Headline {
  // DOMAIN.md: percentages lead with the pp change; a zero (or negative)
  // baseline has no relative change, so the absolute change is shown.
  if (isPercent) return { value: absolute, basis: "percentage_points", basisUnspecified: false };
  if (relative !== null) return { value: relative, basis: "percent", basisUnspecified: false };
  return { value: absolute, basis: "absolute", basisUnspecified: false };
}

function rawChange(m: MeasureFigures, before: number, after: number, reported: number | null): MeasureChange {
  const absolute = after - before;
  const isPercent = m.unit === "percent";
  // Relative and log changes need a ratio scale: before > 0, after ≥ 0.
  // DOMAIN.md: a zero baseline has no relative change (never +100% or ∞);
  // after = 0 gives −100% but no log change.
  const relative = before > 0 && after >= 0 ? (absolute / before) * 100 : null;
  const log = before > 0 && after > 0 ? 100 * Math.log(after / before) : null;
  const pp = isPercent ? absolute : null;
  const approximate = m.beforeQualifier !== "exact" || m.afterQualifier !== "exact";
  const reportedInexact = reported !== null && m.reportedChangeQualifier !== "exact";
  return {
    ...blank("raw"),
    absoluteChange: absolute,
    percentagePointChange: pp,
    relativeChange: relative,
    logChange: log,
    logChangeSource: log === null ? null : "raw",
    zeroBaseline: before === 0,
    negativeValues: before < 0 || after < 0,
    headline: rawHeadline(isPercent, absolute, relative),
    outcome: classifyDirection(m.direction, absolute),
    lowerConfidence: approximate || reportedInexact,
    approximate,
    changeQualifier: rawChangeQualifier(m, absolute),
    mismatch: reported === null ? null : findMismatch(m, { before, after, relative, pp }, reported),
  };
}

/**
 * A reported change with no raw pair: kept exactly as reported, flagged lower
 * confidence (DOMAIN.md). It cannot be turned into a pp change (or a pp change
 * into a relative one); only a reported per cent change yields a log change,
 * from the ratio 1 + r/100, and says so in logChangeSource.
 */
function reportedChange(m: MeasureFigures, r: number): MeasureChange {
  const basis = m.reportedChangeBasis;
  const isPoints = basis === "percentage_points";
  const log = basis === "percent" && r > -100 ? 100 * Math.log(1 + r / 100) : null;
  return {
    ...blank("reported"),
    absoluteChange: isPoints && m.unit === "percent" ? r : null,
    percentagePointChange: isPoints ? r : null,
    relativeChange: basis === "percent" ? r : null,
    logChange: log,
    logChangeSource: log === null ? null : "reported",
    // Unspecified basis: plotted as percent (the commoner reading), flagged.
    headline: { value: r, basis: isPoints ? "percentage_points" : "percent", basisUnspecified: basis === "unspecified" },
    outcome: classifyDirection(m.direction, r),
    reportedOnly: true,
    lowerConfidence: true,
    approximate: m.reportedChangeQualifier !== "exact",
    changeQualifier: m.reportedChangeQualifier,
    basisUnspecified: basis === "unspecified",
  };
}

/** One raw value and no reported change: no change can be computed. */
function singleValue(kind: "after_only" | "before_only", q: Qualifier): MeasureChange {
  return { ...blank(kind), lowerConfidence: q !== "exact" };
}

/** The change of one measure, from whatever figures it has. */
export function computeChange(m: MeasureFigures): MeasureChange {
  const before = finite(m.before);
  const after = finite(m.after);
  const reported = finite(m.reportedChange);
  if (before !== null && after !== null) return rawChange(m, before, after, reported);
  if (reported !== null) return reportedChange(m, reported);
  if (after !== null) return singleValue("after_only", m.afterQualifier);
  if (before !== null) return singleValue("before_only", m.beforeQualifier);
  return blank("none");
}

/**
 * The value used to pool and rank measures across cases: the log change,
 * which is symmetric (−50% and +100% are the same size; DOMAIN.md). null when
 * ranking is not allowed: zero baseline or zero after (no log), pp-only or
 * unspecified-basis reported changes (no ratio), or no change at all.
 */
export function rankingValue(m: MeasureFigures, c: MeasureChange = computeChange(m)): number | null {
  if (c.logChange === null || c.zeroBaseline || c.outcome === "unknown") return null;
  if (c.kind === "reported" && m.reportedChangeBasis !== "percent") return null;
  return c.logChange;
}
