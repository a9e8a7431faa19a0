// From a measure's series to what its chart shows: the engine's result, rows
// for the chart and the data table, the icons, the plain-English summary and
// the notes. An SPC (XmR) chart when the rules allow one; otherwise a run
// chart read with the NHS run-chart rules (issue 18): fewer than 13 points,
// or dates that are not evenly spaced (issue 16). Pure, so the public page
// (server) and the workspace preview (browser) build exactly the same view
// from the same series.
import {
  calculateRunChart,
  calculateSpc,
  summariseRunChart,
  summariseSpc,
  RUN_CHART_SHIFT,
  RUN_CHART_TREND,
  type Assurance,
  type PointType,
  type RunChartResult,
  type SignalSide,
  type SpcResult,
} from "@/lib/domain/spc";
import {
  FREQUENCY_AXIS,
  FREQUENCY_INTERVAL,
  computePhaseMeansHeadline,
  formatPeriod,
  formatSeriesDate,
  planPhases,
  resolveFrequency,
  spcAllowed,
  toImprovementDirection,
  type SeriesFrequency,
  type SeriesPoint,
  type SeriesUnit,
} from "@/lib/domain/series";
import type { Qualifier } from "@/lib/domain/measure-types";
import type { Tone } from "@/components/charts/chart-colours";

export type HeadlineMethod = "figures" | "series_phase_means";
export type MeasureDirection = "lower_is_better" | "higher_is_better" | "neutral";

/** Points an SPC chart needs (DOMAIN.md, Making Data Count: 12 in a phase, 13 in the chart); fewer make a run chart. */
export const SPC_CHART_MINIMUM = 13;

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
  /** Moving-range outlier screening (NHSRplotthedots' default, true); false as the Making Data Count Excel tool. */
  screenOutliers: boolean;
  /** Each phase's mean and limits from its first N points (N ≥ 12); null: from every point. */
  fixAfterPoints: number | null;
  /** How often the series has a point; null (saved before it was stored): as the dates look. */
  frequency: SeriesFrequency | null;
  interventionDate: string | null;
  points: SeriesPoint[];
}

export interface SpcChartPoint {
  index: number;
  date: string;
  /** Axis and table label, e.g. "Mar 2024", "Apr–Jun 2024", "2019/20". */
  label: string;
  value: number;
  annotation: string | null;
  phase: number;
  pointType: PointType;
  /** The side of the point's signal (kept for the neutral direction too); null for common cause. */
  side: SignalSide;
  tone: Tone;
  /** Words for the point's type, so the table never relies on colour. */
  signalWords: string;
  /** Rules that flagged the point, e.g. "shift, beyond limits". */
  rules: string;
  /** The centre line: the phase's mean, or a run chart's median. */
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
  /** The side of each point's signal: "high", "low" or null. */
  sides: SignalSide[];
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
  /** The x axis title: "Month", "Quarter", "Year", "Date" … */
  xAxisLabel: string;
  /** What the centre line is: each phase's mean (SPC), or the median of every point (run chart). */
  centreLabel: "Mean" | "Median";
  monthly: boolean;
  runChart: boolean;
  intervention: { label: string; text: string } | null;
  rebases: Array<{ label: string; text: string }>;
  target: number | null;
}

/** What a run chart shows, in place of the Making Data Count icons (which need process limits). */
export interface RunChartReading {
  tone: Tone;
  text: string;
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
  frequency: SeriesFrequency;
  /**
   * A run chart (points and their median, no limits), read with the NHS
   * run-chart rules: fewer than SPC_CHART_MINIMUM points, or irregular dates.
   */
  runChart: boolean;
  points: SpcChartPoint[];
  phases: SpcPhaseView[];
  intervention: { label: string; text: string } | null;
  rebases: Array<{ label: string; text: string }>;
  target: number | null;
  /** Icon from the last point; `side` is its signal's side (the H/L of the icon). null on a run chart. */
  variation: { type: PointType; tone: Tone; text: string; side: SignalSide } | null;
  /** A run chart's reading of its latest runs; null on an SPC chart. */
  runChartReading: RunChartReading | null;
  assurance: { type: Assurance; text: string } | null;
  summary: string;
  /** Why the icon (the latest point) and the summary (the phases) can say different things. */
  iconNote: string;
  notes: string[];
  headlineNote: string;
  runLength: number;
}

const UNIT_LABELS: Record<string, string> = {
  percent: "%",
  count: "",
  money: "£",
  rate: "",
  ratio: ":1",
  score: "points",
};

const AXIS: Record<string, string> = {
  percent: "Per cent",
  count: "Count",
  money: "Pounds (£)",
  rate: "Rate",
  ratio: "Ratio",
  score: "Score",
};

/** Units printed as plain numbers; any other unit ("hours", "weeks", one the enum gains later) follows its value by name. */
const BARE_UNITS = new Set(["count", "rate", "ratio", "score"]);

