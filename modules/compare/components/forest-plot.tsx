"use client";

// A forest plot of the figures that come with a confidence interval: one row
// per figure, the point estimate as a square and the source's interval as a
// whisker, on the explorer's pooled scale, with the line of no effect at 0.
// Server-rendered with Recharts 2.15 like the other charts; each row's label
// links to its case. The design is named in each row's label (issue 11).
import { ErrorBar, ReferenceLine, Scatter, ScatterChart, XAxis, YAxis } from "recharts";
import { CHART_COLOURS, type Tone } from "@/components/charts/chart-colours";
import { CategoryTick, LABEL_WIDTH, niceTicks, WIDTH } from "@/components/charts/chart-parts";

export interface ForestRow {
  id: string;
  label: string;
  value: number;
  lower: number;
  upper: number;
  tone: Tone;
  href: string;
}

const ROW = 30;
const tick = (v: number) => (v > 0 ? `+${v}` : v < 0 ? `−${Math.abs(v)}` : "0");

function Square(props: { cx?: number; cy?: number; payload?: ForestRow }) {
  const { cx = 0, cy = 0, payload } = props;
  if (!payload) return null;
  return <rect x={cx - 5} y={cy - 5} width={10} height={10} fill={CHART_COLOURS[payload.tone]} stroke="#1f2933" strokeWidth={1} />;
}

export function ForestPlot({ rows, axisLabel, title }: { rows: ForestRow[]; axisLabel: string; title: string }) {
  const ticks = niceTicks(rows.flatMap((r) => [r.lower, r.upper, r.value]));
  const data = rows.map((r) => ({ ...r, whisker: [r.value - r.lower, r.upper - r.value] }));
  return (
    <div className="chart-frame overflow-x-auto" data-testid="forest-plot">
      <ScatterChart
        width={WIDTH}
        height={rows.length * ROW + 60}
        margin={{ top: 10, right: 24, bottom: 36, left: 10 }}
        role="img"
        aria-label={`${title}: ${rows.length} figures with their confidence intervals.`}
      >
        <XAxis
          type="number"
          dataKey="value"
          domain={[ticks[0] ?? 0, ticks.at(-1) ?? 0]}
          ticks={ticks}
          interval={0}
          tickFormatter={tick}
          fontSize={12}
          label={{ value: axisLabel, position: "insideBottom", offset: -22, fontSize: 12, fill: "#475569" }}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={LABEL_WIDTH}
          tick={<CategoryTick />}
          tickLine={false}
          interval={0}
          allowDuplicatedCategory
        />
        <ReferenceLine x={0} stroke="#1f2933" strokeDasharray="4 3" />
        <Scatter data={data} isAnimationActive={false} shape={<Square />}>
          <ErrorBar dataKey="whisker" direction="x" width={6} strokeWidth={2} stroke="#1f2933" />
        </Scatter>
      </ScatterChart>
    </div>
  );
}
