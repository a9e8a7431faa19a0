// How often a series has a point: its frequency, stored on the measure
// (issue 16), which decides how dates are read, named and checked, and
// whether the series may be read as an SPC chart at all.
//
// Dates are stored as ISO days. A quarter or a year is stored as one day of
// it: a date on the 1st of a month is the first day of its period; a date on
// any other day is the last day of its period (31/3/2024 in a quarterly
// series is January to March 2024; 31/3/2020 in a yearly one is 2019/20).
// A UK financial year "2019/20" is stored as 1 April 2019.
// Pure: no framework or database imports.
import { DATE_FORMAT_HINT, dayNumber, parseSeriesDate } from "./dates";

export const SERIES_FREQUENCIES = ["daily", "weekly", "monthly", "quarterly", "yearly", "irregular"] as const;
export type SeriesFrequency = (typeof SERIES_FREQUENCIES)[number];

export const FREQUENCY_WORDS: Record<SeriesFrequency, string> = {
  daily: "Daily",
  weekly: "Weekly",
  monthly: "Monthly",
  quarterly: "Quarterly",
  yearly: "Yearly (calendar or financial years)",
  irregular: "Irregular dates",
};

/** "a month": the period of one point, for "31 referrals a month". null for irregular dates. */
export const FREQUENCY_INTERVAL: Record<SeriesFrequency, string | null> = {
  daily: "a day",
  weekly: "a week",
  monthly: "a month",
  quarterly: "a quarter",
  yearly: "a year",
  irregular: null,
};

/** The x axis title of a chart. */
export const FREQUENCY_AXIS: Record<SeriesFrequency, string> = {
  daily: "Day",
  weekly: "Week",
  monthly: "Month",
  quarterly: "Quarter",
  yearly: "Year",
  irregular: "Date",
};

