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
import { CategoryTick, LABEL_WIDTH, niceTicks } from "@/components/charts/chart-parts";

const WIDTH = 820;
const BAR = 14;

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
  const data = rows.map((r) => Object.fromEntries([["label", r.label], ...r.cells.map((c, i) => [`c${i}`, c?.value ?? null])]));
  const ticks = niceTicks(rows.flatMap((r) => r.cells.flatMap((c) => (c ? [c.value] : []))));
  const height = rows.length * (letters.length * (BAR + 4) + 18) + 60;
  return (
    <div className="chart-frame overflow-x-auto" data-testid="grouped-change-chart" id={id}>
      <BarChart
        width={WIDTH}
        height={height}
        data={data}
        layout="vertical"
        margin={{ top: 10, right: 40, bottom: 28, left: 10 }}
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
          domain={[ticks[0] ?? 0, ticks.at(-1) ?? 0]}
          ticks={ticks}
          interval={0}
          fontSize={12}
          tickFormatter={(v: number) => (v > 0 ? `+${v}` : v < 0 ? `−${Math.abs(v)}` : "0")}
          label={{
            value: "Change: % for counts, hours and money; percentage points (pp) for % measures",
            position: "insideBottom",
            offset: -18,
            fontSize: 12,
            fill: "#475569",
          }}
        />
        <YAxis type="category" dataKey="label" width={LABEL_WIDTH} tick={<CategoryTick />} interval={0} />
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

/** The case letter just past the end of each bar. */
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
        {letter}
      </text>
    );
  }
  return Label;
}
