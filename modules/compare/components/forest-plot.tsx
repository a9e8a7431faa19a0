"use client";

// A forest plot of the figures that come with a confidence interval: one row
// per figure, the point estimate as a square and the source's interval as a
// whisker, on the explorer's pooled scale, with the line of no effect at 0.
// Server-rendered with Recharts 2.15 like the other charts; each row's label
// links to its case. The design is named in each row's label (issue 11).
import { ErrorBar, ReferenceLine, Scatter, ScatterChart, XAxis, YAxis } from "recharts";
import { CHART_COLOURS, type Tone } from "@/components/charts/chart-colours";
import { axisTitle, categoryTick, niceTicks, tickCountFor } from "@/components/charts/chart-parts";
import { LINE_HEIGHT, MIN_WIDTH, wrapText } from "@/components/charts/chart-layout";
import { useContainerWidth } from "@/components/charts/use-container-width";

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
  const [frame, measured, chartId] = useContainerWidth<HTMLDivElement>();
  const width = Math.max(MIN_WIDTH, measured);
  const labelWidth = Math.round(Math.min(220, Math.max(110, width * 0.3)));
  const labels = rows.map((r) => wrapText(r.label, labelWidth - 14, 13, 3));
  const axisLines = wrapText(axisLabel, width - 40, 12, 3);
  const margin = { top: 10, right: 24, bottom: axisLines.length * LINE_HEIGHT + 6, left: 10 };
  const ticks = niceTicks(
    rows.flatMap((r) => [r.lower, r.upper, r.value]),
    tickCountFor(width - labelWidth - margin.left - margin.right),
  );
  const data = rows.map((r) => ({ ...r, whisker: [r.value - r.lower, r.upper - r.value] }));
  const row = Math.max(ROW, labels.reduce((n, l) => Math.max(n, l.length), 1) * LINE_HEIGHT + 6);
  return (
    <div ref={frame} className="chart-frame" data-testid="forest-plot">
      <ScatterChart
        id={chartId}
        width={width}
        height={rows.length * row + margin.top + margin.bottom + 30}
        margin={margin}
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
          label={axisTitle({ axisTitle: axisLines, width })}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={labelWidth}
          tick={categoryTick({ labels })}
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
