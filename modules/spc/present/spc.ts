// From a measure's series to what an SPC chart shows: the engine's result,
// rows for the chart and the data table, the icons, the plain-English summary
// and the notes. Pure, so the public page (server) and the workspace preview
// (browser) build exactly the same view from the same series.
import type { Qualifier } from "@/lib/domain/measure-types";
import { calculateSpc, summariseSpc, type Assurance, type PointType, type SpcResult } from "@/lib/domain/spc";
import {
  computePhaseMeansHeadline,
  formatSeriesDate,
  formatShortSeriesDate,
  planPhases,
  toImprovementDirection,
  type SeriesPoint,
  type SeriesUnit,
} from "@/lib/domain/series";
import type { Tone } from "@/components/charts/chart-colours";

export type HeadlineMethod = "figures" | "series_phase_means";
export type MeasureDirection = "lower_is_better" | "higher_is_better" | "neutral";

/** Everything needed to chart one measure's series (what modules/spc/data/series.ts returns per measure). */
export interface SeriesForChart {
  measureId: string;
  label: string;
  unit: SeriesUnit;
  rateBasis: string | null;
  direction: MeasureDirection;
  headlineMethod: HeadlineMethod;
  target: number | null;
  rebaseDates: string[];
  /** N of the shift and trend rules, set per measure (default 7, as NHS Making Data Count). */
  runLength: number;
  interventionDate: string | null;
  points: SeriesPoint[];
}

export interface SpcChartPoint {
  index: number;
  date: string;
  /** Axis and table label, e.g. "Mar 2024". */
  label: string;
  value: number;
  annotation: string | null;
  phase: number;
  pointType: PointType;
  tone: Tone;
  /** Words for the point's type, so the table never relies on colour. */
  signalWords: string;
  /** Rules that flagged the point, e.g. "shift, beyond limits". */
  rules: string;
  mean: number;
  lpl: number | null;
  upl: number | null;
  lower2Sigma: number | null;
  upper2Sigma: number | null;
}

export interface SpcPhaseView {
  phase: number;
  startLabel: string;
  endLabel: string;
  mean: number;
  lpl: number | null;
  upl: number | null;
  trialLimits: boolean;
}

/**
 * What the chart and the data table need, compact: it is sent to the browser
 * as a client component's props, once per chart, so a page with many charts
 * stays light. Per-point arrays share one index.
 */
export interface SpcChartData {
  labels: string[];
  values: number[];
  types: PointType[];
  /** Rules that flagged each point ("shift, beyond a limit"), "" for none. */
  rules: string[];
  /** Notes on points, by index. */
  annotations: Record<number, string>;
  phases: Array<{
    phase: number;
    start: number;
    end: number;
    mean: number;
    /** null: no limits drawn (run chart, or no usable moving range). */
    lpl: number | null;
    upl: number | null;
    lower2Sigma: number | null;
    upper2Sigma: number | null;
    trialLimits: boolean;
  }>;
  unitLabel: string;
  axisLabel: string;
  monthly: boolean;
  runChart: boolean;
  intervention: { label: string; text: string } | null;
  rebases: Array<{ label: string; text: string }>;
  target: number | null;
}

export interface SpcView {
  measureId: string;
  /** The compact data the chart and table components take. */
  chart: SpcChartData;
  title: string;
  /** "%", "days", "£" … for figures in the summary and axis. */
  unitLabel: string;
  axisLabel: string;
  monthly: boolean;
  /** Fewer points than the chart minimum: drawn as a run chart (points and centre line, no limits). */
  runChart: boolean;
  points: SpcChartPoint[];
  phases: SpcPhaseView[];
  intervention: { label: string; text: string } | null;
  rebases: Array<{ label: string; text: string }>;
  target: number | null;
  /** Icon from the last point; `side` is whether it sits above or below its mean (the H/L of the icon). */
  variation: { type: PointType; tone: Tone; text: string; side: "high" | "low" | null };
  assurance: { type: Assurance; text: string } | null;
  summary: string;
  notes: string[];
  headlineNote: string;
  runLength: number;
}

