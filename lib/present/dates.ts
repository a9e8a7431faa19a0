// Dates as a British reader expects them ("12 March 2026"), fixed to UTC so the
// server and the browser print the same day.
const LONG_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function formatLongDate(iso: string): string {
  return LONG_DATE.format(new Date(iso));
}
