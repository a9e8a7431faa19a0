"use client";

// Layout and pieces shared by the chart kinds, so every chart has the same
// geometry: category names on the left, bars or dots in the middle, values
// printed in words in a column of their own at the right (a label can never
// collide with a bar, a dot or the zero line).
import { Text } from "recharts";

export const WIDTH = 820;
export const ROW_HEIGHT = 48;
export const LABEL_WIDTH = 220;
export const VALUE_COLUMN = 250;

/** Axis ticks at round steps covering every value, with zero always included. */
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

export function CategoryTick(props: { x?: number; y?: number; payload?: { value: string } }) {
  return (
    <Text x={props.x} y={props.y} width={LABEL_WIDTH - 12} textAnchor="end" verticalAnchor="middle" fontSize={13} fill="#1f2933">
      {props.payload?.value ?? ""}
    </Text>
  );
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

/** The right-hand column: the change as printed, and the outcome in words. */
export function valueColumnLabel(rows: Array<{ display: string; outcomeWord: string }>) {
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