const UNIT_LABELS: Record<SeriesUnit, string> = {
  percent: "%",
  count: "",
  hours: "hours",
  days: "days",
  weeks: "weeks",
  months: "months",
  money: "£",
  rate: "",
  ratio: ":1",
  score: "points",
};

const AXIS: Record<SeriesUnit, string> = {
  percent: "Per cent",
  count: "Count",
  hours: "Hours",
  days: "Days",
  weeks: "Weeks",
  months: "Months",
  money: "Pounds (£)",
  rate: "Rate",
  ratio: "Ratio",
  score: "Score",
};

export const POINT_TYPE_WORDS: Record<PointType, string> = {
  common_cause: "common cause",
  special_cause_improvement: "special cause: improvement",
  special_cause_concern: "special cause: concern",
  special_cause_neutral: "special cause: neither better nor worse",
};

export const POINT_TYPE_TONES: Record<PointType, Tone> = {
  common_cause: "neutral",
  special_cause_improvement: "improvement",
  special_cause_concern: "concern",
  special_cause_neutral: "neutral",
};

const VARIATION_TEXT: Record<PointType, string> = {
  common_cause: "Common cause variation: no signal in the latest point",
  special_cause_improvement: "Special cause variation: improvement",
  special_cause_concern: "Special cause variation: concern",
  special_cause_neutral: "Special cause variation: neither better nor worse",
};

const ASSURANCE_TEXT: Record<Exclude<Assurance, "none">, string> = {
  pass: "Assurance: the target will be met consistently",
  fail: "Assurance: the target will be missed consistently",
  hit_and_miss: "Assurance: the target will be hit and missed at random",
};

function interval(points: readonly SeriesPoint[]): { monthly: boolean; label: string | undefined } {
  if (points.length > 0 && points.every((p) => p.date.endsWith("-01"))) return { monthly: true, label: "a month" };
  if (points.length > 1) {
    const gap = (Date.parse(points[1]!.date) - Date.parse(points[0]!.date)) / 86_400_000;
    if (gap === 7) return { monthly: false, label: "a week" };
  }
  return { monthly: false, label: undefined };
}

function rulesText(p: SpcResult["points"][number]): string {
  const r = [
    p.specialCause.beyondLimits ? "beyond a limit" : null,
    p.specialCause.shift ? "shift" : null,
    p.specialCause.trend ? "trend" : null,
    p.specialCause.twoInThree ? "two of three beyond 2σ" : null,
  ].filter(Boolean);
  return r.join(", ");
}

function lastSide(result: SpcResult): "high" | "low" | null {
  const p = result.points[result.points.length - 1];
  if (!p || p.pointType === "common_cause") return null;
  // A trend's side is its direction of travel; a shift or limit breach sits on one side of the mean.
  if (p.specialCause.trend && result.points.length > 1) return p.y >= result.points[result.points.length - 2]!.y ? "high" : "low";
  return p.y >= p.mean ? "high" : "low";
}

/** The sentence saying where the headline before/after came from. */
export function describeHeadlineMethod(
  series: Pick<SeriesForChart, "headlineMethod" | "points" | "interventionDate" | "rebaseDates">,
): string {
  if (series.headlineMethod === "figures") {
    return "Headline figures: from the before and after figures as reported, not from this series.";
  }
  const h = computePhaseMeansHeadline(series.points, series.interventionDate, series.rebaseDates);
  if (!h.ok) return `Headline figures: from the reported figures, because the phase means cannot be used (${h.reason}).`;
  return `Headline figures: from the phase means of this series. ${h.description}`;
}

export interface SpcViewOptions {
  /** Overrides the series' own run length. */
  runLength?: number;
}

