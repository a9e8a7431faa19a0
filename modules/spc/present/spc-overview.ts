// One row per series for the case page's "Over time" summary table, the
// Making Data Count way (the matrix a board report opens with): the measure,
// its variation and assurance icons, the first and latest phase means, and the
// summary sentence. Pure; every figure comes from buildSpcView.
import type { Tone } from "@/components/charts/chart-colours";
import { formatSeriesValue, type SeriesForChart, type SpcView } from "./spc";

export interface SpcIconView {
  tone: Tone;
  /** The icon's letter: H/L (special cause high or low), ~ (common cause), P/F/? (assurance). */
  glyph: string;
  text: string;
}

export interface SpcOverviewRow {
  key: string;
  label: string;
  href: string;
  points: number;
  /** The Making Data Count variation icon; null on a run chart, which has `runChart` instead. */
  variation: SpcIconView | null;
  /** A run chart's reading in words (no icon: the Making Data Count icons need process limits). */
  runChart: { tone: Tone; text: string } | null;
  assurance: SpcIconView | null;
  /** Mean of the first phase and of the latest (a run chart: its median), formatted; `after` is null with a single phase. */
  before: string;
  after: string | null;
  summary: string;
}

/**
 * More series than this, and the case page shows the summary table only, each
 * chart on its own page: ten charts of 60 points would make the page ~0.5 MB.
 */
export const MAX_INLINE_SPC_CHARTS = 3;

export function variationIcon(variation: NonNullable<SpcView["variation"]>): SpcIconView {
  const glyph = variation.type === "common_cause" ? "~" : variation.side === "high" ? "H" : variation.side === "low" ? "L" : "!";
  return { tone: variation.tone, glyph, text: variation.text };
}

export function assuranceIcon(assurance: NonNullable<SpcView["assurance"]>): SpcIconView {
  const tone: Tone = assurance.type === "pass" ? "improvement" : assurance.type === "fail" ? "concern" : "neutral";
  const glyph = assurance.type === "pass" ? "P" : assurance.type === "fail" ? "F" : "?";
  return { tone, glyph, text: assurance.text };
}

export function toSpcOverviewRow(series: SeriesForChart, view: SpcView, href: string): SpcOverviewRow {
  const first = view.phases[0];
  const last = view.phases[view.phases.length - 1];
  return {
    key: series.measureId,
    label: series.label,
    href,
    points: series.points.length,
    variation: view.variation ? variationIcon(view.variation) : null,
    runChart: view.runChartReading,
    assurance: view.assurance ? assuranceIcon(view.assurance) : null,
    before: first ? `${formatSeriesValue(first.mean, series.unit)}${view.runChart ? " (median)" : ""}` : "–",
    after: last && last !== first ? formatSeriesValue(last.mean, series.unit) : null,
    summary: view.summary,
  };
}