/** Months in one period, for the periods counted in months. */
const PERIOD_MONTHS: Partial<Record<SeriesFrequency, number>> = { monthly: 1, quarterly: 3, yearly: 12 };
/** Days in one period, for the periods counted in days. */
const PERIOD_DAYS: Partial<Record<SeriesFrequency, number>> = { daily: 1, weekly: 7 };

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function dateFormatHint(frequency: SeriesFrequency | null | undefined): string {
  if (frequency === "yearly") {
    return "Use a year like 2019, a financial year like 2019/20 (from 1 April), or a date in the year (1/1/2019 starts it, 31/3/2020 ends it)";
  }
  if (frequency === "quarterly") {
    return "Use a quarter like Q1 2024 (January to March), a financial quarter like Q1 2024/25 (April to June 2024), or a date in it (1/4/2024 starts it, 30/6/2024 ends it)";
  }
  if (frequency === "monthly") return "Use a month like Mar 2024 or 2024-03, or a date in the month";
  return DATE_FORMAT_HINT;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Year and 0-based month of a financial year's quarter q (Q1 = April to June). */
function financialQuarter(startYear: number, q: number): [number, number] {
  const m = 3 + (q - 1) * 3; // 0-based month: April = 3
  return m > 11 ? [startYear + 1, m - 12] : [startYear, m];
}

/** "2019/20", "2019-20", "2019/2020" → 2019 when the second year follows the first; else null. */
function financialYear(first: string, second: string): number | null {
  const y = Number(first);
  const next = second.length === 2 ? (y + 1) % 100 : y + 1;
  return Number(second) === next ? y : null;
}

/**
 * A date as the analyst typed it, read for a series of the given frequency:
 * every form parseSeriesDate reads, plus years ("2019", "2019/20") in a yearly
 * series and quarters ("Q1 2024", "2024 Q1", "Q1 2024/25") in a quarterly one.
 * Those forms are refused elsewhere: "2019" in a monthly series is a mistake.
 */
export function parseDateForFrequency(text: string, frequency: SeriesFrequency | null | undefined): string | null {
  const t = text.trim().replace(/\s+/g, " ");
  if (frequency === "yearly") {
    let m = /^(\d{4})$/.exec(t);
    if (m) return Number(m[1]) >= 1900 && Number(m[1]) <= 2200 ? `${m[1]}-01-01` : null;
    m = /^(?:FY ?)?(\d{4}) ?[/-] ?(\d{2}|\d{4})$/i.exec(t);
    if (m) {
      const y = financialYear(m[1]!, m[2]!);
      if (y !== null) return y >= 1900 && y <= 2200 ? `${y}-04-01` : null;
    }
  }
  if (frequency === "quarterly") {
    // Financial quarters first: "Q1 2024/25", "2024/25 Q1".
    let m = /^Q([1-4]) ?(\d{4})[/-](\d{2})$/i.exec(t) ?? null;
    let q: number | null = null;
    let fy: number | null = null;
    if (m) [q, fy] = [Number(m[1]), financialYear(m[2]!, m[3]!)];
    else {
      m = /^(\d{4})[/-](\d{2}) ?Q([1-4])$/i.exec(t);
      if (m) [q, fy] = [Number(m[3]), financialYear(m[1]!, m[2]!)];
    }
    if (m) {
      if (fy === null || q === null) return null;
      const [y, mo] = financialQuarter(fy, q);
      return `${y}-${pad(mo + 1)}-01`;
    }
    m = /^Q([1-4])[ -]?(\d{4})$/i.exec(t) ?? /^(\d{4})[ -]?Q([1-4])$/i.exec(t);
    if (m) {
      const [year, quarter] = /^Q/i.test(t) ? [Number(m[2]), Number(m[1])] : [Number(m[1]), Number(m[2])];
      if (year < 1900 || year > 2200) return null;
      return `${year}-${pad((quarter - 1) * 3 + 1)}-01`;
    }
  }
  return parseSeriesDate(t);
}

function monthIndex(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

/**
 * The first month (as year × 12 + 0-based month) of the period a date stands
 * for: the 1st starts a period, any other day ends one.
 */
export function periodStartMonth(iso: string, frequency: SeriesFrequency): number {
  const months = PERIOD_MONTHS[frequency] ?? 1;
  const m = monthIndex(iso);
  return iso.endsWith("-01") ? m : m - (months - 1);
}

function monthLabel(m: number, long: boolean): string {
  const name = MONTHS[((m % 12) + 12) % 12]!;
  return long ? name : name.slice(0, 3);
}

function dayLabel(iso: string, long: boolean): string {
  const name = MONTHS[Number(iso.slice(5, 7)) - 1]!;
  return `${Number(iso.slice(8, 10))} ${long ? name : name.slice(0, 3)} ${iso.slice(0, 4)}`;
}

/**
 * A point's date named as its period: "Mar 2024" (monthly), "Apr–Jun 2024"
 * (quarterly), "2019" or "2019/20" (yearly), "4 Mar 2024" (daily, weekly,
 * irregular). `long` spells the months out, for sentences.
 */
export function formatPeriod(iso: string, frequency: SeriesFrequency, { long = false } = {}): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  if (frequency === "monthly") {
    const m = monthIndex(iso);
    return `${monthLabel(m, long)} ${Math.floor(m / 12)}`;
  }
  if (frequency === "quarterly" || frequency === "yearly") {
    const start = periodStartMonth(iso, frequency);
    const end = start + (PERIOD_MONTHS[frequency]! - 1);
    const [y0, y1] = [Math.floor(start / 12), Math.floor(end / 12)];
    if (frequency === "yearly" && start % 12 === 0) return String(y0);
    if (frequency === "yearly" && start % 12 === 3) return `${y0}/${pad((y0 + 1) % 100)}`;
    const dash = long ? " to " : "–";
    return y0 === y1
      ? `${monthLabel(start, long)}${dash}${monthLabel(end, long)} ${y0}`
      : `${monthLabel(start, long)} ${y0}${dash}${monthLabel(end, long)} ${y1}`;
  }
  return dayLabel(iso, long);
}

/** A problem with one point's date (0-based index into the sorted dates). */
export interface DateIssue {
  index: number;
  message: string;
}

export interface FrequencyCheck {
  errors: DateIssue[];
  warnings: string[];
  /** Periods with no point between the first and the last (ISO dates of their first day). */
  missing: string[];
}

/**
 * Checks sorted, distinct ISO dates against a frequency: one point per
 * period, on the period grid the first point sets (so a financial-year or a
 * quarter-end series works), and lists missing periods. Irregular dates have
 * no grid: nothing to check.
 */
export function checkFrequency(dates: readonly string[], frequency: SeriesFrequency): FrequencyCheck {
  const errors: DateIssue[] = [];
  const warnings: string[] = [];
  const missing: string[] = [];
  if (dates.length < 2 || frequency === "irregular") return { errors, warnings, missing };
  const label = (iso: string) => formatPeriod(iso, frequency, { long: true });
  const months = PERIOD_MONTHS[frequency];
  if (months !== undefined) {
    const base = periodStartMonth(dates[0]!, frequency);
    const what = frequency === "monthly" ? "month" : frequency === "quarterly" ? "quarter" : "year";
    for (let i = 1; i < dates.length; i++) {
      const start = periodStartMonth(dates[i]!, frequency);
      const prev = periodStartMonth(dates[i - 1]!, frequency);
      if ((start - base) % months !== 0) {
        errors.push({
          index: i,
          message: `${dayLabel(dates[i]!, true)} does not fall on the ${what}s the first point sets (${label(dates[0]!)}): a ${frequency} series has one point every ${months === 1 ? "month" : `${months} months`}.`,
        });
      } else if (start === prev) {
        errors.push({
          index: i,
          message: `${dayLabel(dates[i]!, true)} is in the same ${what} as the point before (${label(dates[i - 1]!)}): keep one value per ${what}.`,
        });
      } else {
        for (let s = prev + months; s < start; s += months) missing.push(`${Math.floor(s / 12)}-${pad((s % 12) + 1)}-01`);
      }
    }
    return { errors, warnings, missing };
  }
  // Daily and weekly: distinct dates are at least a day apart, so only a weekly series can have two points in one period.
  // A weekly series keeps the weekday the first point sets (issue 19: monthly dates mixed in are refused, not warned about).
  const days = PERIOD_DAYS[frequency]!;
  const first = dayNumber(dates[0]!);
  for (let i = 1; i < dates.length; i++) {
    const [a, b] = [dayNumber(dates[i - 1]!), dayNumber(dates[i]!)];
    if (b - a < days) {
      errors.push({
        index: i,
        message: `${dayLabel(dates[i]!, true)} is less than a week after the point before (${dayLabel(dates[i - 1]!, true)}): keep one value per week.`,
      });
    } else if ((b - first) % days !== 0) {
      errors.push({
        index: i,
        message: `${dayLabel(dates[i]!, true)} is not a whole number of weeks after the first point (${dayLabel(dates[0]!, true)}): a weekly series has one point every 7 days, on the same weekday. If the dates mix weeks and months, split them or choose “Irregular dates”.`,
      });
    } else {
      for (let d = a + days; d < b; d += days) missing.push(new Date(d * 86_400_000).toISOString().slice(0, 10));
    }
  }
  return { errors, warnings, missing };
}

function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * The frequency sorted dates look like: dates on the 1st of a month are
 * monthly, quarterly or yearly by the gaps between them (a missing period
 * allowed); others weekly when every gap is whole weeks, else by the median
 * gap. The default for a measure whose frequency was never set, and the
 * suggestion when the chosen one does not fit.
 */
export function detectFrequency(dates: readonly string[]): SeriesFrequency {
  if (dates.length < 2) return dates.length === 1 && dates[0]!.endsWith("-01") ? "monthly" : "irregular";
  const dayGaps: number[] = [];
  const monthGaps: number[] = [];
  for (let i = 1; i < dates.length; i++) {
    dayGaps.push(dayNumber(dates[i]!) - dayNumber(dates[i - 1]!));
    monthGaps.push(monthIndex(dates[i]!) - monthIndex(dates[i - 1]!));
  }
  if (dates.every((d) => d.endsWith("-01"))) {
    // Dated on the 1st: the longest period every gap is a whole number of (missing periods allowed).
    if (monthGaps.every((g) => g % 12 === 0)) return "yearly";
    if (monthGaps.every((g) => g % 3 === 0)) return "quarterly";
    return "monthly";
  }
  if (dayGaps.every((g) => g % 7 === 0)) return "weekly";
  const g = medianOf(dayGaps);
  if (g === 1) return "daily";
  if (g >= 28 && g <= 31) return "monthly";
  if (g >= 89 && g <= 92) return "quarterly";
  if (g >= 365 && g <= 366) return "yearly";
  return "irregular";
}

/**
 * Whether the series may be read as an SPC (XmR) chart, and why not. The
 * moving ranges that set the limits compare each point with the one before:
 * they measure like-for-like variation only when the points are evenly spaced
 * (NHS Making Data Count, NHSRplotthedots: data in time order, no gaps in the
 * period). Irregular dates are charted as a run chart, whose rules read the
 * points in time order only.
 */
export function spcAllowed(frequency: SeriesFrequency): { allowed: true } | { allowed: false; reason: string } {
  if (frequency === "irregular") {
    return {
      allowed: false,
      reason:
        "The dates are irregular, so this is a run chart: SPC process limits come from the differences between consecutive points, which only compare like with like when the points are evenly spaced.",
    };
  }
  return { allowed: true };
}

/** A measure's stored frequency, or, for a series saved before frequencies were stored, the one its dates look like. */
export function resolveFrequency(stored: SeriesFrequency | null | undefined, dates: readonly string[]): SeriesFrequency {
  return stored ?? detectFrequency(dates);
}
