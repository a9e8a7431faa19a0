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

export function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}
