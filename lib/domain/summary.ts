// Plain-English sentences about measures and cases, for pages and under
// charts. Honest by construction: they only restate computed figures, say
// when figures are reported-only or approximate, never invent raw values, and
// judge by direction (DOMAIN.md: words follow improvement, not the sign).

import { computeChange, rankingValue } from "./change";
import { formatChange, formatNumber, formatValue } from "./format";
import { CHANGE_DECIMALS, qualifierPrefix, VALUE_DECIMALS } from "./format-number";
import type { Assessment } from "./evidence-types";
import type { MeasureChange, MeasureFigures, Outcome, Qualifier } from "./measure-types";

function figure(m: MeasureFigures, value: number, q: Qualifier): string {
  return formatValue(value, m.unit, { qualifier: q, rateBasis: m.rateBasis });
}

/** "fewer is better" for counts (people, referrals), else "lower is better". */
function betterClause(m: MeasureFigures): string {
  const lower = m.direction === "lower_is_better";
  if (m.unit === "count") return lower ? "fewer is better" : "more is better";
  return lower ? "lower is better" : "higher is better";
}

/** " — an improvement, since fewer is better", or "" when nothing to judge. */
function judgement(m: MeasureFigures, outcome: Outcome): string {
  switch (outcome) {
    case "improved":
      return ` — an improvement, since ${betterClause(m)}`;
    case "worsened":
      return ` — a deterioration, since ${betterClause(m)}`;
    case "changed":
      return " — neither direction is marked as better for this measure";
    case "no_clear_difference":
      return " — the source finds no clear difference";
    case "no_change":
    case "unknown":
      return "";
  }
}

function percent(n: number, decimals: number): string {
  return `${formatNumber(Math.abs(n), decimals)}%`;
}

function points(n: number, decimals: number): string {
  const text = formatNumber(Math.abs(n), decimals);
  return `${text} ${text === "1" ? "percentage point" : "percentage points"}`;
}

function reportedSentence(m: MeasureFigures, c: MeasureChange): string {
  const r = m.reportedChange ?? 0;
  const q = qualifierPrefix(m.reportedChangeQualifier);
  const unstated = m.reportedChangeBasis === "unspecified";
  const how = unstated
    ? "(as reported, without saying whether per cent or percentage points; raw figures not given)"
    : "(as reported; raw figures not given)";
  if (r === 0) return `${m.label} did not change ${how}.`;
  const verb = r < 0 ? "fell" : "rose";
  let amount: string;
  if (m.reportedChangeBasis === "percent") amount = percent(r, VALUE_DECIMALS);
  else if (m.reportedChangeBasis === "percentage_points") amount = points(r, VALUE_DECIMALS);
  else if (m.reportedChangeBasis === "absolute") amount = formatValue(Math.abs(r), m.unit, { rateBasis: m.rateBasis });
  else amount = formatNumber(Math.abs(r));
  return `${m.label} ${verb} by ${q}${amount} ${how}${judgement(m, c.outcome)}.`;
}

/** "up 14 percentage points (a 30.4% relative increase)", "down 33.3%", … */
function rawAmount(m: MeasureFigures, c: MeasureChange, abs: number): string {
  const q = qualifierPrefix(c.changeQualifier);
  const dir = abs < 0 ? "down" : "up";
  const rel = c.relativeChange;
  if (m.unit === "percent") {
    // DOMAIN.md: pp first, relative second. A fall to 0% is −100% by
    // definition, so "(a 100% relative decrease)" would add nothing.
    const relText =
      rel === null || m.after === 0 ? "" : ` (${q}a ${percent(rel, CHANGE_DECIMALS)} relative ${rel < 0 ? "decrease" : "increase"})`;
    return `${dir} ${q}${points(abs, CHANGE_DECIMALS)}${relText}`;
  }
  if (rel !== null) return `${dir} ${q}${percent(rel, CHANGE_DECIMALS)}`;
  const size = formatValue(Math.abs(abs), m.unit, { rateBasis: m.rateBasis });
  const why = c.zeroBaseline
    ? "the relative (%) change is undefined because the baseline is 0"
    : "no relative (%) change is given because a value is below 0";
  return `${dir} ${q}${size}; ${why}`;
}

function rawSentence(m: MeasureFigures, c: MeasureChange): string {
  const before = figure(m, m.before ?? 0, m.beforeQualifier);
  const after = figure(m, m.after ?? 0, m.afterQualifier);
  const abs = c.absoluteChange ?? 0;
  let text: string;
  if (abs === 0) {
    const caveat = c.approximate ? " in the figures as given, which are approximate" : "";
    text = `${m.label} was ${before} before and ${after} after — no change${caveat}.`;
  } else {
    const verb = abs < 0 ? "fell" : "rose";
    text = `${m.label} ${verb} from ${before} to ${after}, ${rawAmount(m, c, abs)}${judgement(m, c.outcome)}.`;
  }
  if (c.mismatch) {
    const msg = c.mismatch.message;
    text += ` The source's reported change does not match: ${msg.charAt(0).toLowerCase()}${msg.slice(1)}`;
  }
  return text;
}

