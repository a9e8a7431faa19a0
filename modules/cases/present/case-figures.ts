// Turns a published case's measures into what the case page shows: table rows,
// chart bars, headline cards and the sentences. Every figure comes from the
// assessment stored when the version was published (issue 17), and every word
// from the domain's text helpers, so the page, the chart, the embed, the
// editor's preview and the downloads agree.
import { outcomeColourToken } from "@/lib/domain/change";
import { COMPARISON_KIND_LABELS, DESIGN_LABELS, DESIGN_SHORT, FINDING_LABELS, formatFigure } from "@/lib/domain/evidence-text";
import type { Assessment, Design, EvidenceFigures } from "@/lib/domain/evidence-types";
import { formatChange, formatPercentagePoints, formatSignedPercent, formatSignedValue, formatValue } from "@/lib/domain/format";
import { summariseMeasure } from "@/lib/domain/summary";
import type { MeasureChange, MeasureUnit, Outcome, Qualifier } from "@/lib/domain/measure-types";
import type { ChangeChartRow } from "@/components/charts/change-chart";
import type { BeforeAfterRow } from "@/components/charts/before-after-chart";
import type { PublicMeasure } from "@/modules/cases/data/public-cases";

export interface MeasureRow {
  id: string;
  label: string;
  before: string;
  after: string;
  /** The figure as one label under its design: "46% → 60% (+14 pp)", "12% fewer than a matched comparison group (95% CI 5–19%)". */
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
  /** "71% → 0%" where both values exist, for a card that leads with them. */
  pair: string | null;
  /** Short provenance badges: "reported only", "n = 120", "periods: …". */
  badges: string[];
  design: Design;
  /** "Against a comparison group: matched comparison group". */
  designLabel: string;
  evidenceLevel: number;
  wordsOnly: boolean;
  /** The source's verdict, for a finding in words: "No clear difference". */
  finding: string | null;
  quote: string | null;
  notes: string | null;
  /** The measure's own source, when it is not the case's. */
  source: { citation: string | null; url: string | null } | null;
  smallBaseline: boolean;
  figures: EvidenceFigures;
  result: MeasureChange;
  assessment: Assessment;
}

const OUTCOME_WORDS: Record<Outcome, string> = {
  improved: "improved",
  worsened: "worsened",
  no_change: "no change",
  changed: "changed",
  no_clear_difference: "no clear difference",
  unknown: "no change to compare",
};

/** A stored figure with its unit, basis, qualifier, denominator and, where the source gives them, its words: "a third (33.33%)". */
function formatFigureValue(m: PublicMeasure, value: number | null, q: Qualifier, words: string | null): string {
  if (value === null) return "not reported";
  const text = formatValue(value, m.unit, { qualifier: q, rateBasis: m.rateBasis });
  const withDenominator = m.denominator ? `${text} ${m.denominator}` : text;
  return words ? `${words} (${withDenominator})` : withDenominator;
}

function describeProvenance(m: PublicMeasure, a: Assessment): string {
  const c = a.change;
  const kind = a.wordsOnly
    ? "A finding in words (no figure)"
    : a.effect?.source === "reported"
      ? a.effect.interval
        ? "Reported estimate with its interval"
        : "Reported change only (no raw figures)"
      : c.kind === "raw" || a.effect?.source === "computed"
        ? "Computed from the values reported"
        : "Single value";
  const parts = [kind, `evidence level ${a.evidenceLevel} of 5`];
  if (c.approximate) parts.push("approximate");
  if (m.modelled) parts.push("modelled, not observed");
  if (m.sampleSize !== null) parts.push(`n = ${m.sampleSize.toLocaleString("en-GB")}`);
  if (m.comparisonSampleSize !== null) parts.push(`comparison n = ${m.comparisonSampleSize.toLocaleString("en-GB")}`);
  return parts.join(" · ");
}

