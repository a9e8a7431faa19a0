// Turns a published case's measures into what the case page shows: table rows,
// chart bars and the summary text. Pure: every figure comes from the domain
// module, so the page, the chart, the editor and the downloads agree.
import { computeChange, outcomeColourToken } from "@/lib/domain/change";
import { formatChange, formatPercentagePoints, formatSignedPercent, formatSignedValue, formatValue } from "@/lib/domain/format";
import { summariseMeasure } from "@/lib/domain/summary";
import type { MeasureChange, MeasureFigures, Outcome, Qualifier, MeasureUnit } from "@/lib/domain/measure-types";
import type { ChangeChartRow } from "@/components/charts/change-chart";
import type { BeforeAfterRow } from "@/components/charts/before-after-chart";

export interface MeasureInput extends MeasureFigures {
  id: string;
  beforeWording: string | null;
  afterWording: string | null;
  reportedChangeWording: string | null;
  sampleSize: number | null;
  beforePeriod?: string | null;
  afterPeriod?: string | null;
  /** SPC (issue 6): "series_phase_means" when before/after are the series' phase means. */
  headlineMethod?: "figures" | "series_phase_means";
}

export interface MeasureRow {
  id: string;
  label: string;
  before: string;
  after: string;
  change: string;
  outcome: Outcome;
  outcomeWord: string;
  tone: ChangeChartRow["tone"];
  provenance: string;
  sourceWording: string[];
  summary: string;
  mismatch: string | null;
  /** The headline change alone, for a figure card: "−41%", "+14 pp", "+5 (absolute)". */
  headline: string | null;
  /** Short provenance badges: "reported only", "n = 120", "periods: …". */
  badges: string[];
  figures: MeasureFigures;
  result: MeasureChange;
}

const OUTCOME_WORDS: Record<Outcome, string> = {
  improved: "improved",
  worsened: "worsened",
  no_change: "no change",
  changed: "changed",
  no_clear_difference: "no clear difference",
  unknown: "no change to compare",
};

function formatOptional(value: number | null, unit: MeasureUnit, qualifier: Qualifier, rateBasis?: string | null): string {
  return value === null ? "not reported" : formatValue(value, unit, { qualifier, rateBasis });
}

function describeProvenance(m: MeasureInput, result: MeasureChange): string {
  const parts = [
    result.reportedOnly ? "Reported change only (no raw figures)" : result.kind === "raw" ? "Raw before and after values" : "Single value",
  ];
  if (result.approximate) parts.push("approximate");
  if (m.sampleSize !== null) parts.push(`n = ${m.sampleSize.toLocaleString("en-GB")}`);
  return parts.join(" · ");
}

export function buildMeasureRow(m: MeasureInput): MeasureRow {
  const result = computeChange(m);
  const wording = [
    m.beforeWording ? `Before: “${m.beforeWording}”` : null,
    m.afterWording ? `After: “${m.afterWording}”` : null,
    m.reportedChangeWording ? `Change: “${m.reportedChangeWording}”` : null,
  ].filter((w): w is string => w !== null);
  return {
    id: m.id,
    label: m.label,
    before: formatOptional(m.before, m.unit, m.beforeQualifier, m.rateBasis),
    after: formatOptional(m.after, m.unit, m.afterQualifier, m.rateBasis),
    change: formatChange(m, result),
    outcome: result.outcome,
    outcomeWord: OUTCOME_WORDS[result.outcome],
    tone: outcomeColourToken(result.outcome),
    provenance: describeProvenance(m, result),
    sourceWording: wording,
    summary: summariseMeasure(m, result),
    mismatch: result.mismatch?.message ?? null,
    headline: formatHeadline(m, result),
    badges: listBadges(m, result),
    figures: m,
    result,
  };
}

/** Bars for the change chart: measures whose change can be drawn as % or pp. */
export function toChartRows(rows: MeasureRow[]): ChangeChartRow[] {
  return rows.flatMap((row) => {
    const h = row.result.headline;
    if (!h || h.basis === "absolute") return [];
    return [
      {
        id: row.id,
        label: row.label,
        value: h.value,
        basis: h.basis,
        tone: row.tone,
        reportedOnly: row.result.reportedOnly,
        display: row.change,
        outcomeWord: row.outcomeWord,
      },
    ];
  });
}

/** Zero-baseline (or negative) measures: an absolute change, never drawn on the % axis. */
export function listAbsoluteRows(rows: MeasureRow[]): MeasureRow[] {
  return rows.filter((row) => row.result.headline?.basis === "absolute");
}

/** Measures with no change at all (one figure only), so none is silently dropped. */
export function listUnchartedRows(rows: MeasureRow[]): Array<{ row: MeasureRow; reason: string }> {
  return rows.flatMap((row) =>
    row.result.headline ? [] : [{ row, reason: "only one figure is reported, so there is no change to chart" }],
  );
}

export interface BeforeAfterGroup {
  key: string;
  /** Axis label naming the unit, e.g. "Per cent of the total (0–100%)". */
  axisLabel: string;
  percent: boolean;
  rows: BeforeAfterRow[];
}

const UNIT_AXIS: Record<MeasureUnit, string> = {
  percent: "Value, per cent (0 to 100%)",
  count: "Value, count",
  hours: "Value, hours",
  days: "Value, days",
  weeks: "Value, weeks",
  months: "Value, months",
  money: "Value, pounds (£)",
  rate: "Value, rate",
  ratio: "Value, return ratio (x:1)",
  score: "Value, score",
};

/**
 * Measures with both raw values, grouped by unit (and rate basis): one
 * before → after chart per group, since different units cannot share an axis.
 */
export function toBeforeAfterGroups(rows: MeasureRow[]): BeforeAfterGroup[] {
  const groups = new Map<string, BeforeAfterGroup>();
  for (const row of rows) {
    const f = row.figures;
    if (row.result.kind !== "raw" || f.before === null || f.after === null) continue;
    const key = `${f.unit}|${f.rateBasis ?? ""}`;
    const axisLabel = f.unit === "rate" && f.rateBasis ? `Value, ${f.rateBasis}` : UNIT_AXIS[f.unit];
    const group = groups.get(key) ?? { key, axisLabel, percent: f.unit === "percent", rows: [] };
    group.rows.push({
      id: row.id,
      label: row.label,
      before: f.before,
      after: f.after,
      beforeText: row.before,
      afterText: row.after,
      tone: row.tone,
      display: row.change,
      outcomeWord: row.outcomeWord,
    });
    groups.set(key, group);
  }
  return [...groups.values()];
}

function formatHeadline(m: MeasureInput, result: MeasureChange): string | null {
  const h = result.headline;
  if (!h) return null;
  if (h.basis === "percentage_points") return formatPercentagePoints(h.value);
  if (h.basis === "percent") return formatSignedPercent(h.value);
  return `${formatSignedValue(h.value, m.unit, m.rateBasis)} (absolute change)`;
}

function listBadges(m: MeasureInput, result: MeasureChange): string[] {
  const badges = [result.reportedOnly ? "reported only" : result.kind === "raw" ? "raw values" : "single value"];
  if (m.headlineMethod === "series_phase_means") badges.push("from series phase means"); // SPC (issue 6)
  if (result.approximate) badges.push("approximate");
  if (m.sampleSize !== null) badges.push(`n = ${m.sampleSize.toLocaleString("en-GB")}`);
  const periods = [m.beforePeriod && `before ${m.beforePeriod}`, m.afterPeriod && `after ${m.afterPeriod}`].filter(Boolean);
  if (periods.length > 0) badges.push(periods.join(", "));
  return badges;
}
