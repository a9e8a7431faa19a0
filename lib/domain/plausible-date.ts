// The dates a reform's figures can have (issue 19): not before 1900 (no
// public-service reform this product records is older, and a typo such as
// 1800 or 0202 would otherwise be stored), and at most a few years ahead
// (a planned start, a forecast point), so 9999-12-31 is refused.
// Pure: no framework or database imports; "today" is a parameter for tests.

export const EARLIEST_PLAUSIBLE_DATE = "1900-01-01";
export const YEARS_AHEAD = 5;

/** The last date accepted: today plus YEARS_AHEAD years, as YYYY-MM-DD. */
export function latestPlausibleDate(today: Date = new Date()): string {
  return `${today.getUTCFullYear() + YEARS_AHEAD}-12-31`;
}

/** Why an ISO date is not plausible ("… is before 1900"), or null. `what` starts the sentence: "The intervention date". */
export function checkPlausibleDate(iso: string, what: string, today: Date = new Date()): string | null {
  if (iso < EARLIEST_PLAUSIBLE_DATE) return `${what} (${iso}) is before 1900: check the year`;
  const latest = latestPlausibleDate(today);
  if (iso > latest) return `${what} (${iso}) is more than ${YEARS_AHEAD} years ahead (after ${latest}): check the year`;
  return null;
}