export function buildSpcView(series: SeriesForChart, options: SpcViewOptions = {}): SpcView {
  const { monthly, label: intervalLabel } = interval(series.points);
  const dates = series.points.map((p) => p.date);
  const plan = planPhases(dates, series.interventionDate, series.rebaseDates);
  const result = calculateSpc(
    series.points.map((p) => ({ x: p.date, y: p.value })),
    {
      improvementDirection: toImprovementDirection(series.direction),
      target: series.target,
      rebaseAt: plan.rebaseAt,
      runLength: options.runLength ?? series.runLength,
    },
  );
  const runChart = result.phases.some((ph) => ph.runChartOnly) && series.points.length < 13;
  const unitLabel = series.unit === "rate" && series.rateBasis ? series.rateBasis : UNIT_LABELS[series.unit];
  const short = (d: string) => formatShortSeriesDate(d, monthly);
  const limitsOf = (phase: number) => {
    const ph = result.phases[phase - 1]!;
    return runChart || ph.runChartOnly ? null : ph;
  };

  const points: SpcChartPoint[] = result.points.map((p, i) => {
    const lim = limitsOf(p.phase);
    return {
      index: i,
      date: p.x,
      label: short(p.x),
      value: p.y,
      annotation: series.points[i]!.annotation,
      phase: p.phase,
      pointType: p.pointType,
      tone: POINT_TYPE_TONES[p.pointType],
      signalWords: POINT_TYPE_WORDS[p.pointType],
      rules: rulesText(p),
      mean: p.mean,
      lpl: lim ? p.lpl : null,
      upl: lim ? p.upl : null,
      lower2Sigma: lim ? p.lower2Sigma : null,
      upper2Sigma: lim ? p.upper2Sigma : null,
    };
  });

  const phases: SpcPhaseView[] = result.phases.map((ph) => {
    const lim = limitsOf(ph.phase);
    return {
      phase: ph.phase,
      startLabel: short(dates[ph.start]!),
      endLabel: short(dates[ph.end]!),
      mean: ph.mean,
      lpl: lim ? ph.lpl : null,
      upl: lim ? ph.upl : null,
      trialLimits: ph.trialLimits,
    };
  });

  const interventionAt = plan.interventionIndex;
  const intervention =
    interventionAt !== undefined && series.interventionDate
      ? {
          label: short(dates[interventionAt]!),
          text: `Intervention, ${formatSeriesDate(series.interventionDate, monthly && series.interventionDate.endsWith("-01"))}`,
        }
      : null;
  const rebases = plan.rebaseAt
    .filter((i) => i !== interventionAt)
    .map((i) => ({ label: short(dates[i]!), text: `Limits recalculated, ${formatSeriesDate(dates[i]!, monthly)}` }));

  const unitForSummary = series.unit === "percent" ? "%" : series.unit === "money" ? undefined : unitLabel || undefined;
  let summary = summariseSpc(result, { unitLabel: unitForSummary, intervalLabel, interventionIndex: interventionAt });
  if (series.interventionDate && interventionAt === undefined && series.points.length > 0) {
    summary = `The series does not span the intervention, so it cannot show a change at it. ${summary}`;
  }

  const notes = [...plan.notes, ...result.notes];
  if (runChart) {
    notes.unshift(
      `Run chart: with ${series.points.length} points (fewer than 13) there are too few for process limits, so only the points and the mean are drawn. Treat any pattern as provisional.`,
    );
  } else if (result.phases.some((ph) => ph.trialLimits)) {
    notes.unshift("Dashed limits are trial limits: a phase has fewer than 12 points, so they will move as points are added.");
  }

  const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
  const chart: SpcChartData = {
    labels: points.map((p) => p.label),
    values: points.map((p) => p.value),
    types: points.map((p) => p.pointType),
    rules: points.map((p) => p.rules),
    annotations: Object.fromEntries(points.flatMap((p) => (p.annotation ? [[p.index, p.annotation]] : []))),
    phases: result.phases.map((ph) => {
      const lim = limitsOf(ph.phase);
      return {
        phase: ph.phase,
        start: ph.start,
        end: ph.end,
        mean: r6(ph.mean),
        lpl: lim ? r6(ph.lpl) : null,
        upl: lim ? r6(ph.upl) : null,
        lower2Sigma: lim ? r6(result.points[ph.start]!.lower2Sigma) : null,
        upper2Sigma: lim ? r6(result.points[ph.start]!.upper2Sigma) : null,
        trialLimits: ph.trialLimits,
      };
    }),
    unitLabel,
    axisLabel: series.unit === "rate" && series.rateBasis ? `Rate, ${series.rateBasis}` : AXIS[series.unit],
    monthly,
    runChart,
    intervention,
    rebases,
    target: series.target,
  };

  return {
    measureId: series.measureId,
    chart,
    title: series.label,
    unitLabel,
    axisLabel: series.unit === "rate" && series.rateBasis ? `Rate, ${series.rateBasis}` : AXIS[series.unit],
    monthly,
    runChart,
    points,
    phases,
    intervention,
    rebases,
    target: series.target,
    variation: {
      type: result.variation,
      tone: POINT_TYPE_TONES[result.variation],
      text: VARIATION_TEXT[result.variation],
      side: lastSide(result),
    },
    assurance: result.assurance === "none" ? null : { type: result.assurance, text: ASSURANCE_TEXT[result.assurance] },
    summary,
    notes: [...new Set(notes)],
    headlineNote: describeHeadlineMethod(series),
    runLength: result.runLength,
  };
}

