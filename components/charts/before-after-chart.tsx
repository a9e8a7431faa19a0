"use client";

// Before → after (dumbbell) chart for measures with both raw values, one chart
// per unit so values on one axis are comparable. A hollow circle marks the
// before value and a filled one the after value, joined by a line coloured by
// improvement; the change is also printed in words at the right, so neither
// colour nor marker shape alone carries the meaning. Same Recharts 2.15
// server-rendered SVG as the change chart: a range bar with a custom shape.
import { Bar, BarChart, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLOURS, type Tone } from "./chart-colours";
import { axisTitle, barLabels, categoryTick, niceTicks, tickCountFor, ValueTick } from "./chart-parts";
import { layoutBarChart } from "./chart-layout";
import { useContainerWidth } from "./use-container-width";

export interface BeforeAfterRow {
  id: string;
  label: string;
  before: number;
  after: number;
  /** Formatted values, e.g. "46%" and "60%". */
  beforeText: string;
  afterText: string;
  tone: Tone;
  display: string;
  outcomeWord: string;
}

type Plotted = BeforeAfterRow & { range: [number, number] };

type ShapeProps = { x?: number; y?: number; width?: number; height?: number; payload?: Plotted };

function Dumbbell({ x = 0, y = 0, width = 0, height = 0, payload }: ShapeProps) {
  if (!payload) return null;
  const colour = CHART_COLOURS[payload.tone];
  const rising = payload.after >= payload.before;
  const beforeX = rising ? x : x + width;
  const afterX = rising ? x + width : x;
  const cy = y + height / 2;
  return (
    <g className="dumbbell">
      <line x1={beforeX} x2={afterX} y1={cy} y2={cy} stroke={colour} strokeWidth={4} />
      <circle cx={beforeX} cy={cy} r={7} fill="#fff" stroke="#1f2933" strokeWidth={2} data-point="before" />
      <circle cx={afterX} cy={cy} r={7} fill={colour} stroke="#1f2933" strokeWidth={1} data-point="after" />
    </g>
  );
}

function BeforeAfterTooltip({ active, payload }: { active?: boolean; payload?: Array<{ payload: Plotted }> }) {
  const row = active ? payload?.[0]?.payload : undefined;
  if (!row) return null;
  return (
    <div className="rounded border border-slate-300 bg-white px-3 py-2 text-sm shadow">
      <p className="font-semibold">{row.label}</p>
      <p>
        Before {row.beforeText}, after {row.afterText} — {row.outcomeWord}
      </p>
    </div>
  );
}

export function BeforeAfterChart({
  rows,
  labelledBy,
  describedBy,
  axisLabel,
  percent,
}: {
  rows: BeforeAfterRow[];
  /** Ids of the caption and the written summary beside the chart (see ChangeChart). */
  labelledBy: string;
  describedBy: string;
  axisLabel: string;
  /** Percentages always get the whole 0–100 axis, so a change is seen at its true size. */
  percent: boolean;
}) {
  const [frame, width, chartId] = useContainerWidth<HTMLDivElement>();
  const layout = layoutBarChart(
    rows.map((r) => ({ label: r.label, valueLines: [r.display, r.outcomeWord] })),
    width,
    axisLabel,
  );
  const plotWidth = layout.width - layout.margin.left - layout.margin.right - layout.labelWidth;
  const data: Plotted[] = rows.map((r) => ({ ...r, range: [Math.min(r.before, r.after), Math.max(r.before, r.after)] }));
  const ticks = percent
    ? plotWidth < 220
      ? [0, 50, 100]
      : [0, 25, 50, 75, 100]
    : niceTicks(
        rows.flatMap((r) => [r.before, r.after]),
        tickCountFor(plotWidth),
      );
  const domain: [number, number] = [ticks[0] ?? 0, ticks[ticks.length - 1] ?? 0];
  return (
    <div ref={frame} className="chart-frame" data-testid="before-after-chart">
      <BarChart
        id={chartId}
        width={layout.width}
        height={layout.height}
        data={data}
        layout="vertical"
        margin={layout.margin}
        role="img"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
      >
        <XAxis type="number" domain={domain} ticks={ticks} interval={0} tick={<ValueTick />} tickLine={false} label={axisTitle(layout)} />
        <YAxis
          type="category"
          dataKey="label"
          hide={layout.narrow}
          width={layout.labelWidth}
          tick={categoryTick(layout)}
          tickLine={false}
          interval={0}
        />
        <Tooltip content={<BeforeAfterTooltip />} cursor={{ fill: "#f1f5f9" }} />
        <Bar dataKey="range" isAnimationActive={false} barSize={layout.barSize} shape={<Dumbbell />}>
          <LabelList dataKey="range" content={barLabels(layout)} />
        </Bar>
      </BarChart>
    </div>
  );
}
