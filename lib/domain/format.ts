// One-line labels for a measure's change, for tables and chart labels.
// Number rules live in format-number.ts (re-exported here); see its header
// for the decimals rule. Pure: no framework imports.

import { computeChange } from "./change";
import type { MeasureChange, MeasureFigures, Qualifier } from "./measure-types";
import { formatReportedFigure } from "./mismatch";
import {
  formatPercentagePoints,
  formatSignedPercent,
  formatSignedValue,
  formatValue,
  qualifierPrefix,
  VALUE_DECIMALS,
} from "./format-number";

export { formatNumber, formatPercentagePoints, formatSignedPercent, formatSignedValue, formatValue, MINUS } from "./format-number";
export { formatReportedFigure } from "./mismatch";

/** A stored figure of m with its unit, rate basis and qualifier. */
function figure(m: MeasureFigures, value: number, qualifier: Qualifier): string {
  return formatValue(value, m.unit, { qualifier, rateBasis: m.rateBasis });
}

/** The bracketed change after a raw pair, without the brackets. */
function rawChangeText(m: MeasureFigures, c: MeasureChange): string {
  const abs = c.absoluteChange ?? 0;
  const q = c.changeQualifier ?? "exact";
  if (abs === 0) return q === "exact" ? "no change" : "no change, approximate figures";
  const prefix = qualifierPrefix(q);
  // DOMAIN.md: percentages lead with the pp change.
  if (m.unit === "percent") return prefix + formatPercentagePoints(abs);
  if (c.relativeChange !== null) return prefix + formatSignedPercent(c.relativeChange);
  // No relative change: show the absolute one and say why (never +100% or ∞).
  const why = c.zeroBaseline ? "baseline is 0" : "values below 0";
  return `${prefix}${formatSignedValue(abs, m.unit, m.rateBasis)}, no % change: ${why}`;
}

function formatRaw(m: MeasureFigures, c: MeasureChange): string {
  const pair = `${figure(m, m.before ?? 0, m.beforeQualifier)} → ${figure(m, m.after ?? 0, m.afterQualifier)}`;
  // A disagreeing reported figure is shown beside the computed one (DOMAIN.md:
  // let the product point out when a reported change does not match).
  const note = c.mismatch
    ? `; reported as ${formatReportedFigure(c.mismatch.reported, c.mismatch.basis, m.reportedChangeQualifier)}, which does not match`
    : "";
  return `${pair} (${rawChangeText(m, c)}${note})`;
}

function formatReported(m: MeasureFigures): string {
  const r = m.reportedChange ?? 0;
  const prefix = qualifierPrefix(m.reportedChangeQualifier);
  let text: string;
  if (m.reportedChangeBasis === "percentage_points") {
    text = `${prefix}${formatPercentagePoints(r, VALUE_DECIMALS)} (reported)`;
  } else if (m.reportedChangeBasis === "absolute") {
    // In the measure's own unit, with its basis: "more than +£140,000,000 since 2011".
    text = `${prefix}${formatSignedValue(r, m.unit, m.rateBasis)} (reported)`;
  } else {
    const how = m.reportedChangeBasis === "unspecified" ? "; per cent or points not stated" : "";
    text = `${prefix}${formatSignedPercent(r, VALUE_DECIMALS)} (reported${how})`;
  }
  // A lone before or after value is shown too, never combined into a pair.
  if (m.before !== null && Number.isFinite(m.before)) text += `; before: ${figure(m, m.before, m.beforeQualifier)}`;
  if (m.after !== null && Number.isFinite(m.after)) text += `; after: ${figure(m, m.after, m.afterQualifier)}`;
  return text;
}

/**
 * The change of one measure as a short label, e.g. "46% → 60% (+14 pp)",
 * "−64% (reported)", "0 → 5 (+5, no % change: baseline is 0)",
 * "after: at least 94%". Pass c when already computed.
 */
export function formatChange(m: MeasureFigures, c: MeasureChange = computeChange(m)): string {
  switch (c.kind) {
    case "raw":
      return formatRaw(m, c);
    case "reported":
      return formatReported(m);
    case "after_only":
      return `after: ${figure(m, m.after ?? 0, m.afterQualifier)}`;
    case "before_only":
      return `before: ${figure(m, m.before ?? 0, m.beforeQualifier)}`;
    case "none":
      return "no figures";
  }
}
