// Input and option checks. Callers are expected to validate first; these
// throw clear errors rather than let NaN or a bad option produce a chart that
// looks plausible but is wrong.

import type { ImprovementDirection, SpcOptions } from "./types";

export class SpcInputError extends Error {
  constructor(message: string) {
    super(`SPC: ${message}`);
    this.name = "SpcInputError";
  }
}

export interface ResolvedOptions {
  improvementDirection: ImprovementDirection;
  target: number | null;
  runLength: number;
  screenOutliers: boolean;
  fixAfterNPoints: number | null;
  minimumPoints: number;
}

const DIRECTIONS: readonly ImprovementDirection[] = ["increase", "decrease", "neutral"];

function isInt(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n);
}

export function validateSeries(series: ReadonlyArray<{ x: string; y: number }>): void {
  if (!Array.isArray(series)) throw new SpcInputError("series must be an array of { x, y }.");
  for (let i = 0; i < series.length; i++) {
    const p = series[i];
    if (p === null || typeof p !== "object") throw new SpcInputError(`point ${i} is not an { x, y } object.`);
    if (typeof p.y !== "number" || !Number.isFinite(p.y)) {
      throw new SpcInputError(`y at index ${i} is ${String(p.y)}; every value must be a finite number.`);
    }
    if (typeof p.x !== "string") throw new SpcInputError(`x at index ${i} must be a string (an ISO date).`);
  }
}

export function resolveOptions(options: SpcOptions): ResolvedOptions {
  if (!DIRECTIONS.includes(options.improvementDirection)) {
    throw new SpcInputError(`improvementDirection must be one of ${DIRECTIONS.join(", ")}.`);
  }
  const target = options.target ?? null;
  if (target !== null && (typeof target !== "number" || !Number.isFinite(target))) {
    throw new SpcInputError("target must be a finite number, or null for no target.");
  }
  const runLength = options.runLength ?? 7;
  if (!isInt(runLength) || runLength < 2) throw new SpcInputError("runLength must be an integer of at least 2.");
  const fix = options.fixAfterNPoints ?? null;
  // PTD ptd_spc_options: "fix_after_n_points must be a single numeric that is
  // greater than or equal to 12" (fewer points cannot give robust limits).
  if (fix !== null && (!isInt(fix) || fix < 12)) {
    throw new SpcInputError("fixAfterNPoints must be an integer of at least 12 (as NHSRplotthedots requires).");
  }
  const minimumPoints = options.minimumPoints ?? 12;
  if (!isInt(minimumPoints) || minimumPoints < 1) throw new SpcInputError("minimumPoints must be a positive integer.");
  const screen = options.screenOutliers ?? true;
  if (typeof screen !== "boolean") throw new SpcInputError("screenOutliers must be true or false.");
  return {
    improvementDirection: options.improvementDirection,
    target,
    runLength,
    screenOutliers: screen,
    fixAfterNPoints: fix,
    minimumPoints,
  };
}

/**
 * Phase start indices (always beginning with 0) from `rebaseAt`.
 * PTD ptd_add_rebase_column marks rows whose date is %in% the rebase dates:
 * duplicates collapse and dates not in the data are ignored. We do the same
 * for indices ≥ length (with a note) and treat 0 as a no-op; a negative or
 * non-integer index is a caller bug, so it throws.
 */
export function phaseStarts(rebaseAt: readonly number[] | undefined, length: number, notes: string[]): number[] {
  const starts = new Set<number>([0]);
  for (const r of rebaseAt ?? []) {
    if (!isInt(r) || r < 0) throw new SpcInputError(`rebaseAt must hold non-negative integer indices; got ${String(r)}.`);
    if (r >= length) {
      notes.push(`Rebase index ${r} is past the end of the series (${length} points) and was ignored.`);
      continue;
    }
    starts.add(r);
  }
  return [...starts].sort((a, b) => a - b);
}
