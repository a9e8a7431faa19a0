"use client";

// The change chart: one horizontal bar per measure, coloured by improvement
// rather than by sign. Recharts 2.15 is used deliberately: it renders complete
// SVG during server rendering (Recharts 3 does not), so the chart is in the HTML
// for readers without JavaScript; the tooltip arrives when the page hydrates.
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, Text, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLOURS, type Tone } from "./chart-colours";

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
}

const WIDTH = 820;
const ROW_HEIGHT = 48;
const LABEL_WIDTH = 220;
// Values are printed in a column of their own at the right, so a label can
// never collide with a bar, the zero line or a category name.
const VALUE_COLUMN = 250;

/** Axis ticks at round steps covering every bar, with zero always included. */
export function niceTicks(values: number[]): number[] {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const span = Math.max(high - low, 1);
  const rough = span / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let t = Math.floor(low / step) * step; t <= Math.ceil(high / step) * step + step / 2; t += step) {
    ticks.push(Math.round(t * 1e6) / 1e6);
  }
  return ticks;
}

function CategoryTick(props: { x?: number; y?: number; payload?: { value: string } }) {
  return (
    <Text x={props.x} y={props.y} width={LABEL_WIDTH - 12} textAnchor="end" verticalAnchor="middle" fontSize={13} fill="#1f2933">
      {props.payload?.value ?? ""}
    </Text>
  );
}

function ValueColumnLabel(rows: ChangeChartRow[]) {
  function Label(props: { y?: number | string; height?: number | string; index?: number }) {
    const row = rows[props.index ?? -1];
    if (!row) return null;
    const y = Number(props.y ?? 0) + Number(props.height ?? 0) / 2;
    return (
      <text x={WIDTH - VALUE_COLUMN + 12} y={y} dominantBaseline="middle" fontSize={12} fill="#1f2933">
        <tspan fontWeight={600}>{row.display}</tspan>
        <tspan x={WIDTH - VALUE_COLUMN + 12} dy={15} fill="#475569">
          {row.outcomeWord}
        </tspan>
      </text>
    );
  }
  return Label;
}

function ChangeTooltip({ active, payload }: { active?: boolean; payload?: Array<{ payload: ChangeChartRow }> }) {
  const row = active ? payload?.[0]?.payload : undefined;
  if (!row) return null;
  return (
    <div className="rounded border border-slate-300 bg-white px-3 py-2 text-sm shadow">
      <p className="font-semibold">{row.label}</p>
      <p>
        {row.display} — {row.outcomeWord}
      </p>
      {row.reportedOnly ? <p className="text-slate-600">Reported change only: the source gives no raw figures.</p> : null}
    </div>
  );
}

export function ChangeChart({ rows, title, description }: { rows: ChangeChartRow[]; title: string; description: string }) {
  const ticks = niceTicks(rows.map((r) => r.value));
  const domain: [number, number] = [ticks[0] ?? 0, ticks[ticks.length - 1] ?? 0];
  const height = rows.length * ROW_HEIGHT + 50;

  return (
    <div className="overflow-x-auto" data-testid="change-chart">
      <BarChart
        width={WIDTH}
        height={height}
        data={rows}
        layout="vertical"
        margin={{ top: 10, right: VALUE_COLUMN, bottom: 24, left: 10 }}
        title={title}
        desc={description}
        role="img"
        aria-label={`${title}. ${description}`}
      >
        <defs>
          {(Object.keys(CHART_COLOURS) as Tone[]).map((tone) => (
            <pattern key={tone} id={`hatch-${tone}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
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
          tickFormatter={(v: number) => (v > 0 ? `+${v}` : v < 0 ? `−${Math.abs(v)}` : "0")}
          fontSize={12}
          label={{ value: "Change: % for counts, hours and money; percentage points (pp) for % measures", position: "insideBottom", offset: -14, fontSize: 12, fill: "#475569" }}
        />
        <YAxis type="category" dataKey="label" width={LABEL_WIDTH} tick={<CategoryTick />} interval={0} />
        <ReferenceLine x={0} stroke="#1f2933" />
        <Tooltip content={<ChangeTooltip />} cursor={{ fill: "#f1f5f9" }} />
        <Bar dataKey="value" isAnimationActive={false} barSize={22}>
          {rows.map((row) => (
            <Cell
              key={row.id}
              fill={row.reportedOnly ? `url(#hatch-${row.tone})` : CHART_COLOURS[row.tone]}
              stroke={CHART_COLOURS[row.tone]}
              strokeWidth={1.5}
            />
          ))}
          <LabelList dataKey="value" content={ValueColumnLabel(rows)} />
        </Bar>
      </BarChart>
    </div>
  );
}
