"use client";

// The change chart: one horizontal bar per measure, coloured by improvement
// rather than by sign. Recharts 2.15 is used deliberately: it renders complete
// SVG during server rendering (Recharts 3 does not), so the chart is in the HTML
// for readers without JavaScript; the tooltip arrives when the page hydrates.
// Only per cent and percentage-point changes share this axis (each labelled);
// absolute changes (a zero baseline) are listed apart, never drawn on it.
import { Bar, BarChart, Cell, ErrorBar, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLOURS, type Tone } from "./chart-colours";
import { axisTitle, barLabels, categoryTick, niceTicks, tickCountFor, ValueTick } from "./chart-parts";
import { layoutBarChart } from "./chart-layout";
import { useContainerWidth } from "./use-container-width";

export { niceTicks };

const AXIS_TITLE = "Change: % for counts, hours and money; percentage points (pp) for % measures";

export interface ChangeChartRow {
  id: string;
  label: string;
  /** Bar length: per cent for counts, hours and money; percentage points for percent measures. */
  value: number;
  basis: "percent" | "percentage_points";
  tone: Tone;
  reportedOnly: boolean;
  /** The change as printed beside the bar, e.g. "−64% (reported)" or "+14 pp". */
  display: string;
  /** The outcome in words, so meaning never rests on colour alone. */
  outcomeWord: string;
  /** The source's interval [lower, upper], drawn as a whisker; null when it gives none. */
  interval?: [number, number] | null;
  /** A short name of the design when it is not a plain before/after, e.g. "vs comparison". */
  design?: string | null;
}

/** Recharts' ErrorBar takes the distances below and above the bar's end. */
const withWhiskers = (rows: ChangeChartRow[]) =>
  rows.map((r) => ({ ...r, whisker: r.interval ? [r.value - r.interval[0], r.interval[1] - r.value] : null }));

const signed = (v: number) => (v > 0 ? `+${v}` : v < 0 ? `−${Math.abs(v)}` : "0");

function ChangeTooltip({ active, payload }: { active?: boolean; payload?: Array<{ payload: ChangeChartRow }> }) {
  const row = active ? payload?.[0]?.payload : undefined;
  if (!row) return null;
  return (
    <div className="rounded border border-slate-300 bg-white px-3 py-2 text-sm shadow">
      <p className="font-semibold">{row.label}</p>
      <p>
        {row.display} — {row.outcomeWord}
      </p>
      {row.design ? <p className="text-slate-600">Design: {row.design}</p> : null}
      {row.interval ? (
        <p className="text-slate-600">
          Interval: {signed(row.interval[0])} to {signed(row.interval[1])}
        </p>
      ) : null}
      {row.reportedOnly ? <p className="text-slate-600">Reported change only: the source gives no raw figures.</p> : null}
    </div>
  );
}

/**
 * `labelledBy` / `describedBy`: ids of the caption and the written summary
 * beside the chart, which name and describe it for screen readers (repeating
 * their text inside the SVG would put it in the page three more times).
 */
export function ChangeChart({ rows, labelledBy, describedBy }: { rows: ChangeChartRow[]; labelledBy: string; describedBy: string }) {
  const [frame, width, chartId] = useContainerWidth<HTMLDivElement>();
  const layout = layoutBarChart(
    rows.map((r) => ({ label: r.label, valueLines: [r.display, r.design ? `${r.outcomeWord} · ${r.design}` : r.outcomeWord] })),
    width,
    AXIS_TITLE,
  );
  const plotWidth = layout.width - layout.margin.left - layout.margin.right - layout.labelWidth;
  const ticks = niceTicks(
    rows.flatMap((r) => [r.value, ...(r.interval ?? [])]),
    tickCountFor(plotWidth),
  );
  const domain: [number, number] = [ticks[0] ?? 0, ticks[ticks.length - 1] ?? 0];

  return (
    <div ref={frame} className="chart-frame" data-testid="change-chart">
      <BarChart
        id={chartId}
        width={layout.width}
        height={layout.height}
        data={withWhiskers(rows)}
        layout="vertical"
        margin={layout.margin}
        role="img"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
      >
        <defs>
          {(Object.keys(CHART_COLOURS) as Tone[]).map((tone) => (
            <pattern key={tone} id={`hatch-${tone}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#fff" />
              <rect width="3" height="6" fill={CHART_COLOURS[tone]} />
            </pattern>
          ))}
        </defs>
        <XAxis
          type="number"
          domain={domain}
          ticks={ticks}
          interval={0}
          tick={<ValueTick format={signed} />}
          tickLine={false}
          label={axisTitle(layout)}
        />
        <YAxis
          type="category"
          dataKey="label"
          hide={layout.narrow}
          width={layout.labelWidth}
          tick={categoryTick(layout)}
          tickLine={false}
          interval={0}
        />
        <ReferenceLine x={0} stroke="#1f2933" />
        <Tooltip content={<ChangeTooltip />} cursor={{ fill: "#f1f5f9" }} />
        <Bar dataKey="value" isAnimationActive={false} barSize={layout.barSize}>
          {rows.map((row) => (
            <Cell
              key={row.id}
              fill={row.reportedOnly ? `url(#hatch-${row.tone})` : CHART_COLOURS[row.tone]}
              stroke={CHART_COLOURS[row.tone]}
              strokeWidth={1.5}
            />
          ))}
          {rows.some((r) => r.interval) ? <ErrorBar dataKey="whisker" direction="x" width={8} strokeWidth={2} stroke="#1f2933" /> : null}
          <LabelList dataKey="value" content={barLabels(layout)} />
        </Bar>
      </BarChart>
    </div>
  );
}
