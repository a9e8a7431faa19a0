// Pooling figures across cases (DOMAIN.md, "Comparing across cases"). Pure:
// no framework or database imports. The SQL in modules/compare/data/comparisons.ts
// computes the same per-measure values inside PostgreSQL; an integration test
// checks the two agree on the seeded cases, so this file is the specification.
//
// Scale: a measure type whose unit is percent pools percentage points (pp);
// every other type pools the log change 100·ln(after/before), which is
// symmetric (−50% and +100% are the same size).

import { classifyDirection, computeChange } from "./change";
import type { MeasureFigures, MeasureUnit, Outcome } from "./measure-types";

export type PoolScale = "pp" | "log";

/**
 * pooled: value on the scale. Otherwise why the figure is listed apart:
 * zero_baseline: before = 0 on the log scale (no ratio; DOMAIN.md: never +100% or ∞);
 * fell_to_zero: after = 0, a −100% change with no log change;
 * not_comparable: a figure the scale cannot take (a reported per cent change on a
 *   pp scale, a pp or unspecified-basis change on the log scale, values below 0);
 * one_figure: a before or an after only, so no change at all.
 */
export type PoolStatus = "pooled" | "zero_baseline" | "fell_to_zero" | "not_comparable" | "one_figure";

export interface PooledFigure {
  status: PoolStatus;
  value: number | null;
  reportedOnly: boolean;
  /** Direction-aware, from the change's sign; "unknown" when there is no change. */
  outcome: Outcome;
}

export function scaleForUnit(typeUnit: MeasureUnit): PoolScale {
  return typeUnit === "percent" ? "pp" : "log";
}

export const SCALE_LABELS: Record<PoolScale, string> = {
  pp: "Change in percentage points (pp)",
  log: "Log change, 100 × ln(after ÷ before)",
};

/** The value a measure contributes to a pooled distribution on `scale`. */
export function poolFigure(m: MeasureFigures, scale: PoolScale): PooledFigure {
  const c = computeChange(m);
  const reportedOnly = c.kind === "reported";
  const signed = c.kind === "raw" ? c.absoluteChange : c.kind === "reported" ? m.reportedChange : null;
  const outcome = classifyDirection(m.direction, signed);
  const out = (status: PoolStatus, value: number | null = null): PooledFigure => ({ status, value, reportedOnly, outcome });

  if (c.kind !== "raw" && c.kind !== "reported") return out("one_figure");
  if (scale === "pp") {
    // Only a raw pair of percentages or a reported pp change is in points;
    // a per cent change cannot be turned into points (DOMAIN.md).
    if (c.kind === "raw") return m.unit === "percent" ? out("pooled", c.absoluteChange) : out("not_comparable");
    return m.reportedChangeBasis === "percentage_points" ? out("pooled", m.reportedChange) : out("not_comparable");
  }
  if (c.kind === "raw") {
    if (c.negativeValues) return out("not_comparable");
    if (c.zeroBaseline) return out("zero_baseline");
    if (c.logChange === null) return out("fell_to_zero");
    return out("pooled", c.logChange);
  }
  // Reported: only a per cent change has a ratio (1 + r/100).
  if (m.reportedChangeBasis !== "percent") return out("not_comparable");
  if (c.logChange === null) return out("fell_to_zero");
  return out("pooled", c.logChange);
}

/**
 * The p-quantile of ascending values by linear interpolation between the
 * closest ranks — PostgreSQL's percentile_cont, so page and SQL agree.
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const lo = sorted[Math.floor(rank)] as number;
  const hi = sorted[Math.ceil(rank)] as number;
  return lo + (hi - lo) * (rank - Math.floor(rank));
}

export interface Distribution {
  n: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
}

export function describeDistribution(values: readonly number[]): Distribution {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, median: quantile(s, 0.5), q1: quantile(s, 0.25), q3: quantile(s, 0.75), min: s[0] ?? null, max: s.at(-1) ?? null };
}

/** A log change back as the relative % change it stands for: −52.8 → −41%. */
export function logToPercent(log: number): number {
  return (Math.exp(log / 100) - 1) * 100;
}

// ---- Evidence rating (padlocks, after the EEF Teaching & Learning Toolkit) ----

export interface EvidenceInputs {
  /** Published cases behind the figure. */
  cases: number;
  /** Median Maryland Scientific Methods Scale level of those cases (1–5). */
  medianLevel: number | null;
  /** Figures with a change computed from raw before and after values. */
  rawFigures: number;
  /** Figures that are reported-only changes (no raw values). */
  reportedFigures: number;
}

export const EVIDENCE_RULE =
  "Padlocks start at the cases' median evidence level on the Maryland Scientific Methods Scale (1 to 5), lose one when fewer than half of the figures behind them have raw before-and-after values rather than a reported change alone, and lose one more when fewer than three cases stand behind them.";

/** 0–5 padlocks: see EVIDENCE_RULE, which the approaches page prints. */
export function evidencePadlocks(e: EvidenceInputs): number {
  if (e.cases === 0 || e.medianLevel === null) return 0;
  const figures = e.rawFigures + e.reportedFigures;
  const mostlyReported = figures === 0 || e.rawFigures * 2 < figures;
  const level = Math.floor(e.medianLevel);
  return Math.max(0, Math.min(5, level - (mostlyReported ? 1 : 0) - (e.cases < 3 ? 1 : 0)));
}
