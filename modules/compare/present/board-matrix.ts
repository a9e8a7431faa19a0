// The board summary matrix, the Making Data Count way: one row per measure with
// its latest value, its change, and the variation and assurance icons where a
// series exists; grouped by case or by approach. Pure view model: every figure
// was computed at publish (the change) or comes from the SPC engine (icons).
import type { Tone } from "@/components/charts/chart-colours";
import { outcomeColourToken } from "@/lib/domain/change";
import { formatFigure } from "@/lib/domain/evidence-text";
import { formatValue } from "@/lib/domain/format";
import type { Outcome } from "@/lib/domain/measure-types";
import { tableToCsv } from "@/lib/domain/csv/table-csv";
import { seriesPath, versionPath } from "@/modules/cases/present/citation";
import { buildSpcView, formatSeriesValue, type SeriesForChart } from "@/modules/spc/present/spc";
import { assuranceIcon, variationIcon, type SpcIconView } from "@/modules/spc/present/spc-overview";
import type { BoardMeasure } from "../data/board-summary";
import { OUTCOME_WORDS } from "../components/pooled-text";

export type BoardGrouping = "case" | "approach";

export interface BoardRow {
  id: string;
  label: string;
  caseTitle: string;
  /** The measure's chart: its series page, or its row in the case's figures. */
  href: string;
  latest: string;
  latestNote: string | null;
  change: string;
  outcome: string;
  tone: Tone;
  variation: SpcIconView | null;
  /** A run chart's reading, where the series is too short for the icons. */
  runChart: string | null;
  assurance: SpcIconView | null;
}

export interface BoardGroup {
  key: string;
  title: string;
  href: string | null;
  rows: BoardRow[];
}

function latestOf(m: BoardMeasure, s: SeriesForChart | undefined): { text: string; note: string | null } {
  const last = s?.points.at(-1);
  if (s && last) return { text: formatSeriesValue(last.value, s.unit), note: `latest point, ${last.date}` };
  const f = m.figures;
  if (f.after !== null) return { text: formatValue(f.after, f.unit, { qualifier: f.afterQualifier, rateBasis: f.rateBasis }), note: null };
  return { text: "–", note: null };
}

export function buildBoardRows(measures: BoardMeasure[], series: Map<string, SeriesForChart>): BoardRow[] {
  // The k-th series of a version is the k-th of its measures that has one (seriesPath numbering).
  const seriesIndex = new Map<string, number>();
  const counters = new Map<string, number>();
  for (const m of measures) {
    if (!series.has(m.measureId)) continue;
    const k = (counters.get(m.caseSlug) ?? 0) + 1;
    counters.set(m.caseSlug, k);
    seriesIndex.set(m.measureId, k);
  }
  return measures.map((m) => {
    const s = series.get(m.measureId);
    const view = s ? buildSpcView(s) : null;
    const latest = latestOf(m, s);
    const k = seriesIndex.get(m.measureId);
    const outcome = m.outcome as Outcome;
    return {
      id: m.measureId,
      label: m.figures.label,
      caseTitle: m.caseTitle,
      href: k ? seriesPath(m.caseSlug, m.version, k) : `${versionPath(m.caseSlug, m.version)}#figure-${m.measureId}`,
      latest: latest.text,
      latestNote: latest.note,
      change: formatFigure(m.figures, m.figures.assessment),
      outcome: OUTCOME_WORDS[outcome] ?? outcome,
      tone: outcomeColourToken(outcome),
      variation: view?.variation ? variationIcon(view.variation) : null,
      runChart: view?.runChartReading?.text ?? null,
      assurance: view?.assurance ? assuranceIcon(view.assurance) : null,
    };
  });
}

export function groupBoardRows(measures: BoardMeasure[], rows: BoardRow[], by: BoardGrouping): BoardGroup[] {
  const groups = new Map<string, BoardGroup>();
  measures.forEach((m, i) => {
    const key = by === "case" ? m.caseSlug : (m.approach ?? "");
    const title = by === "case" ? m.caseTitle : (m.approach ?? "No approach named");
    const href = by === "case" ? `/cases/${m.caseSlug}` : null;
    const g = groups.get(key) ?? { key, title, href, rows: [] };
    g.rows.push(rows[i]!);
    groups.set(key, g);
  });
  return [...groups.values()].sort((a, b) => (a.key === "" ? 1 : b.key === "" ? -1 : a.title.localeCompare(b.title)));
}

export const BOARD_CSV_HEADER = [
  "Group",
  "Case",
  "Measure",
  "Latest value",
  "Change",
  "Outcome",
  "Variation (latest point)",
  "Assurance (against the target)",
  "Link",
];

export function boardCsv(groups: BoardGroup[], siteUrl: string): string {
  const rows = groups.flatMap((g) =>
    g.rows.map((r) => [
      g.title,
      r.caseTitle,
      r.label,
      r.latestNote ? `${r.latest} (${r.latestNote})` : r.latest,
      r.change,
      r.outcome,
      r.variation?.text ?? r.runChart ?? "No series",
      r.assurance?.text ?? "",
      new URL(r.href, siteUrl).toString(),
    ]),
  );
  return tableToCsv([BOARD_CSV_HEADER, ...rows]);
}
