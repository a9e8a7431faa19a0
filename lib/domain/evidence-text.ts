// Plain words for evidence designs: what a figure was compared with, and the
// estimate with its interval as the source reports it ("12% fewer than a
// matched comparison group (95% CI 5–19%)"). Pure.

import type { Assessment, ComparisonKind, Design, Effect, EvidenceFigures, FindingDirection, Interval } from "./evidence-types";
import { formatChange } from "./format";
import { CHANGE_DECIMALS, formatNumber, formatValue, MINUS, qualifierPrefix, VALUE_DECIMALS } from "./format-number";
import type { MeasureUnit } from "./measure-types";

export const DESIGNS = [
  "before_after",
  "comparison_group",
  "difference_in_differences",
  "against_target",
  "interrupted_time_series",
] as const satisfies readonly Design[];

export const COMPARISON_KINDS = [
  "matched_control",
  "synthetic_control",
  "comparison_site",
  "national_trend",
  "regional_trend",
  "randomised_control",
  "other",
] as const satisfies readonly ComparisonKind[];

export const FINDING_DIRECTIONS = ["improved", "worsened", "no_clear_difference", "unclear"] as const satisfies readonly FindingDirection[];

export const DESIGN_LABELS: Record<Design, string> = {
  before_after: "Before and after",
  comparison_group: "Against a comparison group",
  difference_in_differences: "Difference-in-differences",
  against_target: "Against a target",
  interrupted_time_series: "Interrupted time series",
};

/** Short marks for charts and badges. */
export const DESIGN_SHORT: Record<Design, string> = {
  before_after: "before/after",
  comparison_group: "vs comparison",
  difference_in_differences: "diff-in-diff",
  against_target: "vs target",
  interrupted_time_series: "time series",
};

export const COMPARISON_KIND_LABELS: Record<ComparisonKind, string> = {
  matched_control: "Matched comparison group",
  synthetic_control: "Synthetic control",
  comparison_site: "Comparison site",
  national_trend: "National trend",
  regional_trend: "Regional trend",
  randomised_control: "Randomised control group",
  other: "Other comparison",
};

const COMPARISON_PHRASE: Record<ComparisonKind, string> = {
  matched_control: "a matched comparison group",
  synthetic_control: "a synthetic control",
  comparison_site: "a comparison site",
  national_trend: "the national trend",
  regional_trend: "the regional trend",
  randomised_control: "a randomised control group",
  other: "a comparison group",
};

export const FINDING_LABELS: Record<FindingDirection, string> = {
  improved: "Improved",
  worsened: "Got worse",
  no_clear_difference: "No clear difference",
  unclear: "Unclear",
};

export function comparisonPhrase(kind: ComparisonKind | null): string {
  return COMPARISON_PHRASE[kind ?? "other"];
}

function lowerHigher(unit: MeasureUnit, negative: boolean): string {
  if (unit === "count") return negative ? "fewer" : "more";
  if (unit === "money") return negative ? "less" : "more";
  return negative ? "lower" : "higher";
}

/**
 * The size of an effect in its basis, unsigned: "12%", "5 percentage points",
 * "£400,000 a year". A computed figure gets the decimals of a computed change,
 * a reported one those of a stored figure (format-number.ts).
 */
function size(e: Effect, unit: MeasureUnit, rateBasis: string | null | undefined): string {
  const v = Math.abs(e.value);
  const decimals = e.source === "computed" ? CHANGE_DECIMALS : VALUE_DECIMALS;
  if (e.basis === "percent") return `${formatNumber(v, decimals)}%`;
  if (e.basis === "percentage_points") {
    const text = formatNumber(v, decimals);
    return `${text} percentage ${text === "1" ? "point" : "points"}`;
  }
  return formatValue(v, unit, { rateBasis });
}