function designLabel(m: PublicMeasure): string {
  const base = DESIGN_LABELS[m.design];
  return m.comparisonKind ? `${base}: ${COMPARISON_KIND_LABELS[m.comparisonKind].toLowerCase()}` : base;
}

/** The card's headline: the effect in its basis; for a small baseline, the absolute change (issue 16). */
function formatHeadline(m: PublicMeasure, a: Assessment): string | null {
  const e = a.effect;
  if (!e) return null;
  if (a.smallBaseline && a.change.absoluteChange !== null) return `${formatSignedValue(a.change.absoluteChange, m.unit, m.rateBasis)}`;
  if (e.basis === "percentage_points") return formatPercentagePoints(e.value);
  if (e.basis === "percent") return formatSignedPercent(e.value);
  return `${formatSignedValue(e.value, m.unit, m.rateBasis)}`;
}

function listBadges(m: PublicMeasure, a: Assessment): string[] {
  const badges: string[] = [];
  if (m.design !== "before_after") badges.push(DESIGN_SHORT[m.design]);
  if (a.effect?.interval) badges.push(`${a.effect.interval.level}% CI`);
  if (a.effect?.source === "reported" && !a.effect.interval) badges.push("reported only");
  else if (a.change.kind === "raw") badges.push("raw values");
  if (m.headlineMethod === "series_phase_means") badges.push("from series phase means");
  if (a.change.approximate) badges.push("approximate");
  if (m.modelled) badges.push("modelled");
  if (a.smallBaseline) badges.push("small baseline");
  if (m.sampleSize !== null) badges.push(`n = ${m.sampleSize.toLocaleString("en-GB")}`);
  const periods = [m.beforePeriod && `before ${m.beforePeriod}`, m.afterPeriod && `after ${m.afterPeriod}`].filter(Boolean);
  if (periods.length > 0) badges.push(periods.join(", "));
  return badges;
}

function summarise(m: PublicMeasure, a: Assessment, change: string): string {
  if (a.wordsOnly)
    return `${m.label}: ${FINDING_LABELS[m.findingDirection ?? "unclear"].toLowerCase()}, in the source's words${m.quote ? `: “${m.quote}”` : "."}`;
  if (a.effect && a.effect.contrast !== "over_time") {
    return `${m.label}: ${change}${a.outcome === "no_clear_difference" ? ", which the source does not find to be a clear difference" : ""}.`;
  }
  return summariseMeasure(m, a.change);
}

/**
 * The measure's own source when it is not the case's (issue 16: a reader can
 * check a figure that came from another document).
 */
function ownSource(m: PublicMeasure, caseSource?: { citation: string; url: string | null }): MeasureRow["source"] {
  if (!m.sourceCitation && !m.sourceUrl) return null;
  if (caseSource && m.sourceCitation === caseSource.citation && (m.sourceUrl ?? null) === caseSource.url) return null;
  return { citation: m.sourceCitation, url: m.sourceUrl };
}

export function buildMeasureRow(m: PublicMeasure, caseSource?: { citation: string; url: string | null }): MeasureRow {
  const a = m.figure.assessment;
  const change = formatFigure(m, a);
  const result = a.change;
  const wording = [
    m.beforeWording ? `Before: “${m.beforeWording}”` : null,
    m.afterWording ? `After: “${m.afterWording}”` : null,
    m.reportedChangeWording ? `Change: “${m.reportedChangeWording}”` : null,
  ].filter((w): w is string => w !== null);
  const before = formatFigureValue(m, m.before, m.beforeQualifier, m.beforeWords);
  const after = formatFigureValue(m, m.after, m.afterQualifier, m.afterWords);
  return {
    id: m.id,
    label: m.label,
    before,
    after,
    change,
    outcome: a.outcome,
    outcomeWord: OUTCOME_WORDS[a.outcome],
    tone: outcomeColourToken(a.outcome),
    provenance: describeProvenance(m, a),
    sourceWording: wording,
    summary: summarise(m, a, change),
    mismatch: a.warnings.find((w) => w.field === "reportedChange")?.message ?? null,
    headline: formatHeadline(m, a),
    pair: m.before !== null && m.after !== null ? `${before} → ${after}` : null,
    badges: listBadges(m, a),
    design: m.design,
    designLabel: designLabel(m),
    evidenceLevel: a.evidenceLevel,
    wordsOnly: a.wordsOnly,
    finding: m.findingDirection ? FINDING_LABELS[m.findingDirection] : null,
    quote: m.quote,
    notes: m.notes,
    source: ownSource(m, caseSource),
    smallBaseline: a.smallBaseline,
    figures: m,
    result,
    assessment: a,
  };
}

