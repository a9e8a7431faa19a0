// Number formatting primitives for measures and changes. Pure; re-exported
// from format.ts (the public entry point).
//
// Display rules (one rule everywhere, so a chart label and a table cell agree):
// - Figures as stored (before/after values, reported changes): up to 2
//   decimals, trailing zeros dropped: 46 → "46", 21.2 → "21.2", 0.35 → "0.35".
//   Stored values have at most 6 decimals (Decimal(20,6)); 2 keeps what
//   sources print without inventing precision.
// - Computed changes (relative %, pp, log): whole when whole at 1 decimal,
//   else 1 decimal: −14 → "−14%", −33.333… → "−33.3%", 30.434… → "+30.4%".
// - Money: pounds with thousands separators, pence only when not whole:
//   "£700,000", "£1.50".
// - Negative numbers use the real minus sign U+2212; a value that rounds to
//   zero is shown as "0" with no sign (never "−0").
// Rounding happens here, for display only: arithmetic elsewhere keeps full
// precision.

import type { MeasureUnit, Qualifier } from "./measure-types";

export const MINUS = "\u2212";
export const VALUE_DECIMALS = 2;
export const CHANGE_DECIMALS = 1;

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: "",
  about: "about ",
  at_least: "at least ",
  at_most: "at most ",
  more_than: "more than ",
  less_than: "less than ",
};

/** "at least " etc., with a trailing space; "" for exact. */
export function qualifierPrefix(q: Qualifier | null | undefined): string {
  return q ? QUALIFIER_WORDS[q] : "";
}

/**
 * Removes binary floating-point noise before rounding
 * (258/300 − 1 = −0.13999999999999999; 0.145·100 = 14.499999999999998),
 * so halves round away from zero as a reader expects.
 */
function clean(n: number): number {
  return Number(n.toPrecision(12));
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${minDecimals}:${maxDecimals}`;
  let f = formatters.get(key);
  if (!f) {
    // Fixed locale: server and browser must render identical strings.
    f = new Intl.NumberFormat("en-GB", {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: maxDecimals,
    });
    formatters.set(key, f);
  }
  return f;
}

/** The value as it will be displayed at this many decimals (for sign tests). */
export function roundForDisplay(n: number, decimals: number): number {
  const factor = 10 ** decimals;
  // Half away from zero, on the cleaned magnitude (Math.round(-2.5) is -2).
  const r = Math.round(clean(Math.abs(clean(n)) * factor)) / factor;
  return r === 0 ? 0 : Math.sign(n) * r;
}

/** Unsigned magnitude with grouping, e.g. 700000 → "700,000". */
function magnitude(n: number, maxDecimals: number, minDecimals = 0): string {
  return formatter(minDecimals, maxDecimals).format(Math.abs(roundForDisplay(n, maxDecimals)));
}

/** A plain number: "1,234.5", "−3". Non-finite input gives "n/a". */
export function formatNumber(n: number, maxDecimals: number = VALUE_DECIMALS): string {
  if (!Number.isFinite(n)) return "n/a";
  const shown = roundForDisplay(n, maxDecimals);
  return (shown < 0 ? MINUS : "") + magnitude(n, maxDecimals);
}

/** "+" / "−" / "" (for a figure that displays as zero). */
function signFor(n: number, decimals: number): string {
  const shown = roundForDisplay(n, decimals);
  if (shown > 0) return "+";
  if (shown < 0) return MINUS;
  return "";
}

/** A change in per cent: "+30.4%", "−64%", "0%". */
export function formatSignedPercent(n: number, decimals: number = CHANGE_DECIMALS): string {
  if (!Number.isFinite(n)) return "n/a";
  return `${signFor(n, decimals)}${magnitude(n, decimals)}%`;
}

/** A change in percentage points: "+14 pp", "−71 pp", "0 pp". */
export function formatPercentagePoints(n: number, decimals: number = CHANGE_DECIMALS): string {
  if (!Number.isFinite(n)) return "n/a";
  return `${signFor(n, decimals)}${magnitude(n, decimals)} pp`;
}

function money(n: number): string {
  const whole = roundForDisplay(n, VALUE_DECIMALS) % 1 === 0;
  return `£${whole ? magnitude(n, 0) : magnitude(n, 2, 2)}`;
}

function plural(n: number, one: string, many: string): string {
  return roundForDisplay(Math.abs(n), VALUE_DECIMALS) === 1 ? one : many;
}

/** The magnitude with its unit, no sign and no qualifier. */
function unsignedWithUnit(n: number, unit: MeasureUnit): string {
  const num = magnitude(n, VALUE_DECIMALS);
  switch (unit) {
    case "money":
      return money(n);
    case "percent":
      return `${num}%`;
    case "hours":
      return `${num} ${plural(n, "hour", "hours")}`;
    case "days":
      return `${num} ${plural(n, "day", "days")}`;
    case "weeks":
      return `${num} ${plural(n, "week", "weeks")}`;
    case "months":
      return `${num} ${plural(n, "month", "months")}`;
    case "rate":
    case "count":
    case "score":
      return num;
    case "ratio":
      // A return ratio, e.g. £4 per £1 → "4:1".
      return `${num}:1`;
  }
}

/**
 * The number with its unit and, for every unit, its basis: "£35 a week",
 * "21.2 per day", "£3,000,000 a year", "4:1 per £1 invested". DOMAIN.md: keep
 * the rate basis and period with the number.
 */
function withBasis(n: number, unit: MeasureUnit, rateBasis?: string | null): string {
  const text = unsignedWithUnit(n, unit);
  const basis = rateBasis?.trim();
  return basis ? `${text} ${basis}` : text;
}

/**
 * A stored figure with its unit and qualifier: "at least 94%", "about £700,000",
 * "21.2 per day", "300 hours". The qualifier stays with the number (DOMAIN.md).
 */
export function formatValue(value: number, unit: MeasureUnit, opts: { qualifier?: Qualifier; rateBasis?: string | null } = {}): string {
  if (!Number.isFinite(value)) return "n/a";
  const sign = roundForDisplay(value, VALUE_DECIMALS) < 0 ? MINUS : "";
  return `${qualifierPrefix(opts.qualifier)}${sign}${withBasis(value, unit, opts.rateBasis)}`;
}

/**
 * A signed absolute change in the measure's unit: "+5", "−£180,000",
 * "+2 hours"; for percent measures the change is in points: "+14 pp".
 */
export function formatSignedValue(n: number, unit: MeasureUnit, rateBasis?: string | null): string {
  if (!Number.isFinite(n)) return "n/a";
  if (unit === "percent") return formatPercentagePoints(n);
  return `${signFor(n, VALUE_DECIMALS)}${withBasis(n, unit, rateBasis)}`;
}
