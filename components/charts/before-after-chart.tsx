"use client";

// Before → after (dumbbell) chart for measures with both raw values, one chart
// per unit so values on one axis are comparable. A hollow circle marks the
// before value and a filled one the after value, joined by a line coloured by
// improvement; the change is also printed in words at the right, so neither
// colour nor marker shape alone carries the meaning. Same Recharts 2.15
// server-rendered SVG as the change chart: a range bar with a custom shape.
import { Bar, BarChart, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLOURS, type Tone } from "./chart-colours";
import { CategoryTick, LABEL_WIDTH, niceTicks, ROW_HEIGHT, VALUE_COLUMN, valueColumnLabel, ValueTick, WIDTH } from "./chart-parts";

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
  const data: Plotted[] = rows.map((r) => ({ ...r, range: [Math.min(r.before, r.after), Math.max(r.before, r.after)] }));
  const ticks = percent ? [0, 25, 50, 75, 100] : niceTicks(rows.flatMap((r) => [r.before, r.after]));
  const domain: [number, number] = [ticks[0] ?? 0, ticks[ticks.length - 1] ?? 0];
  return (
    <div className="chart-frame overflow-x-auto" data-testid="before-after-chart">
      <BarChart
        width={WIDTH}
        height={rows.length * ROW_HEIGHT + 50}
        data={data}
        layout="vertical"
        margin={{ top: 10, right: VALUE_COLUMN, bottom: 24, left: 10 }}
        role="img"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
      >
        <XAxis
          type="number"
          domain={domain}
          ticks={ticks}
          interval={0}
          tick={<ValueTick />}
          tickLine={false}
          label={{ value: axisLabel, position: "insideBottom", offset: -14, fontSize: 12, fill: "#475569" }}
        />
        <YAxis type="category" dataKey="label" width={LABEL_WIDTH} tick={<CategoryTick />} tickLine={false} interval={0} />
        <Tooltip content={<BeforeAfterTooltip />} cursor={{ fill: "#f1f5f9" }} />
        <Bar dataKey="range" isAnimationActive={false} barSize={22} shape={<Dumbbell />}>
          <LabelList dataKey="range" content={valueColumnLabel(rows)} />
        </Bar>
      </BarChart>
    </div>
  );
}