/** One plain-English sentence about one measure's change. */
export function summariseMeasure(m: MeasureFigures, c: MeasureChange = computeChange(m)): string {
  switch (c.kind) {
    case "raw":
      return rawSentence(m, c);
    case "reported":
      return reportedSentence(m, c);
    case "after_only":
      return `${m.label} was ${figure(m, m.after ?? 0, m.afterQualifier)} after the reform; no before value or reported change is given, so no change can be computed.`;
    case "before_only":
      return `${m.label} was ${figure(m, m.before ?? 0, m.beforeQualifier)} before the reform; no after value or reported change is given, so no change can be computed.`;
    case "none":
      return `${m.label}: no figures recorded.`;
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const OUTCOME_PHRASES: [Outcome, string][] = [
  ["improved", "improved"],
  ["worsened", "worsened"],
  ["no_change", "did not change"],
  ["changed", "changed (no direction marked as better)"],
  ["no_clear_difference", "show no clear difference"],
  ["unknown", "cannot be assessed (no change can be computed)"],
];

function outcomeCounts(outcomes: Outcome[]): string {
  const parts = OUTCOME_PHRASES.flatMap(([outcome, phrase]) => {
    const n = outcomes.filter((o) => o === outcome).length;
    return n > 0 ? [`${n} ${phrase}`] : [];
  });
  return `Of ${plural(outcomes.length, "measure", "measures")}, ${parts.join(", ")}.`;
}

/** How "the largest improvement" is chosen, for the page's "How this is calculated". */
export const RANKING_METHOD =
  "Changes are compared by their log change, 100 × ln(after ÷ before), which treats a halving and a doubling as the same size (a fall from 100 to 50 and a rise from 50 to 100 count equally). A measure is not compared when it has a zero value, only a percentage-point change, a change whose basis the source does not state, or no change that can be computed.";

/** The improved measure with the largest log change, and how many cannot be ranked. */
function largestImprovement(measures: MeasureFigures[], changes: MeasureChange[]): string {
  let best: { m: MeasureFigures; c: MeasureChange; size: number } | null = null;
  let unrankable = 0;
  for (const [i, m] of measures.entries()) {
    const c = changes[i] ?? computeChange(m);
    const value = rankingValue(m, c);
    if (value === null) unrankable++;
    else if (c.outcome === "improved" && (best === null || Math.abs(value) > best.size)) {
      best = { m, c, size: Math.abs(value) };
    }
  }
  // DOMAIN.md: log change is symmetric, so rank by it. The public reads the
  // result in plain words; the method is behind "How this is calculated"
  // beside the summary (RANKING_METHOD).
  let text = best ? ` The largest improvement is ${best.m.label}: ${formatChange(best.m, best.c)}.` : "";
  if (unrankable > 0) {
    text += ` ${plural(unrankable, "measure is", "measures are")} not compared in size with the others.`;
  }
  return text;
}

/** " 4 are reported-only … lower confidence. 1 reported change does not match the raw figures." */
function confidenceNotes(reportedOnly: number, mismatches: number): string {
  let text = "";
  if (reportedOnly > 0) {
    const verbs =
      reportedOnly === 1
        ? "is reported-only (a change given without raw figures) and carries"
        : "are reported-only (changes given without raw figures) and carry";
    text += ` ${reportedOnly} ${verbs} lower confidence.`;
  }
  if (mismatches > 0) text += ` ${plural(mismatches, "reported change does", "reported changes do")} not match the raw figures.`;
  return text;
}

/**
 * A short factual paragraph for under a case's chart: outcomes by direction,
 * how many figures are reported-only, mismatches, and the largest improvement
 * by log change (explaining why log change is used for ranking).
 */
export function summariseCase(measures: MeasureFigures[]): string {
  if (measures.length === 0) return "No measures recorded.";
  const changes = measures.map((m) => computeChange(m));
  let text = outcomeCounts(changes.map((c) => c.outcome));
  text += confidenceNotes(changes.filter((c) => c.reportedOnly).length, changes.filter((c) => c.mismatch !== null).length);
  return text + largestImprovement(measures, changes);
}

/**
 * summariseCase for figures assessed under their designs (the case page):
 * outcomes as the assessments give them (a reported interval that spans no
 * effect is "no clear difference"), how many figures compare the reform with a
 * comparison group, and how many are findings in words. For a case of plain
 * before/after figures it says exactly what summariseCase says.
 */
export function summariseAssessedCase(items: Array<{ figures: MeasureFigures; assessment: Assessment }>): string {
  if (items.length === 0) return "No measures recorded.";
  let text = outcomeCounts(items.map((i) => i.assessment.outcome));
  const controlled = items.filter(
    (i) => i.assessment.effect && ["vs_comparison", "difference_in_differences"].includes(i.assessment.effect.contrast),
  ).length;
  if (controlled > 0) {
    text += ` ${plural(controlled, "figure compares", "figures compare")} the reform with a group that did not have it, which is stronger evidence than before and after alone.`;
  }
  const words = items.filter((i) => i.assessment.wordsOnly).length;
  if (words > 0) text += ` ${plural(words, "result is a finding", "results are findings")} in words, with no figure.`;
  text += confidenceNotes(
    items.filter((i) => i.assessment.change.reportedOnly && !i.assessment.effect?.interval).length,
    items.filter((i) => i.assessment.change.mismatch !== null).length,
  );
  const overTime = items.filter(
    (i) =>
      !i.assessment.wordsOnly &&
      i.assessment.effect?.contrast !== "vs_comparison" &&
      i.assessment.effect?.contrast !== "difference_in_differences",
  );
  return (
    text +
    largestImprovement(
      overTime.map((i) => i.figures),
      overTime.map((i) => i.assessment.change),
    )
  );
}
