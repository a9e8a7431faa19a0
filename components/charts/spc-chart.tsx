"use client";

// The SPC (XmR) chart, NHS "Making Data Count" style, on Recharts 2.15 so the
// complete SVG is in the server-rendered HTML (fixed size, no animation).
// Points are coloured AND shaped by what the engine found (square:
// special-cause improvement, triangle: concern, ring: special cause that is
// neither, small dot: common cause); each phase has its own mean and process
// limits (dashed when they are trial limits); the intervention is a labelled
// vertical line. The data table and summary beneath the chart say the same
// in words (components/spc/spc-section.tsx).
import { CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { SpcChartPoint, SpcView } from "@/lib/present/spc";
import { PointShape } from "@/components/spc/spc-icons";
import { WIDTH } from "./chart-parts";

const HEIGHT = 340;
const INK = "#1f2933";
const LIMIT = "#475569";

type Row = Record<string, number | string | null | undefined> & { label: string };

// `spcPoints`, not `points`: Recharts passes its own `points` to a custom dot, which would shadow ours.
function Dot(props: { cx?: number; cy?: number; payload?: Row; index?: number; spcPoints: SpcChartPoint[] }) {
  const p = props.spcPoints[props.index ?? -1];
  if (!p || props.cx === undefined || props.cy === undefined) return null;
  return (
    <g data-point-type={p.pointType}>
      <PointShape type={p.pointType} cx={props.cx} cy={props.cy} />
    </g>
  );
}

function SpcTooltip({ active, payload, view }: { active?: boolean; payload?: Array<{ payload: Row }>; view: SpcView }) {
  const row = active ? payload?.[0]?.payload : undefined;
  const p = row ? view.points[Number(row.index)] : undefined;
  if (!p) return null;
  return (
    <div className="rounded border border-slate-300 bg-white px-3 py-2 text-sm shadow">
      <p className="font-semibold">{p.label}</p>
      <p>
        {p.value.toLocaleString("en-GB", { maximumFractionDigits: 2 })}
        {view.unitLabel === "%" ? "%" : view.unitLabel ? ` ${view.unitLabel}` : ""} — {p.signalWords}
        {p.rules ? ` (${p.rules})` : ""}
      </p>
      {p.annotation ? <p className="text-slate-700">{p.annotation}</p> : null}
    </div>
  );
}

function domainFor(view: SpcView, unitIsPercent: boolean): [number, number] {
  const values: number[] = [];
  for (const p of view.points) {
    values.push(p.value, p.mean);
    if (p.upl !== null) values.push(p.upl);
    if (p.lpl !== null) values.push(p.lpl);
  }
  if (view.target !== null) values.push(view.target);
  let low = Math.min(...values);
  let high = Math.max(...values);
  const pad = Math.max((high - low) * 0.08, Math.abs(high) * 0.02, 1);
  low -= pad;
  high += pad;
  if (unitIsPercent) {
    low = Math.max(0, low);
    high = Math.min(100, high);
  }
  if (low > 0 && low < (high - low) * 0.5) low = 0;
  const step = 10 ** Math.floor(Math.log10(Math.max(high - low, 1e-9)));
  return [Math.floor(low / step) * step, Math.ceil(high / step) * step];
}

/** Chart rows: one per point; the per-phase lines only carry values inside their phase, so each draws as its own step. */
function toRows(view: SpcView): Row[] {
  return view.points.map((p) => {
    const row: Row = { label: p.label, index: p.index, value: p.value };
    row[`mean${p.phase}`] = p.mean;
    if (p.upl !== null) row[`upl${p.phase}`] = p.upl;
    if (p.lpl !== null) row[`lpl${p.phase}`] = p.lpl;
    if (p.upper2Sigma !== null) row[`u2s${p.phase}`] = p.upper2Sigma;
    if (p.lower2Sigma !== null) row[`l2s${p.phase}`] = p.lower2Sigma;
    return row;
  });
}

export function SpcChart({
  view,
  title,
  description,
  show2Sigma = true,
  width = WIDTH,
}: {
  view: SpcView;
  title: string;
  description: string;
  show2Sigma?: boolean;
  width?: number;
}) {
  const rows = toRows(view);
  const percent = view.unitLabel === "%";
  const domain = domainFor(view, percent);
  const tickEvery = Math.max(1, Math.ceil(rows.length / 12));
  const fmt = (v: number) => (percent ? `${v}%` : v.toLocaleString("en-GB"));
  const lastIndex = rows.length - 1;
  // Keep the end labels of close lines apart (≥ 13 px), from the plot's approximate pixel height.
  const lastPhase = view.phases[view.phases.length - 1];
  const pxPerUnit = (HEIGHT - 28 - 30 - 30) / Math.max(domain[1] - domain[0], 1e-9);
  const nudge = (gap: number | null) => (gap === null ? 0 : Math.max(0, 13 - gap * pxPerUnit));
  const upperDy = -nudge(lastPhase?.upl != null ? lastPhase.upl - lastPhase.mean : null);
  const lowerDy = nudge(lastPhase?.lpl != null ? lastPhase.mean - lastPhase.lpl : null);
  const lineProps = { isAnimationActive: false, dot: false, activeDot: false, connectNulls: false, legendType: "none" as const };

  return (
    <div className="chart-frame overflow-x-auto" data-testid="spc-chart" data-run-chart={view.runChart ? "true" : "false"}>
      <ComposedChart
        width={width}
        height={HEIGHT}
        data={rows}
        margin={{ top: 28, right: 90, bottom: 30, left: 16 }}
        title={title}
        desc={description}
        role="img"
        aria-label={`${title}. ${description}`}
      >
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" interval={tickEvery - 1} fontSize={11} tickMargin={6} label={{ value: view.monthly ? "Month" : "Date", position: "insideBottom", offset: -22, fontSize: 12, fill: "#475569" }} />
        <YAxis domain={domain} tickFormatter={fmt} fontSize={11} width={64} label={{ value: view.axisLabel, angle: -90, position: "insideLeft", offset: 4, fontSize: 12, fill: "#475569" }} />
        {view.phases.map((ph) => {
          const dash = ph.trialLimits ? "6 4" : undefined;
          const last = ph.phase === view.phases.length;
          return [
            <Line key={`mean${ph.phase}`} dataKey={`mean${ph.phase}`} name={`Mean, phase ${ph.phase}`} stroke={INK} strokeWidth={1.5} {...lineProps} label={last ? <EndLabel text="Mean" lastIndex={lastIndex} /> : undefined} />,
            ph.upl !== null ? <Line key={`upl${ph.phase}`} dataKey={`upl${ph.phase}`} name={`Upper process limit, phase ${ph.phase}`} stroke={LIMIT} strokeWidth={1.5} strokeDasharray={dash ?? "2 0"} {...lineProps} label={last ? <EndLabel text="Upper limit" lastIndex={lastIndex} dy={upperDy} /> : undefined} /> : null,
            ph.lpl !== null ? <Line key={`lpl${ph.phase}`} dataKey={`lpl${ph.phase}`} name={`Lower process limit, phase ${ph.phase}`} stroke={LIMIT} strokeWidth={1.5} strokeDasharray={dash ?? "2 0"} {...lineProps} label={last ? <EndLabel text="Lower limit" lastIndex={lastIndex} dy={lowerDy} /> : undefined} /> : null,
            show2Sigma && ph.upl !== null ? <Line key={`u2s${ph.phase}`} dataKey={`u2s${ph.phase}`} name={`Upper 2σ, phase ${ph.phase}`} stroke="#cbd5e1" strokeWidth={1} strokeDasharray="2 3" {...lineProps} /> : null,
            show2Sigma && ph.lpl !== null ? <Line key={`l2s${ph.phase}`} dataKey={`l2s${ph.phase}`} name={`Lower 2σ, phase ${ph.phase}`} stroke="#cbd5e1" strokeWidth={1} strokeDasharray="2 3" {...lineProps} /> : null,
          ];
        })}
        {view.target !== null ? (
          <ReferenceLine y={view.target} stroke="#6b21a8" strokeDasharray="8 4" label={{ value: `Target ${fmt(view.target)}`, position: "insideBottomLeft", fontSize: 11, fill: "#6b21a8" }} ifOverflow="extendDomain" />
        ) : null}
        {view.rebases.map((r) => (
          <ReferenceLine key={r.label} x={r.label} stroke="#64748b" strokeDasharray="3 3" label={{ value: "Rebased", position: "top", fontSize: 11, fill: "#475569" }} />
        ))}
        {view.intervention ? (
          <ReferenceLine
            x={view.intervention.label}
            stroke={INK}
            strokeWidth={2}
            strokeDasharray="6 3"
            label={{ value: view.intervention.text, position: "top", fontSize: 12, fontWeight: 600, fill: INK }}
          />
        ) : null}
        <Line dataKey="value" name="Value" stroke="#94a3b8" strokeWidth={1.5} isAnimationActive={false} dot={<Dot spcPoints={view.points} />} activeDot={false} legendType="none" />
        <Tooltip content={<SpcTooltip view={view} />} cursor={{ stroke: "#cbd5e1" }} />
      </ComposedChart>
    </div>
  );
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
