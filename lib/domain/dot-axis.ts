// The horizontal axis of the approach cards' dot charts. Pure. Values are on
// the pooled scale (points, or log changes); the ticks a reader sees are points
// or the % change a log change stands for, so the chart never labels a log
// change (a fall of 50% and a rise of 100% still sit the same distance from 0).
import type { PoolScale } from "./pooling";

export interface DotAxis {
  min: number;
  max: number;
  /** Positions on the pooled scale, with their labels. */
  ticks: Array<{ at: number; label: string }>;
}

const MINUS = "\u2212";
const signed = (n: number, suffix: string) => (n === 0 ? "0" : `${n < 0 ? MINUS : "+"}${Math.abs(n)}${suffix}`);

function niceStep(span: number): number {
  const rough = span / 4;
  const mag = 10 ** Math.floor(Math.log10(rough));
  const f = rough / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
}

// % changes whose log positions make good ticks, from −99% up.
const PERCENT_TICKS = [-99, -95, -90, -75, -50, -25, 0, 25, 50, 100, 200, 400, 900, 1900];

export function dotAxis(values: number[], scale: PoolScale): DotAxis {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  if (scale === "pp") {
    const step = niceStep(Math.max(hi - lo, 1));
    const min = Math.floor(lo / step) * step;
    const max = Math.ceil(hi / step) * step;
    const ticks = [];
    for (let t = min; t <= max + step / 2; t += step) {
      const at = Math.round(t * 1000) / 1000;
      ticks.push({ at, label: signed(at, " pp") });
    }
    return { min, max, ticks };
  }
  const pos = (p: number) => 100 * Math.log(1 + p / 100);
  const below = PERCENT_TICKS.filter((p) => pos(p) <= lo);
  const above = PERCENT_TICKS.filter((p) => pos(p) >= hi);
  const first = below.at(-1) ?? PERCENT_TICKS[0]!;
  const last = above[0] ?? PERCENT_TICKS.at(-1)!;
  let inside = PERCENT_TICKS.filter((p) => p >= first && p <= last);
  // At most seven ticks: keep the ends and 0, thin the rest evenly.
  if (inside.length > 7) inside = inside.filter((p, i) => p === 0 || p === first || p === last || i % 2 === 0);
  return { min: pos(first), max: pos(last), ticks: inside.map((p) => ({ at: pos(p), label: signed(p, "%") })) };
}
