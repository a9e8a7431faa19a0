"use client";

// The measure explorer's strip (dot) plot: one dot per published figure on
// the pooled scale, the interquartile range shaded and the median drawn.
// Server-rendered with Recharts 2.15 like change-chart.tsx (fixed size, no
// animation). Each dot is an SVG link to its case. Colour follows improvement,
// and shape says provenance — a filled circle for raw before/after values, a
// hollow diamond for a reported-only change — so nothing rests on colour alone.
// Above the dot cap the page draws BandPlot instead: counts per value band.
import { Bar, BarChart, CartesianGrid, ReferenceArea, ReferenceDot, ReferenceLine, ScatterChart, XAxis, YAxis } from "recharts";
import { CHART_COLOURS, type Tone } from "@/components/charts/chart-colours";
import { axisTitle, niceTicks, tickCountFor } from "@/components/charts/chart-parts";
import { LINE_HEIGHT, MIN_WIDTH, wrapText } from "@/components/charts/chart-layout";
import { useContainerWidth } from "@/components/charts/use-container-width";

const HEIGHT = 240;

/** Width, margins and the wrapped axis title of a plot in a container `measured` px wide. */
function plotFrame(measured: number, axisLabel: string, top: number) {
  const width = Math.max(MIN_WIDTH, measured);
  const title = wrapText(axisLabel, width - 40, 12, 3);
  const margin = { top, right: 24, bottom: title.length * LINE_HEIGHT + 6, left: 24 };
  return { width, title, margin, height: HEIGHT + (title.length - 1) * LINE_HEIGHT };
}

export interface StripDot {
  id: string;
  value: number;
  href: string;
  tone: Tone;
  reportedOnly: boolean;
  /** Read by screen readers and shown as the link's tooltip. */
  label: string;
}

interface Props {
  dots: StripDot[];
  median: number | null;
  q1: number | null;
  q3: number | null;
  axisLabel: string;
  title: string;
  description: string;
}

const tick = (v: number) => (v > 0 ? `+${v}` : v < 0 ? `−${Math.abs(v)}` : "0");

/** A stable vertical spread (no randomness: server and browser must agree). */
function jitter(i: number): number {
  return 0.15 + (((i * 37) % 23) / 22) * 0.7;
}

function Dot(props: { cx?: number; cy?: number; payload?: StripDot & { y: number } }) {
  const { cx = 0, cy = 0, payload } = props;
  if (!payload) return null;
  const colour = CHART_COLOURS[payload.tone];
  return (
    <a href={payload.href} aria-label={payload.label}>
      <title>{payload.label}</title>
      {payload.reportedOnly ? (
        <path d={`M${cx},${cy - 6} L${cx + 6},${cy} L${cx},${cy + 6} L${cx - 6},${cy} Z`} fill="#fff" stroke={colour} strokeWidth={2} />
      ) : (
        <circle cx={cx} cy={cy} r={5} fill={colour} fillOpacity={0.85} stroke="#fff" strokeWidth={1} />
      )}
    </a>
  );
}

export function StripPlot({ dots, median, q1, q3, axisLabel, title, description }: Props) {
  const [frame, measured, chartId] = useContainerWidth<HTMLDivElement>();
  const { width, title: axisLines, margin, height } = plotFrame(measured, axisLabel, 24);
  const ticks = niceTicks(
    dots.map((d) => d.value),
    tickCountFor(width - margin.left - margin.right),
  );
  const data = dots.map((d, i) => ({ ...d, y: jitter(i) }));
  return (
    <div ref={frame} className="chart-frame" data-testid="strip-plot">
      <ScatterChart
        id={chartId}
        width={width}
        height={height}
        margin={margin}
        title={title}
        desc={description}
        // A group, not an image: each dot inside is a link to its case.
        role="group"
        aria-label={`${title}. ${description}`}
      >
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
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
        <YAxis type="number" dataKey="y" domain={[0, 1]} hide />
        {q1 !== null && q3 !== null ? (
          <ReferenceArea
            x1={q1}
            x2={q3}
            fill="#cbd5e1"
            fillOpacity={0.45}
            ifOverflow="extendDomain"
            label={{ value: "middle half (IQR)", position: "insideTopLeft", fontSize: 11, fill: "#334155" }}
          />
        ) : null}
        <ReferenceLine x={0} stroke="#1f2933" />
        {median !== null ? (
          <ReferenceLine
            x={median}
            stroke="#1f2933"
            strokeDasharray="6 3"
            strokeWidth={2}
            label={{ value: `median ${tick(Math.round(median * 10) / 10)}`, position: "top", fontSize: 12, fill: "#1f2933" }}
          />
        ) : null}
        {/* Reference dots, not a Scatter: Recharts gives every Scatter symbol role="img" with no name, around our links. */}
        {data.map((d) => (
          <ReferenceDot
            key={d.id}
            x={d.value}
            y={d.y}
            r={6}
            ifOverflow="visible"
            isFront
            shape={(p: { cx?: number; cy?: number }) => <Dot cx={p.cx} cy={p.cy} payload={d} />}
          />
        ))}
      </ScatterChart>
    </div>
  );
}

export interface Band {
  from: number;
  to: number;
  count: number;
}

/** Too many figures for one dot each: how many fall in each equal band of the scale. */
export function BandPlot({
  bands,
  axisLabel,
  title,
  description,
}: {
  bands: Band[];
  axisLabel: string;
  title: string;
  description: string;
}) {
  const [frame, measured, chartId] = useContainerWidth<HTMLDivElement>();
  const { width, title: axisLines, margin, height } = plotFrame(measured, axisLabel, 16);
  const data = bands.map((b) => ({ ...b, mid: (b.from + b.to) / 2 }));
  // A number axis that always shows 0 (the bands reach it: bandEdges), marked as on the strip plot.
  const low = Math.min(0, ...bands.map((b) => b.from));
  const high = Math.max(0, ...bands.map((b) => b.to));
  const plotWidth = width - margin.left - margin.right - 60;
  const ticks = niceTicks([low, high], tickCountFor(plotWidth));
  const barSize = Math.max(2, Math.floor((plotWidth * ((bands[0]?.to ?? 1) - (bands[0]?.from ?? 0))) / Math.max(high - low, 1)) - 1);
  return (
    <div ref={frame} className="chart-frame" data-testid="band-plot">
      <BarChart
        id={chartId}
        width={width}
        height={height}
        data={data}
        margin={margin}
        title={title}
        desc={description}
        role="img"
        aria-label={`${title}. ${description}`}
      >
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis
          type="number"
          dataKey="mid"
          domain={[ticks[0] ?? low, ticks.at(-1) ?? high]}
          ticks={ticks}
          interval={0}
          tickFormatter={tick}
          fontSize={12}
          label={axisTitle({ axisTitle: axisLines, width })}
        />
        <YAxis
          fontSize={12}
          allowDecimals={false}
          label={{ value: "figures", angle: -90, position: "insideLeft", fontSize: 12, fill: "#475569" }}
        />
        <Bar dataKey="count" fill={CHART_COLOURS.neutral} barSize={barSize} isAnimationActive={false} />
        <ReferenceLine x={0} stroke="#1f2933" />
      </BarChart>
    </div>
  );
}
