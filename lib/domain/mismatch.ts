// Does a reported change agree with the raw values it sits beside?
// DOMAIN.md: sources disagree ("21.2 to 10.4 a day" reported as "a 60% drop",
// which is 51%); store each figure as given and point out the disagreement.
// Nothing here changes a figure: it only compares.

import type { ChangeBasis, MeasureFigures, Mismatch, Qualifier } from "./measure-types";
import { formatNumber, formatPercentagePoints, formatSignedPercent, formatValue, qualifierPrefix, VALUE_DECIMALS } from "./format-number";

/**
 * How far (in per cent or points) a computed change may sit from the reported
 * one before we call it a mismatch. Sources round: "64%" covers 63.5–64.5, so
 * 0.5 for rounding plus 0.5 slack for sources that truncate or round the raw
 * values first → 1. "About 60%" is read as rounded to the nearest 5
 * (57.5–62.5) plus the same 0.5 slack → 3. Bounds ("at least") use the exact
 * tolerance on their one open side.
 */
export const MISMATCH_TOLERANCE = { exact: 1, about: 3 } as const;

interface Candidate {
  value: number;
  basis: "percent" | "percentage_points" | "absolute";
}

/**
 * Is the computed change c consistent with reported r and its qualifier?
 * The qualifier applies to the change's SIZE, as sources word it
 * ("more than halved" = r −50, at_least): see MeasureFigures.
 */
export function agreesWithReported(c: number, r: number, q: Qualifier, scale = 1): boolean {
  const tol = (q === "about" ? MISMATCH_TOLERANCE.about : MISMATCH_TOLERANCE.exact) * scale;
  switch (q) {
    case "exact":
    case "about":
      return Math.abs(c - r) <= tol;
    case "at_least":
    case "more_than":
      // At least this big a change in this direction; 0 bounds nothing.
      if (r < 0) return c <= r + tol;
      if (r > 0) return c >= r - tol;
      return true;
    case "at_most":
    case "less_than":
      // Up to this big a change in this direction (or about none).
      if (r < 0) return c >= r - tol && c <= tol;
      if (r > 0) return c <= r + tol && c >= -tol;
      return Math.abs(c) <= tol;
  }
}

/** Which computed figures the reported one may be compared with. */
function candidates(basis: ChangeBasis, relative: number | null, pp: number | null, absolute: number): Candidate[] {
  const rel: Candidate[] = relative === null ? [] : [{ value: relative, basis: "percent" }];
  const pts: Candidate[] = pp === null ? [] : [{ value: pp, basis: "percentage_points" }];
  if (basis === "percent") return rel;
  if (basis === "percentage_points") return pts;
  if (basis === "absolute") return [{ value: absolute, basis: "absolute" }];
  // "An 81% reduction" may be either: a mismatch only if it matches neither.
  return [...rel, ...pts];
}

/** "−60%", "−71 pp", "−81 (per cent or points not stated)", with qualifier. */
export function formatReportedFigure(r: number, basis: ChangeBasis, q: Qualifier): string {
  const prefix = qualifierPrefix(q);
  if (basis === "percent") return prefix + formatSignedPercent(r, VALUE_DECIMALS);
  if (basis === "percentage_points") return prefix + formatPercentagePoints(r, VALUE_DECIMALS);
  if (basis === "absolute") return `${prefix}${r > 0 ? "+" : ""}${formatNumber(r)} (absolute)`;
  const sign = r > 0 ? "+" : "";
  return `${prefix}${sign}${formatNumber(r)} (per cent or points not stated)`;
}

function formatCandidate(c: Candidate): string {
  if (c.basis === "absolute") return `${c.value > 0 ? "+" : ""}${formatNumber(c.value)}`;
  return c.basis === "percent" ? formatSignedPercent(c.value) : formatPercentagePoints(c.value);
}

function rawPair(m: MeasureFigures, before: number, after: number): string {
  const opts = { rateBasis: m.rateBasis };
  const b = formatValue(before, m.unit, { ...opts, qualifier: m.beforeQualifier });
  const a = formatValue(after, m.unit, { ...opts, qualifier: m.afterQualifier });
  return `${b} → ${a}`;
}

/**
 * A Mismatch when raw values and a reported change both exist and disagree,
 * else null (also null when nothing comparable can be computed, e.g. a
 * percent change beside a zero baseline, or points beside a count).
 */
export function findMismatch(
  m: MeasureFigures,
  raw: { before: number; after: number; relative: number | null; pp: number | null },
  reported: number,
): Mismatch | null {
  const basis = m.reportedChangeBasis;
  const options = candidates(basis, raw.relative, raw.pp, raw.after - raw.before);
  if (options.length === 0) return null;
  // An absolute figure is in the measure's unit: sources round it to about 1% of its size.
  const scaleOf = (c: Candidate) => (c.basis === "absolute" ? Math.max(0.5, Math.abs(reported) / 100) : 1);
  if (options.some((c) => agreesWithReported(c.value, reported, m.reportedChangeQualifier, scaleOf(c)))) return null;
  const nearest = options.reduce((a, b) => (Math.abs(b.value - reported) < Math.abs(a.value - reported) ? b : a));
  const computedText = options.map(formatCandidate).join(" or ");
  const reportedText = formatReportedFigure(reported, basis, m.reportedChangeQualifier);
  return {
    reported,
    basis,
    computed: nearest.value,
    computedBasis: nearest.basis,
    message: `Reported as ${reportedText}, but ${rawPair(m, raw.before, raw.after)} is ${computedText}.`,
  };
}