// Nothing here lists every unit: a unit without an entry is named as it is stored ("weeks", "Weeks").
const unitLabelOf = (unit: SeriesUnit) => UNIT_LABELS[unit] ?? unit;
const axisOf = (unit: SeriesUnit) => AXIS[unit] ?? `${unit.charAt(0).toUpperCase()}${unit.slice(1)}`;

export const POINT_TYPE_WORDS: Record<PointType, string> = {
  common_cause: "common cause",
  special_cause_improvement: "special cause: improvement",
  special_cause_concern: "special cause: concern",
  special_cause_neutral: "special cause: neither better nor worse",
};

/** A point's type in words with its side ("special cause: neither better nor worse, high"). */
export function signalWords(type: PointType, side: SignalSide): string {
  return side && type !== "common_cause" ? `${POINT_TYPE_WORDS[type]}, ${side}` : POINT_TYPE_WORDS[type];
}

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

const RUN_RULES_TEXT = `the NHS run-chart rules: a shift is ${RUN_CHART_SHIFT} or more points in a row on one side of the median (points on it not counted), a trend ${RUN_CHART_TREND} or more in a row going up or down (a repeated value counted once)`;

function rulesText(p: SpcResult["points"][number]): string {
  const r = [
    p.specialCause.beyondLimits ? "beyond a limit" : null,
    p.specialCause.shift ? "shift" : null,
    p.specialCause.trend ? "trend" : null,
    p.specialCause.twoInThree ? "two of three beyond 2σ" : null,
  ].filter(Boolean);
  return r.join(", ");
}

function runRulesText(p: RunChartResult["points"][number]): string {
  return [p.shift ? "shift against the median" : null, p.trend ? "trend" : null].filter(Boolean).join(", ");
}

/** The latest points' reading on a run chart, for the badge beside it. */
function runChartReading(rc: RunChartResult, lastIndex: number): RunChartReading {
  const latest = rc.runs.filter((r) => r.end === lastIndex).sort((a, b) => (a.rule === "trend" ? -1 : b.rule === "trend" ? 1 : 0))[0];
  if (!latest) {
    return {
      tone: "neutral",
      text:
        rc.runs.length > 0
          ? "Run chart: an earlier shift or trend, none in the latest points"
          : "Run chart: no shift or trend against the median",
    };
  }
  const what =
    latest.rule === "trend"
      ? `a trend ${latest.side === "high" ? "rising" : "falling"} to the latest point`
      : `a shift ${latest.side === "high" ? "above" : "below"} the median up to the latest point`;
  const tone = POINT_TYPE_TONES[latest.pointType];
  const judged =
    latest.pointType === "special_cause_improvement" ? ": improvement" : latest.pointType === "special_cause_concern" ? ": concern" : "";
  return { tone, text: `Run chart: ${what}${judged}` };
}

/** The sentence saying where the headline before/after came from. */
export function describeHeadlineMethod(
  series: Pick<SeriesForChart, "headlineMethod" | "points" | "interventionDate" | "rebaseDates"> &
    Partial<Pick<SeriesForChart, "fixAfterPoints" | "frequency">>,
): string {
  if (series.headlineMethod === "figures") {
    return "Headline figures: from the before and after figures as reported, not from this series.";
  }
  const h = computePhaseMeansHeadline(series.points, series.interventionDate, series.rebaseDates, series.frequency);
  if (!h.ok) return `Headline figures: from the reported figures, because the phase means cannot be used (${h.reason}).`;
  const fixed =
    series.fixAfterPoints && Math.max(h.before.count, h.after.count) > series.fixAfterPoints
      ? ` The chart's centre lines come from the first ${series.fixAfterPoints} points of each phase (limits fixed), so a longer phase's mean can differ from its centre line.`
      : "";
  return `Headline figures: from the phase means of this series. ${h.description}${fixed}`;
}

export interface SpcViewOptions {
  /** Overrides the series' own run length. */
  runLength?: number;
}

/** The measure's SPC settings in words, for the chart's notes (issue 18: shown with every chart). */
function settingsNote(series: SeriesForChart, runLength: number): string {
  const screening = series.screenOutliers
    ? "moving ranges of 3.267 × the average or more are screened out of the limits (NHSRplotthedots)"
    : "outlier screening is off: every moving range counts towards the limits (as the Making Data Count Excel tool)";
  const fixing = series.fixAfterPoints
    ? `the limits are fixed after ${series.fixAfterPoints} points: each phase's mean and limits come from its first ${series.fixAfterPoints} points and later points are judged against them`
    : "each phase's mean and limits come from all its points";
  return `SPC settings for this measure: a shift or a trend is ${runLength} points in a row; ${screening}; ${fixing}.`;
}

