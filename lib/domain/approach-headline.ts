// The plain-language headline of one measure category of an approach, as a
// leader reads it: "Failure demand: down in 2 of 2 cases, typically 44–71
// percentage points". Pure. Log changes drive the pooling but are never the
// number a leader reads: they are turned back into the % change they stand
// for (DOMAIN.md, "Comparing across cases"); the method sits in a footnote.
import { formatNumber, MINUS } from "./format-number";
import { logToPercent, type PoolScale } from "./pooling";

export interface CategoryCaseSummary {
  /** Cases with a pooled figure in the category (each case's figures averaged on the pooled scale). */
  cases: number;
  casesDown: number;
  casesUp: number;
  casesFlat: number;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
  scale: PoolScale;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** A pooled value in the unit a reader knows: points stay points, a log change becomes its % change. */
export function toReadable(value: number, scale: PoolScale): number {
  return scale === "pp" ? value : logToPercent(value);
}

function magnitude(n: number): string {
  const a = Math.abs(n);
  return formatNumber(a, a >= 10 ? 0 : 1);
}

function signedText(n: number): string {
  const m = magnitude(n);
  if (m === "0") return "0";
  return `${n < 0 ? MINUS : "+"}${m}`;
}

const unitWords = (scale: PoolScale, n: number) => (scale === "pp" ? ` ${plural(n, "percentage point", "percentage points")}` : "%");

/** "down in 2, up in 1 of 3 cases": the larger groups first, none left out. */
export function describeDirections(s: CategoryCaseSummary): string {
  const parts: Array<[number, string]> = [
    [s.casesDown, "down"],
    [s.casesUp, "up"],
    [s.casesFlat, "no change"],
  ];
  const shown = parts
    .filter(([n]) => n > 0)
    .sort((a, b) => b[0] - a[0])
    .map(([n, w]) => `${w} in ${n}`);
  return `${shown.join(", ")} of ${s.cases} ${plural(s.cases, "case", "cases")}`;
}

/**
 * The typical size of the change: the middle half of the cases from four cases
 * up, every case below that; in magnitudes when all of it lies on one side of
 * zero ("typically 44–71 percentage points"), signed when it spans zero.
 */
export function describeTypicalRange(s: CategoryCaseSummary): string | null {
  const [lo, hi] = s.cases >= 4 ? [s.q1, s.q3] : [s.min, s.max];
  if (lo === null || hi === null) return null;
  const a = toReadable(lo, s.scale);
  const b = toReadable(hi, s.scale);
  if (magnitude(a) === magnitude(b) && Math.sign(a) === Math.sign(b)) {
    const unit = unitWords(s.scale, Math.abs(a));
    return s.cases === 1 ? `by ${magnitude(a)}${unit}` : `typically ${magnitude(a)}${unit}`;
  }
  if (a < 0 === b < 0 && a !== 0 && b !== 0) {
    const [small, large] = Math.abs(a) < Math.abs(b) ? [a, b] : [b, a];
    return `typically ${magnitude(small)}–${magnitude(large)}${unitWords(s.scale, 2)}`;
  }
  return `typically between ${signedText(a)} and ${signedText(b)}${unitWords(s.scale, 2)}`;
}

/** "Failure demand: down in 2 of 2 cases, typically 44–71 percentage points". */
export function describeCategoryHeadline(label: string, s: CategoryCaseSummary): string {
  if (s.cases === 0) return `${label}: no figures that can be pooled`;
  const range = describeTypicalRange(s);
  return `${label}: ${describeDirections(s)}${range ? `, ${range}` : ""}`;
}
