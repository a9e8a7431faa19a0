// Turns a published case's measures into what the case page shows: table rows,
// chart bars and the summary text. Pure: every figure comes from the domain
// module, so the page, the chart, the editor and the downloads agree.
import { computeChange, outcomeColourToken } from "@/lib/domain/change";
import { formatChange, formatValue } from "@/lib/domain/format";
import { summariseMeasure } from "@/lib/domain/summary";
import type { MeasureChange, MeasureFigures, Outcome, Qualifier, MeasureUnit } from "@/lib/domain/measure-types";
import type { ChangeChartRow } from "@/components/charts/change-chart";

export interface MeasureInput extends MeasureFigures {
  id: string;
  beforeWording: string | null;
  afterWording: string | null;
  reportedChangeWording: string | null;
  sampleSize: number | null;
}

export interface MeasureRow {
  id: string;
  label: string;
  before: string;
  after: string;
  change: string;
  outcome: Outcome;
  outcomeWord: string;
  tone: ChangeChartRow["tone"];
  provenance: string;
  sourceWording: string[];
  summary: string;
  mismatch: string | null;
  figures: MeasureFigures;
  result: MeasureChange;
}

const OUTCOME_WORDS: Record<Outcome, string> = {
  improved: "improved",
  worsened: "worsened",
  no_change: "no change",
  changed: "changed",
  unknown: "no change to compare",
};

function formatOptional(value: number | null, unit: MeasureUnit, qualifier: Qualifier, rateBasis?: string | null): string {
  return value === null ? "not reported" : formatValue(value, unit, { qualifier, rateBasis });
}

function describeProvenance(m: MeasureInput, result: MeasureChange): string {
  const parts = [result.reportedOnly ? "Reported change only (no raw figures)" : result.kind === "raw" ? "Raw before and after values" : "Single value"];
  if (result.approximate) parts.push("approximate");
  if (m.sampleSize !== null) parts.push(`n = ${m.sampleSize.toLocaleString("en-GB")}`);
  return parts.join(" · ");
}

export function buildMeasureRow(m: MeasureInput): MeasureRow {
  const result = computeChange(m);
  const wording = [
    m.beforeWording ? `Before: “${m.beforeWording}”` : null,
    m.afterWording ? `After: “${m.afterWording}”` : null,
    m.reportedChangeWording ? `Change: “${m.reportedChangeWording}”` : null,
  ].filter((w): w is string => w !== null);
  return {
    id: m.id,
    label: m.label,
    before: formatOptional(m.before, m.unit, m.beforeQualifier, m.rateBasis),
    after: formatOptional(m.after, m.unit, m.afterQualifier, m.rateBasis),
    change: formatChange(m, result),
    outcome: result.outcome,
    outcomeWord: OUTCOME_WORDS[result.outcome],
    tone: outcomeColourToken(result.outcome),
    provenance: describeProvenance(m, result),
    sourceWording: wording,
    summary: summariseMeasure(m, result),
    mismatch: result.mismatch?.message ?? null,
    figures: m,
    result,
  };
}

/** Bars for the change chart: measures whose change can be drawn as % or pp. */
export function toChartRows(rows: MeasureRow[]): ChangeChartRow[] {
  return rows.flatMap((row) => {
    const h = row.result.headline;
    if (!h || h.basis === "absolute") return [];
    return [
      {
        id: row.id,
        label: row.label,
        value: h.value,
        basis: h.basis,
        tone: row.tone,
        reportedOnly: row.result.reportedOnly,
        display: row.change,
        outcomeWord: row.outcomeWord,
      },
    ];
  });
}

/** Measures left off the chart, with the reason, so none is silently dropped. */
export function listUnchartedRows(rows: MeasureRow[]): Array<{ row: MeasureRow; reason: string }> {
  return rows.flatMap((row) => {
    const h = row.result.headline;
    if (h && h.basis !== "absolute") return [];
    const reason = row.result.zeroBaseline
      ? "the baseline is 0, so there is no percentage change; the absolute change is shown instead"
      : "only one figure is reported, so there is no change to chart";
    return [{ row, reason }];
  });
}