/**
 * The icon reads the latest point; the summary's change reads the phases
 * (issue 20: "a real shift" beside "common cause variation" needed saying why).
 */
export function describeIconNote(runChart: boolean, comparesPhases: boolean): string {
  const icon = runChart
    ? "The icon above describes the latest point only: whether it is part of a shift or a trend of the run chart."
    : "The icons above describe the latest point only (Making Data Count): its variation and, where a target is set, its assurance.";
  return comparesPhases
    ? `${icon} The change is read from the comparison of the phases before and after, so a real shift and a latest point of common cause variation can both be true.`
    : icon;
}

export function buildSpcView(series: SeriesForChart, options: SpcViewOptions = {}): SpcView {
  const dates = series.points.map((p) => p.date);
  const n = dates.length;
  const frequency = resolveFrequency(series.frequency, dates);
  const intervalLabel = FREQUENCY_INTERVAL[frequency] ?? undefined;
  const monthly = frequency === "monthly";
  const short = (d: string) => formatPeriod(d, frequency);
  const long = (d: string) => formatPeriod(d, frequency, { long: true });
  const plan = planPhases(dates, series.interventionDate, series.rebaseDates);
  const direction = toImprovementDirection(series.direction);
  const runLength = options.runLength ?? series.runLength;
  const result = calculateSpc(
    series.points.map((p) => ({ x: p.date, y: p.value })),
    {
      improvementDirection: direction,
      target: series.target,
      rebaseAt: plan.rebaseAt,
      runLength,
      screenOutliers: series.screenOutliers,
      fixAfterNPoints: series.fixAfterPoints,
    },
  );
  const allowed = spcAllowed(frequency);
  const runChart = n > 0 && (!allowed.allowed || n < SPC_CHART_MINIMUM);
  const rc = runChart ? calculateRunChart(result.points, { improvementDirection: direction }) : null;
  const unitLabel = series.unit === "rate" && series.rateBasis ? series.rateBasis : unitLabelOf(series.unit);
  const axisLabel = series.unit === "rate" && series.rateBasis ? `Rate, ${series.rateBasis}` : axisOf(series.unit);
  const limitsOf = (phase: number) => {
    const ph = result.phases[phase - 1]!;
    return runChart || ph.runChartOnly ? null : ph;
  };

  const points: SpcChartPoint[] = result.points.map((p, i) => {
    const lim = limitsOf(p.phase);
    const r = rc?.points[i];
    const pointType = r ? r.pointType : p.pointType;
    const side = r ? r.side : p.side;
    return {
      index: i,
      date: p.x,
      label: short(p.x),
      value: p.y,
      annotation: series.points[i]!.annotation,
      phase: rc ? 1 : p.phase,
      pointType,
      side,
      tone: POINT_TYPE_TONES[pointType],
      signalWords: signalWords(pointType, side),
      rules: r ? runRulesText(r) : rulesText(p),
      mean: rc ? rc.median : p.mean,
      lpl: lim ? p.lpl : null,
      upl: lim ? p.upl : null,
      lower2Sigma: lim ? p.lower2Sigma : null,
      upper2Sigma: lim ? p.upper2Sigma : null,
    };
  });

  const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
  // A run chart has one centre line, the median of every point; an SPC chart a mean and limits per phase.
  const chartPhases: SpcChartData["phases"] = rc
    ? [
        {
          phase: 1,
          start: 0,
          end: n - 1,
          mean: r6(rc.median),
          lpl: null,
          upl: null,
          lower2Sigma: null,
          upper2Sigma: null,
          trialLimits: false,
        },
      ]
    : result.phases.map((ph) => {
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
      });
  const phases: SpcPhaseView[] = chartPhases.map((ph) => ({
    phase: ph.phase,
    startLabel: short(dates[ph.start]!),
    endLabel: short(dates[ph.end]!),
    mean: rc ? rc.median : result.phases[ph.phase - 1]!.mean,
    lpl: ph.lpl === null ? null : result.phases[ph.phase - 1]!.lpl,
    upl: ph.upl === null ? null : result.phases[ph.phase - 1]!.upl,
    trialLimits: ph.trialLimits,
  }));

  const interventionAt = plan.interventionIndex;
  const intervention =
    interventionAt !== undefined && series.interventionDate
      ? {
          label: short(dates[interventionAt]!),
          text: `Intervention, ${formatSeriesDate(series.interventionDate, monthly && series.interventionDate.endsWith("-01"))}`,
        }
      : null;
  // A run chart has no limits to recalculate: the rebase dates are not drawn on it.
  const rebases = rc
    ? []
    : plan.rebaseAt
        .filter((i) => i !== interventionAt)
        .map((i) => ({ label: short(dates[i]!), text: `Limits recalculated, ${long(dates[i]!)}` }));

  const unitForSummary = series.unit === "percent" ? "%" : series.unit === "money" ? "£" : unitLabel || undefined;
  let summary: string;
  const notes: string[] = [...plan.notes];
  if (rc) {
    const why = allowed.allowed
      ? `Read as a run chart: ${n} ${n === 1 ? "point is" : "points are"} too few for process limits (an SPC chart needs ${SPC_CHART_MINIMUM}).`
      : "Read as a run chart: the dates are irregular, so there are no process limits.";
    summary = `${why} ${summariseRunChart(rc, { unitLabel: unitForSummary, intervalLabel, interventionIndex: interventionAt, dateLabel: long })}`;
    notes.unshift(
      allowed.allowed
        ? `Run chart: with ${n} points (fewer than ${SPC_CHART_MINIMUM}) there are too few for process limits, so the points are read against their median with ${RUN_RULES_TEXT}.`
        : `Run chart: ${allowed.reason.replace(/^The dates are irregular, so this is a run chart: /, "the dates are irregular, and ")} The points are read in time order against their median with ${RUN_RULES_TEXT}.`,
    );
    if (series.target !== null) notes.push("No assurance icon: a run chart has no process limits to compare the target with.");
    if (!series.screenOutliers || series.fixAfterPoints) {
      notes.push(
        `This measure's SPC settings (${[!series.screenOutliers ? "outlier screening off" : null, series.fixAfterPoints ? `limits fixed after ${series.fixAfterPoints} points` : null].filter(Boolean).join(", ")}) apply once it is an SPC chart: a run chart has no limits.`,
      );
    }
  } else {
    summary = summariseSpc(result, { unitLabel: unitForSummary, intervalLabel, interventionIndex: interventionAt, dateLabel: long });
    if (result.phases.some((ph) => ph.trialLimits)) {
      notes.unshift("Dashed limits are trial limits: a phase has fewer than 12 points, so they will move as points are added.");
    }
    notes.push(...result.notes);
    if (n > 0) notes.push(settingsNote(series, result.runLength));
  }
  if (series.interventionDate && interventionAt === undefined && n > 0) {
    summary = `The series does not span the intervention, so it cannot show a change at it. ${summary}`;
  }

  const chart: SpcChartData = {
    labels: points.map((p) => p.label),
    values: points.map((p) => p.value),
    types: points.map((p) => p.pointType),
    sides: points.map((p) => p.side),
    rules: points.map((p) => p.rules),
    annotations: Object.fromEntries(points.flatMap((p) => (p.annotation ? [[p.index, p.annotation]] : []))),
    phases: chartPhases,
    unitLabel,
    axisLabel,
    xAxisLabel: FREQUENCY_AXIS[frequency],
    centreLabel: rc ? "Median" : "Mean",
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
    axisLabel,
    monthly,
    frequency,
    runChart,
    points,
    phases,
    intervention,
    rebases,
    target: series.target,
    variation: rc
      ? null
      : {
          type: result.variation,
          tone: POINT_TYPE_TONES[result.variation],
          text: VARIATION_TEXT[result.variation],
          side: result.variationSide,
        },
    runChartReading: rc ? runChartReading(rc, n - 1) : null,
    assurance: rc || result.assurance === "none" ? null : { type: result.assurance, text: ASSURANCE_TEXT[result.assurance] },
    summary,
    notes: [...new Set(notes)],
    headlineNote: describeHeadlineMethod(series),
    iconNote: describeIconNote(rc !== null, chartPhases.length > 1 || (interventionAt !== undefined && interventionAt > 0)),
    runLength: result.runLength,
  };
}

/** A value as the table and tooltip print it: "62%", "1,240", "12.5 days", "3 weeks". */
export function formatSeriesValue(value: number, unit: SeriesUnit): string {
  const rounded = Math.abs(value) >= 100 ? Math.round(value * 10) / 10 : Math.round(value * 100) / 100;
  const text = rounded.toLocaleString("en-GB", { maximumFractionDigits: 2 });
  if (unit === "percent") return `${text}%`;
  if (unit === "money") return `£${text}`;
  if (BARE_UNITS.has(unit)) return text;
  return `${text} ${unit}`;
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
  /** The measure's stored frequency (null or absent: as the dates look), for naming the phases' periods. */
  frequency?: SeriesFrequency | null;
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
  const h = computePhaseMeansHeadline(s.points, s.interventionDate, s.rebaseDates, s.frequency);
  if (!h.ok) {
    return {
      ...m,
      headlineMethod: "figures",
      headlineNote: `From the reported figures: the series' phase means cannot be used (${h.reason}).`,
    };
  }
  const frequency = resolveFrequency(
    s.frequency,
    s.points.map((p) => p.date),
  );
  const span = (p: { from: string; to: string }) => `${formatPeriod(p.from, frequency)} – ${formatPeriod(p.to, frequency)}`;
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
