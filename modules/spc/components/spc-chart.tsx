"use client";

// The SPC (XmR) chart, NHS "Making Data Count" style, on Recharts 2.15 so the
// complete SVG is in the server-rendered HTML (fixed size, no animation).
// Points are coloured AND shaped by what the engine found (square:
// special-cause improvement, triangle: concern, ring: special cause that is
// neither, small dot: common cause); each phase has its own mean and process
// limits (dashed when they are trial limits; 2σ lines optional and light);
// the intervention is a labelled vertical line; a target is a labelled
// dashed line. The data table and summary beneath the chart say the same in
// words (modules/spc/components/spc-section.tsx). Takes the compact SpcChartData so
// a page with many charts sends little to the browser.
import { CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { signalWords, type SpcChartData } from "@/modules/spc/present/spc";
import { PointShape } from "@/modules/spc/components/spc-icons";
import { ValueTick } from "@/components/charts/chart-parts";
import { MIN_WIDTH } from "@/components/charts/chart-layout";
import { useContainerWidth } from "@/components/charts/use-container-width";

const HEIGHT = 340;
const INK = "#1f2933";
const LIMIT = "#475569";
const round1 = (v: number) => Math.round(v * 10) / 10;

type Row = Record<string, number | string | undefined> & { label: string; index: number };

// `spc`, not `points`: Recharts passes its own `points` to a custom dot, which would shadow a prop of that name.
function Dot(props: { cx?: number; cy?: number; index?: number; spc: SpcChartData }) {
  const type = props.spc.types[props.index ?? -1];
  if (!type || props.cx === undefined || props.cy === undefined) return null;
  const side = props.spc.sides[props.index!];
  return (
    <g data-point-type={type} data-side={side ?? undefined}>
      <PointShape type={type} cx={round1(props.cx)} cy={round1(props.cy)} />
    </g>
  );
}

/** A value-axis tick: "45%", "1,250", "£250k", "1.2m" (short enough for the axis' 64 px). */
export function formatSpcTick(v: number, unitLabel: string, money: boolean): string {
  if (unitLabel === "%") return `${v}%`;
  const abs = Math.abs(v);
  const sign = v < 0 ? "−" : "";
  const short =
    abs >= 1e6
      ? `${(abs / 1e6).toLocaleString("en-GB", { maximumFractionDigits: 1 })}m`
      : abs >= 1e4
        ? `${(abs / 1e3).toLocaleString("en-GB", { maximumFractionDigits: 1 })}k`
        : abs.toLocaleString("en-GB", { maximumFractionDigits: 2 });
  return `${sign}${money ? "£" : ""}${short}`;
}

function unitSuffix(unitLabel: string): string {
  return unitLabel === "%" ? "%" : unitLabel ? ` ${unitLabel}` : "";
}

function SpcTooltip({ active, payload, data }: { active?: boolean; payload?: Array<{ payload: Row }>; data: SpcChartData }) {
  const row = active ? payload?.[0]?.payload : undefined;
  if (!row) return null;
  const i = row.index;
  const type = data.types[i]!;
  return (
    <div className="rounded border border-slate-300 bg-white px-3 py-2 text-sm shadow">
      <p className="font-semibold">{data.labels[i]}</p>
      <p>
        {data.values[i]!.toLocaleString("en-GB", { maximumFractionDigits: 2 })}
        {unitSuffix(data.unitLabel)} — {signalWords(type, data.sides[i] ?? null)}
        {data.rules[i] ? ` (${data.rules[i]})` : ""}
      </p>
      {data.annotations[i] ? <p className="text-slate-700">{data.annotations[i]}</p> : null}
    </div>
  );
}

function domainFor(data: SpcChartData): [number, number] {
  const values: number[] = [...data.values];
  for (const ph of data.phases) {
    values.push(ph.mean);
    if (ph.upl !== null) values.push(ph.upl);
    if (ph.lpl !== null) values.push(ph.lpl);
  }
  if (data.target !== null) values.push(data.target);
  let low = Math.min(...values);
  let high = Math.max(...values);
  const pad = Math.max((high - low) * 0.08, Math.abs(high) * 0.02, 1);
  low -= pad;
  high += pad;
  if (data.unitLabel === "%") {
    low = Math.max(0, low);
    high = Math.min(100, high);
  }
  if (low > 0 && low < (high - low) * 0.5) low = 0;
  const step = 10 ** Math.floor(Math.log10(Math.max(high - low, 1e-9)));
  return [Math.floor(low / step) * step, Math.ceil(high / step) * step];
}

/** Chart rows: one per point; each phase's lines only carry values inside the phase, so each draws as its own step. */
function toRows(data: SpcChartData, show2Sigma: boolean): Row[] {
  const rows: Row[] = data.labels.map((label, index) => ({ label, index, value: data.values[index] }));
  for (const ph of data.phases) {
    for (let i = ph.start; i <= ph.end; i++) {
      const row = rows[i]!;
      row[`mean${ph.phase}`] = ph.mean;
      if (ph.upl !== null) row[`upl${ph.phase}`] = ph.upl;
      if (ph.lpl !== null) row[`lpl${ph.phase}`] = ph.lpl;
      if (show2Sigma && ph.upper2Sigma !== null) row[`u2s${ph.phase}`] = ph.upper2Sigma;
      if (show2Sigma && ph.lower2Sigma !== null) row[`l2s${ph.phase}`] = ph.lower2Sigma;
    }
  }
  return rows;
}

/** A label at the right-hand end of the last phase's line, in the chart's right margin (Recharts clones it per point). */
function EndLabel(props: { text: string; lastIndex: number; dy?: number; x?: number | string; y?: number | string; index?: number }) {
  if (props.index !== props.lastIndex || props.x === undefined || props.y === undefined) return null;
  return (
    <text x={Number(props.x) + 8} y={Number(props.y) + (props.dy ?? 0)} dominantBaseline="middle" fontSize={11} fill="#334155">
      {props.text}
    </text>
  );
}

export function SpcChart({
  data,
  title,
  describedBy,
  show2Sigma = false,
  width: fallbackWidth,
}: {
  data: SpcChartData;
  /** The chart's accessible name, e.g. "SPC chart: Failure demand". */
  title: string;
  /** Id of the summary printed beside the chart, which describes it (not repeated inside the SVG). */
  describedBy: string;
  show2Sigma?: boolean;
  /** The width drawn on the server, before the container is measured. */
  width?: number;
}) {
  const [frame, measured, chartId] = useContainerWidth<HTMLDivElement>(fallbackWidth);
  const width = Math.max(MIN_WIDTH, measured);
  const rows = toRows(data, show2Sigma);
  const domain = domainFor(data);
  // One date label per ~80 px of plot, so "Apr 2022" and "Jun 2022" never run together.
  const tickEvery = Math.max(1, Math.ceil(rows.length / Math.max(2, Math.floor((width - 170) / 80))));
  const money = /£/.test(data.axisLabel) || data.unitLabel === "£";
  const fmt = (v: number) => formatSpcTick(v, data.unitLabel, money);
  const lastIndex = rows.length - 1;
  // Keep the end labels of close lines apart (≥ 13 px), from the plot's approximate pixel height.
  const lastPhase = data.phases[data.phases.length - 1];
  const pxPerUnit = (HEIGHT - 28 - 30 - 30) / Math.max(domain[1] - domain[0], 1e-9);
  const nudge = (gap: number | null) => (gap === null ? 0 : Math.max(0, 13 - gap * pxPerUnit));
  const upperDy = -nudge(lastPhase?.upl != null ? lastPhase.upl - lastPhase.mean : null);
  const lowerDy = nudge(lastPhase?.lpl != null ? lastPhase.mean - lastPhase.lpl : null);
  const lineProps = { isAnimationActive: false, dot: false, activeDot: false, connectNulls: false, legendType: "none" as const };

  return (
    <div ref={frame} className="chart-frame" data-testid="spc-chart" data-run-chart={data.runChart ? "true" : "false"}>
      <ComposedChart
        id={chartId}
        width={width}
        height={HEIGHT}
        data={rows}
        margin={{ top: 28, right: 90, bottom: 30, left: 16 }}
        role="img"
        aria-label={title}
        aria-describedby={describedBy}
      >
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis
          dataKey="label"
          interval={tickEvery - 1}
          tick={<ValueTick />}
          tickLine={false}
          label={{ value: data.xAxisLabel, position: "insideBottom", offset: -22, fontSize: 12, fill: "#475569" }}
        />
        <YAxis
          domain={domain}
          tick={<ValueTick format={fmt} anchor="end" />}
          tickLine={false}
          width={64}
          label={{ value: data.axisLabel, angle: -90, position: "insideLeft", offset: 4, fontSize: 12, fill: "#475569" }}
        />
        {data.phases.map((ph) => {
          const dash = ph.trialLimits ? "6 4" : undefined;
          const last = ph === lastPhase;
          return [
            <Line
              key={`mean${ph.phase}`}
              dataKey={`mean${ph.phase}`}
              name={`${data.centreLabel}, phase ${ph.phase}`}
              stroke={INK}
              strokeWidth={1.5}
              {...lineProps}
              label={last ? <EndLabel text={data.centreLabel} lastIndex={lastIndex} /> : undefined}
            />,
            ph.upl !== null ? (
              <Line
                key={`upl${ph.phase}`}
                dataKey={`upl${ph.phase}`}
                name={`Upper process limit, phase ${ph.phase}`}
                stroke={LIMIT}
                strokeWidth={1.5}
                strokeDasharray={dash}
                {...lineProps}
                label={last ? <EndLabel text="Upper limit" lastIndex={lastIndex} dy={upperDy} /> : undefined}
              />
            ) : null,
            ph.lpl !== null ? (
              <Line
                key={`lpl${ph.phase}`}
                dataKey={`lpl${ph.phase}`}
                name={`Lower process limit, phase ${ph.phase}`}
                stroke={LIMIT}
                strokeWidth={1.5}
                strokeDasharray={dash}
                {...lineProps}
                label={last ? <EndLabel text="Lower limit" lastIndex={lastIndex} dy={lowerDy} /> : undefined}
              />
            ) : null,
            show2Sigma && ph.upper2Sigma !== null ? (
              <Line
                key={`u2s${ph.phase}`}
                dataKey={`u2s${ph.phase}`}
                name={`Upper 2σ, phase ${ph.phase}`}
                stroke="#cbd5e1"
                strokeWidth={1}
                strokeDasharray="2 3"
                {...lineProps}
              />
            ) : null,
            show2Sigma && ph.lower2Sigma !== null ? (
              <Line
                key={`l2s${ph.phase}`}
                dataKey={`l2s${ph.phase}`}
                name={`Lower 2σ, phase ${ph.phase}`}
                stroke="#cbd5e1"
                strokeWidth={1}
                strokeDasharray="2 3"
                {...lineProps}
              />
            ) : null,
          ];
        })}
        {data.target !== null ? (
          <ReferenceLine
            y={data.target}
            stroke="#6b21a8"
            strokeDasharray="8 4"
            label={{ value: `Target ${fmt(data.target)}`, position: "insideBottomLeft", fontSize: 11, fill: "#6b21a8" }}
            ifOverflow="extendDomain"
          />
        ) : null}
        {data.rebases.map((r) => (
          <ReferenceLine
            key={r.label}
            x={r.label}
            stroke="#64748b"
            strokeDasharray="3 3"
            label={{ value: "Rebased", position: "top", fontSize: 11, fill: "#475569" }}
          />
        ))}
        {data.intervention ? (
          <ReferenceLine
            x={data.intervention.label}
            stroke={INK}
            strokeWidth={2}
            strokeDasharray="6 3"
            label={{ value: data.intervention.text, position: "top", fontSize: 12, fontWeight: 600, fill: INK }}
          />
        ) : null}
        <Line
          dataKey="value"
          name="Value"
          stroke="#94a3b8"
          strokeWidth={1.5}
          isAnimationActive={false}
          dot={<Dot spc={data} />}
          activeDot={false}
          legendType="none"
        />
        <Tooltip content={<SpcTooltip data={data} />} cursor={{ stroke: "#cbd5e1" }} />
      </ComposedChart>
    </div>
  );
}
