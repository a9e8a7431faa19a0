// Pooling figures across cases (DOMAIN.md, "Comparing across cases"). Pure:
// no framework or database imports. How each figure pools (its scale, value
// and status) is decided once, at publish, by assessMeasure in evidence.ts
// and stored with the published version; the comparison views aggregate the
// stored values. This file holds the statistics over them.
//
// Scale: a measure type whose unit is percent pools percentage points (pp);
// every other type pools the log change 100·ln(after/before), which is
// symmetric (−50% and +100% are the same size).

import type { MeasureUnit } from "./measure-types";
import type { PoolScale } from "./evidence-types";

export type { PoolScale, PoolStatus } from "./evidence-types";

export function scaleForUnit(typeUnit: MeasureUnit): PoolScale {
  return typeUnit === "percent" ? "pp" : "log";
}

export const SCALE_LABELS: Record<PoolScale, string> = {
  pp: "Change in percentage points (pp)",
  log: "Log change, 100 × ln(after ÷ before)",
};

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

/** Fewer figures than this have no meaningful quartiles (issue 20: an IQR from two figures says nothing). */
export const MIN_FOR_QUARTILES = 4;

/** How a distribution's spread is told: the middle half from 4 figures up, else the whole range, labelled as such. */
export type Spread = { kind: "interquartile"; low: number; high: number } | { kind: "range"; low: number; high: number };

export function describeSpread(d: Pick<Distribution, "n" | "q1" | "q3" | "min" | "max">): Spread | null {
  if (d.n >= MIN_FOR_QUARTILES && d.q1 !== null && d.q3 !== null) return { kind: "interquartile", low: d.q1, high: d.q3 };
  if (d.n > 0 && d.min !== null && d.max !== null) return { kind: "range", low: d.min, high: d.max };
  return null;
}

/**
 * Equal bands of a histogram that always reach zero, so that 0 is on its axis
 * even when every figure fell (or rose). Band b (1-based) runs from
 * low + (b − 1)·width to low + b·width; the explorer's SQL bins with the same
 * least(min, 0) and greatest(max, 0).
 */
export function bandEdges(min: number, max: number, count: number): { low: number; high: number; width: number } {
  const low = Math.min(0, min);
  const high = Math.max(0, max);
  return { low, high, width: (high - low) / count };
}

/** A log change back as the relative % change it stands for: −52.8 → −41%. */
export function logToPercent(log: number): number {
  return (Math.exp(log / 100) - 1) * 100;
}

// ---- Evidence rating (padlocks, after the EEF Teaching & Learning Toolkit) ----

export interface EvidenceInputs {
  /** Published cases behind the figure. */
  cases: number;
  /** Median Maryland Scientific Methods Scale level of the figures (each from its design; 1–5). */
  medianLevel: number | null;
  /** Figures with their underlying values, or a reported estimate with its interval. */
  rawFigures: number;
  /** Figures that are a reported change or estimate alone. */
  reportedFigures: number;
}

export const EVIDENCE_RULE =
  "Padlocks start at the median evidence level of the figures on the Maryland Scientific Methods Scale (1 to 5; each figure rated by its design, so a matched comparison group rates above a plain before-and-after), lose one when fewer than half of the figures have their underlying values or a reported interval rather than a reported change alone, and lose one more when fewer than three cases stand behind them.";

/** 0–5 padlocks: see EVIDENCE_RULE, which the approaches page prints. */
export function evidencePadlocks(e: EvidenceInputs): number {
  if (e.cases === 0 || e.medianLevel === null) return 0;
  const figures = e.rawFigures + e.reportedFigures;
  const mostlyReported = figures === 0 || e.rawFigures * 2 < figures;
  const level = Math.floor(e.medianLevel);
  return Math.max(0, Math.min(5, level - (mostlyReported ? 1 : 0) - (e.cases < 3 ? 1 : 0)));
}
