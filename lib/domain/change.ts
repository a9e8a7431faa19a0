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

/** ge/le: the change is at least/most the computed one; strict when the source's bound is. */
type SignedBound = { side: "ge" | "le"; strict: boolean } | "about" | null;

const UPWARD: Partial<Record<Qualifier, { side: "ge" | "le"; strict: boolean }>> = {
  at_least: { side: "ge", strict: false },
  more_than: { side: "ge", strict: true },
  at_most: { side: "le", strict: false },
  less_than: { side: "le", strict: true },
};

/** after ≥ x → change ≥ computed; before ≥ x → change ≤ computed. */
function boundFrom(q: Qualifier, side: "before" | "after"): SignedBound {
  if (q === "exact") return null;
  if (q === "about") return "about";
  const b = UPWARD[q]!;
  if (side === "after") return b;
  return { side: b.side === "ge" ? "le" : "ge", strict: b.strict };
}

/**
 * The qualifier of a raw change. after − before, after/before and
 * ln(after/before) all rise with after and fall with before, so a bound on
 * either value bounds the change; two opposing bounds bound nothing and, like
 * "about", leave it approximate. A strict bound on either side makes the
 * change's bound strict ("more than"). Returned in SIZE terms (the convention
 * of reportedChangeQualifier): a change of ≤ −40 is "at least" a 40 fall.
 */
export function rawChangeQualifier(m: Pick<MeasureFigures, "beforeQualifier" | "afterQualifier">, delta: number): Qualifier {
  const bounds = [boundFrom(m.beforeQualifier, "before"), boundFrom(m.afterQualifier, "after")].filter((b) => b !== null);
  if (bounds.length === 0) return "exact";
  if (bounds.some((b) => b === "about") || delta === 0) return "about";
  const sides = new Set(bounds.map((b) => (b as { side: string }).side));
  if (sides.size > 1) return "about";
  const strict = bounds.some((b) => (b as { strict: boolean }).strict);
  const grows = delta > 0 ? sides.has("ge") : sides.has("le");
  if (grows) return strict ? "more_than" : "at_least";
  return strict ? "less_than" : "at_most";
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
  const isAbsolute = basis === "absolute";
  const log = basis === "percent" && r > -100 ? 100 * Math.log(1 + r / 100) : null;
  return {
    ...blank("reported"),
    // An absolute change is in the measure's own unit ("90 fewer placements");
    // for a percent measure a change in points is its absolute change.
    absoluteChange: isAbsolute || (isPoints && m.unit === "percent") ? r : null,
    percentagePointChange: isPoints || (isAbsolute && m.unit === "percent") ? r : null,
    relativeChange: basis === "percent" ? r : null,
    logChange: log,
    logChangeSource: log === null ? null : "reported",
    // Unspecified basis: plotted as percent (the commoner reading), flagged.
    headline: {
      value: r,
      basis: isAbsolute ? "absolute" : isPoints ? "percentage_points" : "percent",
      basisUnspecified: basis === "unspecified",
    },
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