/** A value as the table and tooltip print it: "62%", "1,240", "12.5 days". */
export function formatSeriesValue(value: number, unit: SeriesUnit): string {
  const rounded = Math.abs(value) >= 100 ? Math.round(value * 10) / 10 : Math.round(value * 100) / 100;
  const text = rounded.toLocaleString("en-GB", { maximumFractionDigits: 2 });
  if (unit === "percent") return `${text}%`;
  if (unit === "money") return `£${text}`;
  if (unit === "hours" || unit === "days" || unit === "weeks" || unit === "months") return `${text} ${unit}`;
  return text;
}

export interface HeadlineFigureFields {
  before: number | null;
  after: number | null;
  beforeQualifier: Qualifier;
  afterQualifier: Qualifier;
  beforeWording: string | null;
  afterWording: string | null;
  beforePeriod: string | null;
  afterPeriod: string | null;
}

export interface SeriesHeadlineSource {
  headlineMethod: HeadlineMethod;
  interventionDate: string | null;
  rebaseDates: string[];
  points: ReadonlyArray<{ date: string; value: number }>;
}

/**
 * "From series to headline": when a measure's headline method is
 * series_phase_means and its series spans the intervention, its before and
 * after become the phase means (with the phases' date spans as the periods;
 * the source's wording belongs to the reported figures, so it is dropped).
 * `headlineMethod` says which method produced the figures actually shown.
 */
export function applySeriesHeadline<T extends HeadlineFigureFields>(
  m: T,
  s: SeriesHeadlineSource,
): T & { headlineMethod: HeadlineMethod; headlineNote: string | null } {
  if (s.headlineMethod !== "series_phase_means") return { ...m, headlineMethod: "figures", headlineNote: null };
  const h = computePhaseMeansHeadline(s.points, s.interventionDate, s.rebaseDates);
  if (!h.ok) {
    return {
      ...m,
      headlineMethod: "figures",
      headlineNote: `From the reported figures: the series' phase means cannot be used (${h.reason}).`,
    };
  }
  const monthly = s.points.every((p) => p.date.endsWith("-01"));
  const span = (p: { from: string; to: string }) => `${formatShortSeriesDate(p.from, monthly)} – ${formatShortSeriesDate(p.to, monthly)}`;
  return {
    ...m,
    before: h.before.mean,
    after: h.after.mean,
    beforeQualifier: "exact",
    afterQualifier: "exact",
    beforeWording: null,
    afterWording: null,
    beforePeriod: `mean of ${h.before.count} points, ${span(h.before)}`,
    afterPeriod: `mean of ${h.after.count} points, ${span(h.after)}`,
    headlineMethod: "series_phase_means",
    headlineNote: h.description,
  };
}
