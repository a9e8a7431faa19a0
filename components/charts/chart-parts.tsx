"use client";

// Layout and pieces shared by the chart kinds, so every chart has the same
// geometry: category names on the left, bars or dots in the middle, values
// printed in words in a column of their own at the right (a label can never
// collide with a bar, a dot or the zero line). On a narrow screen the names
// move above each bar and the values below it (components/charts/chart-layout.ts).
import { AXIS_HEIGHT, LINE_HEIGHT, type BarLayout } from "./chart-layout";

export { DEFAULT_WIDTH as WIDTH } from "./chart-layout";
export const ROW_HEIGHT = 48;
export const LABEL_WIDTH = 220;

/** Axis ticks at round steps covering every value, with zero always included. */
export function niceTicks(values: number[], maxTicks = 6): number[] {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const span = Math.max(high - low, 1);
  const rough = span / Math.max(2, maxTicks - 2);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let t = Math.floor(low / step) * step; t <= Math.ceil(high / step) * step + step / 2; t += step) {
    ticks.push(Math.round(t * 1e6) / 1e6);
  }
  return ticks;
}

/** How many value ticks fit across a plot `plotWidth` px wide (each ~56 px apart at least). */
export function tickCountFor(plotWidth: number): number {
  return Math.max(3, Math.min(6, Math.floor(plotWidth / 56)));
}

/** Lines of text, the first at (x, y), each LINE_HEIGHT below the last. */
function Lines({
  lines,
  x,
  y,
  anchor = "start",
  fontSize,
  fill,
  boldFirst = false,
}: {
  lines: string[];
  x: number;
  y: number;
  anchor?: "start" | "end" | "middle";
  fontSize: number;
  fill: string;
  boldFirst?: boolean;
}) {
  return (
    <text x={x} y={y} textAnchor={anchor} fontSize={fontSize} fill={fill}>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : LINE_HEIGHT} fontWeight={boldFirst && i === 0 ? 600 : undefined}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** The category name at the left of a bar (wide layout), wrapped and centred on the bar. */
export function categoryTick(layout: Pick<BarLayout, "labels">) {
  function Tick(props: { x?: number; y?: number; index?: number }) {
    const lines = layout.labels[props.index ?? -1];
    if (!lines || props.x === undefined || props.y === undefined) return <g />;
    // Baseline of the first line, so the block is centred on the tick (0.35em below centre per line).
    const y = props.y - ((lines.length - 1) * LINE_HEIGHT) / 2 + 4.5;
    return <Lines lines={lines} x={Math.round(props.x * 10) / 10} y={Math.round(y * 10) / 10} anchor="end" fontSize={13} fill="#1f2933" />;
  }
  return Tick;
}

/**
 * A value-axis tick as one plain <text>. Recharts' own tick repeats the axis'
 * props as attributes on every label (~200 bytes each); the page is served
 * faster the smaller it is.
 */
export function ValueTick<T extends number | string>(props: {
  x?: number;
  y?: number;
  payload?: { value: T };
  format?: (v: T) => string;
  /** "end": a y-axis label, right-aligned against the axis and centred on the tick. */
  anchor?: "middle" | "end";
}) {
  const value = props.payload?.value;
  if (value === undefined || props.x === undefined || props.y === undefined) return null;
  const end = props.anchor === "end";
  return (
    <text
      x={Math.round(props.x * 10) / 10}
      y={Math.round(props.y * 10) / 10}
      dy={end ? "0.355em" : "0.71em"}
      textAnchor={end ? "end" : "middle"}
      fontSize={12}
      fill="#475569"
    >
      {props.format ? props.format(value) : String(value)}
    </text>
  );
}

/**
 * Per bar: the value column at the right (wide), or the name above the bar
 * and the value below it (narrow). Recharts calls it once per bar with the
 * bar's box.
 */
export function barLabels(layout: BarLayout) {
  function Label(props: { y?: number | string; height?: number | string; index?: number }) {
    const i = props.index ?? -1;
    const values = layout.values[i];
    const labels = layout.labels[i];
    if (!values || !labels) return null;
    const barTop = Number(props.y ?? 0) + Number(props.height ?? 0) / 2 - layout.barSize / 2;
    if (!layout.narrow) {
      const y = barTop + layout.barSize / 2 - ((values.length - 1) * LINE_HEIGHT) / 2 + 4;
      return (
        <Lines
          lines={values}
          x={layout.width - layout.valueColumn + 12}
          y={Math.round(y * 10) / 10}
          fontSize={12}
          fill="#1f2933"
          boldFirst
        />
      );
    }
    const x = layout.margin.left;
    const labelY = barTop - 6 - (labels.length - 1) * LINE_HEIGHT - 3;
    const valueY = barTop + layout.barSize + 6 + 10;
    return (
      <g>
        <Lines lines={labels} x={x} y={Math.round(labelY * 10) / 10} fontSize={13} fill="#1f2933" />
        <Lines lines={values} x={x} y={Math.round(valueY * 10) / 10} fontSize={12} fill="#1f2933" boldFirst />
      </g>
    );
  }
  return Label;
}

/** The value axis' title under the plot, wrapped to fit, centred on the plot. */
export function axisTitle(layout: Pick<BarLayout, "axisTitle" | "width">) {
  function Title(props: { viewBox?: { x?: number; y?: number; width?: number; height?: number } }) {
    const box = props.viewBox ?? {};
    // Centred on the whole chart, the width it was wrapped to (chart-layout.ts).
    const x = layout.width / 2;
    const y = (box.y ?? 0) + (box.height ?? AXIS_HEIGHT) + 11;
    return <Lines lines={layout.axisTitle} x={Math.round(x)} y={Math.round(y)} anchor="middle" fontSize={12} fill="#475569" />;
  }
  return Title;
}