/**
 * What a headline card leads with, in the case page's words: a finding in
 * words; else before → after where both exist (not for a comparison group,
 * whose pair is the reform's own), with the change under it; else the change.
 * The case page's cards and the index's cards both read it.
 */
export function headlineCardText(row: MeasureRow): { lead: string; change: string | null } {
  if (row.wordsOnly) return { lead: row.finding ?? row.change, change: null };
  if (row.pair && row.design !== "comparison_group") return { lead: row.pair, change: row.headline ?? row.change };
  return { lead: row.headline ?? row.change, change: null };
}

/**
 * Bars for the change chart: figures whose estimate is a per cent or a
 * percentage-point change or difference, each with the source's interval as a
 * whisker. Absolute changes, small baselines and findings in words are listed
 * apart (listAbsoluteRows, listUnchartedRows).
 */
export function toChartRows(rows: MeasureRow[]): ChangeChartRow[] {
  return rows.flatMap((row) => {
    const e = row.assessment.effect;
    if (!e || e.basis === "absolute" || row.smallBaseline || row.wordsOnly) return [];
    return [
      {
        id: row.id,
        label: row.label,
        value: e.value,
        basis: e.basis,
        tone: row.tone,
        reportedOnly: e.source === "reported" && !e.interval,
        // Beside a bar: the change as the table prints it; a design's estimate by its headline (the design is named below it).
        display: e.contrast === "over_time" ? row.change : (row.headline ?? row.change),
        outcomeWord: row.outcomeWord,
        interval: e.interval ? [e.interval.lower, e.interval.upper] : null,
        design: row.design === "before_after" ? null : DESIGN_SHORT[row.design],
      },
    ];
  });
}

/** Absolute changes (a zero baseline, a small baseline, "saved £400,000"): listed in their unit, never drawn on the % axis. */
export function listAbsoluteRows(rows: MeasureRow[]): MeasureRow[] {
  return rows.filter((row) => !row.wordsOnly && (row.assessment.effect?.basis === "absolute" || row.smallBaseline));
}

/** Findings in words: their own list (issue 11), never turned into numbers. */
export function listFindingRows(rows: MeasureRow[]): MeasureRow[] {
  return rows.filter((row) => row.wordsOnly);
}

/** Measures with no change at all (one figure only), so none is silently dropped. */
export function listUnchartedRows(rows: MeasureRow[]): Array<{ row: MeasureRow; reason: string }> {
  return rows.flatMap((row) =>
    row.assessment.effect || row.wordsOnly ? [] : [{ row, reason: "only one figure is reported, so there is no change to chart" }],
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
    const axisLabel = f.rateBasis ? `${UNIT_AXIS[f.unit]}, ${f.rateBasis}` : UNIT_AXIS[f.unit];
    const group = groups.get(key) ?? { key, axisLabel, percent: f.unit === "percent", rows: [] };
    group.rows.push({
      id: row.id,
      label: row.label,
      before: f.before,
      after: f.after,
      beforeText: row.before,
      afterText: row.after,
      tone: outcomeColourToken(row.result.outcome),
      display: formatChange(f, row.result),
      outcomeWord: OUTCOME_WORDS[row.result.outcome],
    });
    groups.set(key, group);
  }
  return [...groups.values()];
}
