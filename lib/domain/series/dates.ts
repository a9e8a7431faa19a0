// Dates as analysts paste them, read into ISO dates (YYYY-MM-DD, UTC).
// Accepted: ISO "2024-03-15", "2024/03/15"; a month "2024-03"; British
// day-first "15/3/2024", "15-03-2024", "15.03.2024"; month names "Mar 2024",
// "March 2024", "Mar-2024", "15 Mar 2024". A month alone means its first day,
// the convention of monthly SPC series. Two-digit years and American
// month-first dates are refused rather than guessed.

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

export const DATE_FORMAT_HINT = "Use a date like 2024-03-01, 1/3/2024 (day first), Mar 2024 or 2024-03";

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** An ISO date (YYYY-MM-DD) or null when the text is not a date we read without guessing. */
export function parseSeriesDate(text: string): string | null {
  const t = text.trim().replace(/\s+/g, " ");
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), 1);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(?:(\d{1,2})[ -])?([A-Za-z]{3,9})\.?[ -](\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (!month) return null;
    return iso(Number(m[3]), month, m[1] ? Number(m[1]) : 1);
  }
  return null;
}

/** A valid ISO date string (as stored and as the schema accepts). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && iso(Number(m[1]), Number(m[2]), Number(m[3])) === text;
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2024-03-01" → "March 2024" (monthly series) or "15 March 2024" (other days). */
export function formatSeriesDate(isoDate: string, monthly = true): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const month = MONTH_NAMES[Number(m[2]) - 1]!;
  return monthly && m[3] === "01" ? `${month} ${m[1]}` : `${Number(m[3])} ${month} ${m[1]}`;
}

/** "2024-03-01" → "Mar 2024": compact, for axis ticks and tables. */
export function formatShortSeriesDate(isoDate: string, monthly = true): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const month = MONTH_NAMES[Number(m[2]) - 1]!.slice(0, 3);
  return monthly ? `${month} ${m[1]}` : `${Number(m[3])} ${month} ${m[1]}`;
}

export function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}

export type SeriesInterval = "month" | "week" | "irregular";

/**
 * Monthly when every point is on the 1st or consecutive points are 28–31 days apart, weekly when 7; the
 * median gap decides, so one missing month does not change the reading.
 */
export function detectInterval(isoDates: readonly string[]): SeriesInterval {
  // Monthly series are dated on the 1st (a month alone is read as its first day).
  if (isoDates.length > 0 && isoDates.every((d) => d.endsWith("-01"))) return "month";
  if (isoDates.length < 2) return "irregular";
  const gaps: number[] = [];
  for (let i = 1; i < isoDates.length; i++) gaps.push(dayNumber(isoDates[i]!) - dayNumber(isoDates[i - 1]!));
  gaps.sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)]!;
  if (median >= 28 && median <= 31) return "month";
  if (median === 7) return "week";
  return "irregular";
}

/** Missing steps in a monthly or weekly series ("no value for May 2023"). */
export function findGaps(isoDates: readonly string[], interval: SeriesInterval): string[] {
  const missing: string[] = [];
  if (interval === "irregular") return missing;
  for (let i = 1; i < isoDates.length; i++) {
    const prev = isoDates[i - 1]!;
    const next = isoDates[i]!;
    if (interval === "week") {
      for (let d = dayNumber(prev) + 7; d < dayNumber(next); d += 7) {
        missing.push(new Date(d * 86_400_000).toISOString().slice(0, 10));
      }
    } else {
      let y = Number(prev.slice(0, 4));
      let mo = Number(prev.slice(5, 7));
      const endKey = Number(next.slice(0, 4)) * 12 + Number(next.slice(5, 7));
      for (;;) {
        mo += 1;
        if (mo > 12) {
          mo = 1;
          y += 1;
        }
        if (y * 12 + mo >= endKey) break;
        missing.push(`${y}-${String(mo).padStart(2, "0")}-01`);
      }
    }
  }
  return missing;
}