function bound(n: number, basis: Effect["basis"], unit: MeasureUnit, signed: boolean): string {
  const sign = signed ? (n > 0 ? "+" : n < 0 ? MINUS : "") : "";
  const v = signed ? Math.abs(n) : n;
  if (basis === "percent") return `${sign}${formatNumber(v, VALUE_DECIMALS)}%`;
  if (basis === "percentage_points") return `${sign}${formatNumber(v, VALUE_DECIMALS)} pp`;
  return `${sign}${formatValue(v, unit)}`;
}

/**
 * "95% CI 5–19%" when the interval lies on one side of no effect (shown as
 * sizes, like the estimate's words), else "95% CI −3% to +45%".
 */
export function describeInterval(i: Interval, basis: Effect["basis"], unit: MeasureUnit): string {
  const level = `${formatNumber(i.level, 1)}% CI`;
  if (i.lower > 0 || i.upper < 0) {
    const [a, b] = [Math.abs(i.lower), Math.abs(i.upper)].sort((x, y) => x - y) as [number, number];
    const unitText = bound(b, basis, unit, false);
    const first = basis === "absolute" ? bound(a, basis, unit, false) : formatNumber(a, VALUE_DECIMALS);
    return `${level} ${first}–${basis === "absolute" ? unitText : unitText}`;
  }
  return `${level} ${bound(i.lower, basis, unit, true)} to ${bound(i.upper, basis, unit, true)}`;
}

export function describePValue(p: number): string {
  return p < 0.001 ? "p < 0.001" : `p = ${formatNumber(p, 3)}`;
}

/**
 * The estimate of a controlled design, or against a target, in words:
 * "12% fewer than a matched comparison group (95% CI 5–19%)". null for a
 * change over time (formatChange and the summary sentences say those).
 */
export function describeEffect(m: EvidenceFigures, e: Effect): string | null {
  if (e.contrast === "over_time") return null;
  const q = qualifierPrefix(e.qualifier);
  const negative = e.value < 0;
  const amount = `${q}${size(e, m.unit, m.rateBasis)}`;
  let text: string;
  if (e.contrast === "vs_target") {
    const target = m.target !== null ? ` of ${formatValue(m.target, m.unit, { rateBasis: m.rateBasis })}` : "";
    text = e.value === 0 ? `on the target${target}` : `${amount} ${negative ? "below" : "above"} the target${target}`;
  } else if (e.contrast === "difference_in_differences") {
    const group = comparisonPhrase(m.comparisonKind);
    text =
      e.value === 0
        ? `no difference from the change in ${group} (difference-in-differences)`
        : `${amount} ${lowerHigher(m.unit, negative)} than the change in ${group} would give (difference-in-differences)`;
  } else {
    const group = comparisonPhrase(m.comparisonKind);
    text = e.value === 0 ? `no different from ${group}` : `${amount} ${lowerHigher(m.unit, negative)} than ${group}`;
  }
  const extras: string[] = [];
  if (e.interval) extras.push(describeInterval(e.interval, e.basis, m.unit));
  if (m.pValue !== null) extras.push(describePValue(m.pValue));
  if (e.basisUnspecified) extras.push("per cent or points not stated");
  if (extras.length) text += ` (${extras.join(", ")})`;
  if (m.modelled) text += ", a modelled estimate, not an observed one";
  return text;
}

/**
 * One figure as a short label under any design: "46% → 60% (+14 pp)",
 * "−64% (reported)", "12% fewer than a matched comparison group (95% CI
 * 5–19%)", "No clear difference (finding in words)".
 */
export function formatFigure(m: EvidenceFigures, a: Assessment): string {
  if (a.wordsOnly) return `${FINDING_LABELS[m.findingDirection ?? "unclear"]} (a finding in words)`;
  const e = a.effect;
  const said = e ? describeEffect(m, e) : null;
  if (said) return said;
  const text = formatChange(m, a.change);
  if (e && e.source === "reported" && e.interval) return `${text} (${describeInterval(e.interval, e.basis, m.unit)})`;
  return m.modelled ? `${text}, a modelled estimate` : text;
}
