// The two Making Data Count icons as inline SVG with their meaning in words
// beside them: a variation icon (from the latest point) and an assurance icon
// (against the target). Colour follows improvement; the letter and the words
// carry the same meaning, so nothing rests on colour alone.
import { CHART_COLOURS } from "@/components/charts/chart-colours";
import type { PointType } from "@/lib/domain/spc";
import { POINT_TYPE_WORDS, type SpcView } from "@/modules/spc/present/spc";
import { assuranceIcon, variationIcon, type SpcIconView } from "@/modules/spc/present/spc-overview";
import { SpcGlyph } from "./spc-glyph";

function Badge({ icon, testId }: { icon: SpcIconView; testId: string }) {
  return (
    <span
      className="inline-flex items-center gap-2 rounded border px-2 py-1 text-sm"
      style={{ borderColor: CHART_COLOURS[icon.tone] }}
      data-testid={testId}
    >
      <SpcGlyph icon={icon} label={icon.text} />
      <span aria-hidden="true">{icon.text}</span>
    </span>
  );
}

export function VariationIcon({ variation }: { variation: NonNullable<SpcView["variation"]> }) {
  return <Badge icon={variationIcon(variation)} testId="spc-variation-icon" />;
}

/**
 * A run chart's reading, in place of the variation icon: words in a border
 * coloured by improvement, no Making Data Count glyph (those icons read
 * process limits, which a run chart does not have).
 */
export function RunChartBadge({ reading }: { reading: NonNullable<SpcView["runChartReading"]> }) {
  return (
    <span
      className="inline-flex items-center gap-2 rounded border border-dashed px-2 py-1 text-sm"
      style={{ borderColor: CHART_COLOURS[reading.tone] }}
      data-testid="spc-run-chart-reading"
    >
      {reading.text}
    </span>
  );
}

/** The icons (SPC chart) or the run-chart reading shown above a chart. */
export function SpcBadges({ view }: { view: Pick<SpcView, "variation" | "assurance" | "runChartReading"> }) {
  return (
    <div className="flex flex-wrap gap-2">
      {view.variation ? <VariationIcon variation={view.variation} /> : null}
      {view.runChartReading ? <RunChartBadge reading={view.runChartReading} /> : null}
      {view.assurance ? <AssuranceIcon assurance={view.assurance} /> : null}
    </div>
  );
}

export function AssuranceIcon({ assurance }: { assurance: NonNullable<SpcView["assurance"]> }) {
  return <Badge icon={assuranceIcon(assurance)} testId="spc-assurance-icon" />;
}

/** A point's marker: shape and colour both say what the engine found. Shared by the chart and its legend. */
export function PointShape({ type, cx, cy }: { type: PointType; cx: number; cy: number }) {
  if (type === "special_cause_improvement") {
    return <rect x={cx - 5.5} y={cy - 5.5} width={11} height={11} fill={CHART_COLOURS.improvement} stroke="#fff" strokeWidth={1} />;
  }
  if (type === "special_cause_concern") {
    return (
      <path
        d={`M${cx},${cy - 7} L${cx + 6.5},${cy + 5} L${cx - 6.5},${cy + 5} Z`}
        fill={CHART_COLOURS.concern}
        stroke="#fff"
        strokeWidth={1}
      />
    );
  }
  if (type === "special_cause_neutral") {
    return <circle cx={cx} cy={cy} r={5.5} fill="#fff" stroke={CHART_COLOURS.neutral} strokeWidth={2.5} />;
  }
  return <circle cx={cx} cy={cy} r={3.5} fill={CHART_COLOURS.neutral} />;
}

const LEGEND_TYPES: PointType[] = ["common_cause", "special_cause_improvement", "special_cause_concern", "special_cause_neutral"];

/** Key to the point markers and lines, in words. */
export function SpcLegend({
  runChart,
  present,
  twoSigma = false,
}: {
  runChart: boolean;
  present: readonly PointType[];
  twoSigma?: boolean;
}) {
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
      <li>{runChart ? "solid black line: the median of every point" : "solid black line: mean of each phase"}</li>
      {runChart ? null : <li>grey lines: process limits (dashed: trial limits){twoSigma ? "; dotted: the 2σ lines" : ""}</li>}
      <li>dashed vertical line: the intervention</li>
    </ul>
  );
}
