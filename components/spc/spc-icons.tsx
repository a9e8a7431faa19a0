// The two Making Data Count icons as inline SVG with their meaning in words
// beside them: a variation icon (from the latest point) and an assurance icon
// (against the target). Colour follows improvement; the letter and the words
// carry the same meaning, so nothing rests on colour alone.
import { CHART_COLOURS, type Tone } from "@/components/charts/chart-colours";
import type { PointType } from "@/lib/domain/spc";
import { POINT_TYPE_WORDS, type SpcView } from "@/lib/present/spc";
import { assuranceIcon, variationIcon } from "@/lib/present/spc-overview";

function Badge({ tone, glyph, text, testId }: { tone: Tone; glyph: string; text: string; testId: string }) {
  const colour = CHART_COLOURS[tone];
  return (
    <span className="inline-flex items-center gap-2 rounded border px-2 py-1 text-sm" style={{ borderColor: colour }} data-testid={testId}>
      <svg width="28" height="28" viewBox="0 0 28 28" role="img" aria-label={text}>
        <circle cx="14" cy="14" r="12" fill="#fff" stroke={colour} strokeWidth="2.5" />
        <text x="14" y="14" textAnchor="middle" dominantBaseline="central" fontSize="13" fontWeight="700" fill={colour}>
          {glyph}
        </text>
      </svg>
      <span aria-hidden="true">{text}</span>
    </span>
  );
}

export function VariationIcon({ variation }: { variation: SpcView["variation"] }) {
  const icon = variationIcon(variation);
  return <Badge tone={icon.tone} glyph={icon.glyph} text={icon.text} testId="spc-variation-icon" />;
}

export function AssuranceIcon({ assurance }: { assurance: NonNullable<SpcView["assurance"]> }) {
  const icon = assuranceIcon(assurance);
  return <Badge tone={icon.tone} glyph={icon.glyph} text={icon.text} testId="spc-assurance-icon" />;
}

/** A point's marker: shape and colour both say what the engine found. Shared by the chart and its legend. */
export function PointShape({ type, cx, cy }: { type: PointType; cx: number; cy: number }) {
  if (type === "special_cause_improvement") {
    return <rect x={cx - 5.5} y={cy - 5.5} width={11} height={11} fill={CHART_COLOURS.improvement} stroke="#fff" strokeWidth={1} />;
  }
  if (type === "special_cause_concern") {
    return <path d={`M${cx},${cy - 7} L${cx + 6.5},${cy + 5} L${cx - 6.5},${cy + 5} Z`} fill={CHART_COLOURS.concern} stroke="#fff" strokeWidth={1} />;
  }
  if (type === "special_cause_neutral") {
    return <circle cx={cx} cy={cy} r={5.5} fill="#fff" stroke={CHART_COLOURS.neutral} strokeWidth={2.5} />;
  }
  return <circle cx={cx} cy={cy} r={3.5} fill={CHART_COLOURS.neutral} />;
}

const LEGEND_TYPES: PointType[] = ["common_cause", "special_cause_improvement", "special_cause_concern", "special_cause_neutral"];

/** Key to the point markers and lines, in words. */
export function SpcLegend({ runChart, present, twoSigma = false }: { runChart: boolean; present: readonly PointType[]; twoSigma?: boolean }) {
  const types = LEGEND_TYPES.filter((t) => t === "common_cause" || present.includes(t));
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Key to the chart">
      {types.map((t) => (
        <li key={t} className="inline-flex items-center gap-1">
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <PointShape type={t} cx={8} cy={9} />
          </svg>
          {POINT_TYPE_WORDS[t]}
        </li>
      ))}
      <li>solid black line: mean of each phase</li>
      {runChart ? null : <li>grey lines: process limits (dashed: trial limits){twoSigma ? "; dotted: the 2σ lines" : ""}</li>}
      <li>dashed vertical line: the intervention</li>
    </ul>
  );
}
