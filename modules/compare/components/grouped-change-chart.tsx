"use client";

// Compare cases: for each shared measure type, one bar per case, grouped.
// Bars are coloured by improvement (blue) or concern (orange), never by case;
// each bar carries its case's letter (A, B, C …) so cases are told apart by
// text, and reported-only changes are hatched. Server-rendered Recharts 2.15
// with a fixed size, like change-chart.tsx. Per cent and percentage-point
// changes share the axis, each labelled; changes with no % (a zero baseline)
// are left off the chart and shown in the table beneath.
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, XAxis, YAxis } from "recharts";
import { CHART_COLOURS, type Tone } from "@/components/charts/chart-colours";
import { axisTitle, categoryTick, niceTicks, tickCountFor } from "@/components/charts/chart-parts";
import { LINE_HEIGHT, MIN_WIDTH, wrapText } from "@/components/charts/chart-layout";
import { useContainerWidth } from "@/components/charts/use-container-width";

const BAR = 14;
const AXIS_TITLE = "Change: % for counts, hours and money; percentage points (pp) for % measures";
/** Room past a bar's end for its letter and value, e.g. "A −64". */
const VALUE_ROOM = 58;
const signed = (v: number) => (v > 0 ? `+${v}` : v < 0 ? `−${Math.abs(v)}` : "0");
/** A bar's value as the tables print it: whole numbers from 10, one decimal below. */
const rounded = (v: number) => (Math.abs(v) >= 10 ? Math.round(v) : Math.round(v * 10) / 10);

export interface GroupedCell {
  value: number;
  tone: Tone;
  reportedOnly: boolean;
}

export interface GroupedRow {
  label: string;
  /** One entry per case, in case order; null when the case has no drawable change. */
  cells: Array<GroupedCell | null>;
}

export function GroupedChangeChart({
  rows,
  letters,
  title,
  description,
  id,
}: {
  rows: GroupedRow[];
  letters: string[];
  title: string;
  description: string;
  id?: string;
}) {
  const [frame, measured, chartId] = useContainerWidth<HTMLDivElement>();
  const width = Math.max(MIN_WIDTH, measured);
  const labelWidth = Math.round(Math.min(220, Math.max(120, width * 0.27)));
  const labels = rows.map((r) => wrapText(r.label, labelWidth - 14, 13, 4));
  const axisLines = wrapText(AXIS_TITLE, width - 40, 12, 4);
  const data = rows.map((r) => Object.fromEntries([["label", r.label], ...r.cells.map((c, i) => [`c${i}`, c?.value ?? null])]));
  const values = rows.flatMap((r) => r.cells.flatMap((c) => (c ? [c.value] : [])));
  const margin = { top: 10, right: VALUE_ROOM, bottom: axisLines.length * LINE_HEIGHT + 6, left: 10 };
  const plotWidth = width - labelWidth - margin.left - margin.right;
  const ticks = niceTicks(values, tickCountFor(plotWidth));
  // Negative bars carry their value at their left end: leave it room inside the plot.
  const low = ticks[0] ?? 0;
  const high = ticks.at(-1) ?? 0;
  const roomLeft = Math.min(...values, 0) < 0 ? ((high - low) * VALUE_ROOM) / Math.max(plotWidth - VALUE_ROOM, 1) : 0;
  const domain: [number, number] = [Math.min(low, Math.min(...values, 0) - roomLeft), high];
  const group = Math.max(letters.length * (BAR + 4) + 18, labels.reduce((n, l) => Math.max(n, l.length), 1) * LINE_HEIGHT + 12);
  const height = rows.length * group + margin.top + margin.bottom + 30;
  return (
    <div ref={frame} className="chart-frame" data-testid="grouped-change-chart" id={id}>
      <BarChart
        id={chartId}
        width={width}
        height={height}
        data={data}
        layout="vertical"
        margin={margin}
        barGap={4}
        barCategoryGap={14}
        title={title}
        desc={description}
        role="img"
        aria-label={`${title}. ${description}`}
      >
        <defs>
          {(Object.keys(CHART_COLOURS) as Tone[]).map((tone) => (
            <pattern
              key={tone}
              id={`grouped-hatch-${tone}`}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill="#fff" />
              <rect width="3" height="6" fill={CHART_COLOURS[tone]} />
            </pattern>
          ))}
        </defs>
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
        <XAxis
          type="number"
          domain={domain}
          ticks={ticks}
          interval={0}
          fontSize={12}
          tickFormatter={signed}
          label={axisTitle({ axisTitle: axisLines, width })}
        />
        <YAxis type="category" dataKey="label" width={labelWidth} tick={categoryTick({ labels })} interval={0} />
        <ReferenceLine x={0} stroke="#1f2933" />
        {letters.map((letter, i) => (
          <Bar key={letter} dataKey={`c${i}`} name={`Case ${letter}`} isAnimationActive={false} barSize={BAR}>
            {rows.map((r) => {
              const c = r.cells[i];
              const tone = c?.tone ?? "neutral";
              return (
                <Cell
                  key={r.label}
                  fill={c?.reportedOnly ? `url(#grouped-hatch-${tone})` : CHART_COLOURS[tone]}
                  stroke={CHART_COLOURS[tone]}
                  strokeWidth={1.5}
                />
              );
            })}
            <LabelList dataKey={`c${i}`} content={letterLabel(letter)} />
          </Bar>
        ))}
      </BarChart>
    </div>
  );
}

/** The case letter and the value just past the end of each bar. */
function letterLabel(letter: string) {
  function Label(props: { x?: number | string; y?: number | string; width?: number | string; height?: number | string; value?: unknown }) {
    if (props.value === null || props.value === undefined) return null;
    const x = Number(props.x ?? 0);
    const w = Number(props.width ?? 0);
    const end = w >= 0 ? x + w + 4 : x + w - 4;
    return (
      <text
        x={end}
        y={Number(props.y ?? 0) + Number(props.height ?? 0) / 2}
        dominantBaseline="middle"
        textAnchor={w >= 0 ? "start" : "end"}
        fontSize={11}
        fontWeight={700}
        fill="#1f2933"
      >
        {letter} <tspan fontWeight={400}>{signed(rounded(Number(props.value)))}</tspan>
      </text>
    );
  }
  return Label;
}
