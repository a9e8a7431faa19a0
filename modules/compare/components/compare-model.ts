// From compared cases to what /compare and its CSV show: shared measure types
// side by side, and the measures only one case has. Pure (no React), so the
// page and the CSV route handler read the same rows.
import type { Tone } from "@/components/charts/chart-colours";
import type { ComparedCase, ComparedMeasure } from "@/modules/compare/data/comparisons";
import { formatFigure } from "@/lib/domain/evidence-text";
import type { Outcome } from "@/lib/domain/measure-types";
import { OUTCOME_WORDS, toneOf } from "./pooled-text";

export const LETTERS = ["A", "B", "C", "D", "E", "F"];

export interface CompareCell {
  label: string;
  display: string;
  outcome: Outcome;
  outcomeWord: string;
  tone: Tone;
  reportedOnly: boolean;
  /** Drawn on the chart: a per cent or pp change; null for an absolute-only change. */
  bar: { value: number; basis: "percent" | "percentage_points" } | null;
}

export interface SharedRow {
  typeKey: string;
  typeName: string;
  cells: Array<CompareCell | null>;
}

export interface OnlyRow {
  letter: string;
  caseTitle: string;
  slug: string;
  typeName: string | null;
  cell: CompareCell;
}

/** A figure as stored at publish: its estimate under its design, never recomputed here. */
function toCell(m: ComparedMeasure): CompareCell {
  const a = m.assessment;
  const e = a.effect;
  return {
    label: m.label,
    display: formatFigure(m, a),
    outcome: a.outcome,
    outcomeWord: OUTCOME_WORDS[a.outcome],
    tone: toneOf(a.outcome),
    reportedOnly: e?.source === "reported" && !e.interval,
    bar: e && e.basis !== "absolute" && !a.smallBaseline ? { value: e.value, basis: e.basis } : null,
  };
}

/** Shared = a measure type that at least two of the cases report. */
export function buildComparison(cases: ComparedCase[]): { shared: SharedRow[]; only: OnlyRow[] } {
  const byType = new Map<string, { name: string; perCase: Array<ComparedMeasure | undefined> }>();
  cases.forEach((c, i) => {
    for (const m of c.measures) {
      if (!m.type) continue;
      const entry = byType.get(m.type.key) ?? { name: m.type.name, perCase: [] };
      entry.perCase[i] ??= m; // the first measure of a type in a case stands for it
      byType.set(m.type.key, entry);
    }
  });
  const shared: SharedRow[] = [];
  const sharedKeys = new Set<string>();
  for (const [key, e] of byType) {
    if (e.perCase.filter(Boolean).length < 2) continue;
    sharedKeys.add(key);
    shared.push({ typeKey: key, typeName: e.name, cells: cases.map((_, i) => (e.perCase[i] ? toCell(e.perCase[i]) : null)) });
  }
  const only = cases.flatMap((c, i) =>
    c.measures
      .filter((m) => !m.type || !sharedKeys.has(m.type.key))
      .map((m) => ({ letter: LETTERS[i] ?? "?", caseTitle: c.title, slug: c.slug, typeName: m.type?.name ?? null, cell: toCell(m) })),
  );
  return { shared, only };
}
