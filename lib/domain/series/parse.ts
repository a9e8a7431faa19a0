// Pasted or uploaded series → validated observations. Two columns (date,
// value), optionally a third (a note on that point), copied from a
// spreadsheet (tab-separated) or a CSV file (comma, semicolon or bar). Every
// problem names its line, so the analyst can fix the source and paste again.
// Pure: no framework or database imports (papaparse is a plain parser).
import Papa from "papaparse";
import { FIGURE_RULES, parseNumberText, type ParsedNumber } from "../parse-number";
import { checkPlausibleDate } from "../plausible-date";
import { formatSeriesDate } from "./dates";
import { checkFrequency, dateFormatHint, detectFrequency, formatPeriod, parseDateForFrequency, type SeriesFrequency } from "./frequency";

/**
 * A measure's unit, by the database enum's names ("count", "percent", "weeks" …).
 * Open on purpose: the enum grows (weeks, months), and nothing in series or
 * SPC may depend on the list; units with a rule of their own are named below.
 */
export type SeriesUnit = string;

/** Units whose values cannot be negative (counts, durations, rates); any other unit accepts a sign. */
const NON_NEGATIVE_UNITS = new Set(["count", "hours", "days", "weeks", "months", "rate"]);

export const SERIES_MAX_POINTS = 1000;
export const ANNOTATION_MAX = 200;

export interface SeriesPoint {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  value: number;
  annotation: string | null;
}

export interface SeriesIssue {
  /** 1-based line (or row) the problem is on; null for the series as a whole. */
  line: number | null;
  message: string;
}

export interface RawSeriesRow {
  line: number;
  date: string;
  value: string;
  annotation?: string | null;
}

export interface ParsedSeries {
  /** Valid points in date order (only meaningful when `errors` is empty). */
  points: SeriesPoint[];
  errors: SeriesIssue[];
  /** Things worth knowing that do not stop a save: gaps, reordering, fractions for a percentage. */
  warnings: string[];
  /** The frequency the dates were read and checked with: the one given, else the one the dates look like. */
  frequency: SeriesFrequency;
}

/** Why a value does not fit the measure's unit, or null when it does. Mirrors the measure rules (percent 0–100). */
export function checkValueForUnit(value: number, unit: SeriesUnit): string | null {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e14) return "is not a number that can be stored";
  if (unit === "percent" && (value < 0 || value > 100)) return "is a percentage, so it must be between 0 and 100";
  if (NON_NEGATIVE_UNITS.has(unit) && value < 0) {
    return `cannot be negative for a measure in ${unit === "rate" ? "a rate" : unit}`;
  }
  return null;
}

/**
 * A value as typed: "1,240", "46.5", "−3", "62%" (percent measures), "£700"
 * (money), read by the one number parser (lib/domain/parse-number.ts), which
 * refuses ambiguous figures ("12,5", "1.000,5") with a message.
 */
export function readSeriesValue(text: string, unit: SeriesUnit): ParsedNumber {
  return parseNumberText(text, { ...FIGURE_RULES, percentSign: unit === "percent", currencySign: unit === "money" });
}

/** readSeriesValue's number, or null for blank or anything it refuses. */
export function parseSeriesValue(text: string, unit: SeriesUnit): number | null {
  const r = readSeriesValue(text, unit);
  return r.ok ? r.value : null;
}

/**
 * Validates rows (from a paste, a file or the one-by-one editor) into a
 * series. With a frequency, dates are read and checked for it (one point per
 * period, on the grid the first point sets); without one (older callers) the
 * dates are read in the common forms and the frequency is what they look like.
 */
export function parseSeriesRows(rows: readonly RawSeriesRow[], unit: SeriesUnit, frequency?: SeriesFrequency | null): ParsedSeries {
  const chosen = frequency ?? null;
  const errors: SeriesIssue[] = [];
  const warnings: string[] = [];
  const seen = new Map<string, number>();
  const points: SeriesPoint[] = [];
  const lineOf = new Map<string, number>();
  const name = (iso: string) => (chosen ? formatPeriod(iso, chosen, { long: true }) : formatSeriesDate(iso));
  for (const row of rows) {
    const dateText = row.date.trim();
    const valueText = row.value.trim();
    const annotation = row.annotation?.trim() ? row.annotation.trim() : null;
    if (!dateText && !valueText && !annotation) continue;
    const where = `Line ${row.line}`;
    const date = parseDateForFrequency(dateText, chosen);
    if (!dateText) errors.push({ line: row.line, message: `${where}: the date is missing.` });
    else if (!date) {
      const other = (["yearly", "quarterly"] as const).find((f) => f !== chosen && parseDateForFrequency(dateText, f) !== null);
      const switchHint = other
        ? ` If the series is ${other}, choose “${other === "yearly" ? "Yearly" : "Quarterly"}” as its frequency.`
        : "";
      errors.push({
        line: row.line,
        message: `${where}: “${dateText}” is not a date we can read. ${dateFormatHint(chosen)}.${switchHint}`,
      });
    }
    const implausible = date ? checkPlausibleDate(date, "the date") : null;
    if (implausible) errors.push({ line: row.line, message: `${where}: ${implausible}.` });
    const read = readSeriesValue(valueText, unit);
    const value = read.ok ? read.value : null;
    if (!valueText) errors.push({ line: row.line, message: `${where}: the value is missing.` });
    else if (!read.ok) {
      errors.push({ line: row.line, message: `${where}: ${read.message}.` });
    } else if (value !== null) {
      const misfit = checkValueForUnit(value, unit);
      if (misfit) errors.push({ line: row.line, message: `${where}: ${valueText} ${misfit}.` });
    }
    if (annotation && annotation.length > ANNOTATION_MAX) {
      errors.push({ line: row.line, message: `${where}: the note is longer than ${ANNOTATION_MAX} characters.` });
    }
    if (date) {
      const first = seen.get(date);
      if (first !== undefined) {
        errors.push({
          line: row.line,
          message: `${where}: ${name(date)} appears twice (also on line ${first}); keep one value per date.`,
        });
      } else {
        seen.set(date, row.line);
      }
    }
    if (date && value !== null && !errors.some((e) => e.line === row.line)) {
      points.push({ date, value, annotation });
      lineOf.set(date, row.line);
    }
  }
  if (seen.size > SERIES_MAX_POINTS) {
    errors.push({ line: null, message: `The series has ${seen.size} points; at most ${SERIES_MAX_POINTS} can be stored per measure.` });
  }
  const inOrder = points.every((p, i) => i === 0 || points[i - 1]!.date < p.date);
  if (!inOrder) {
    points.sort((a, b) => (a.date < b.date ? -1 : 1));
    warnings.push("The dates were not in order; the points have been put in date order.");
  }
  const dates = points.map((p) => p.date);
  const detected = detectFrequency(dates);
  const effective = chosen ?? detected;
  const check = checkFrequency(dates, effective);
  if (chosen) {
    for (const e of check.errors) {
      const line = lineOf.get(dates[e.index]!) ?? null;
      errors.push({ line, message: line === null ? e.message : `Line ${line}: ${e.message}` });
    }
    warnings.push(...check.warnings);
    if (chosen !== detected && points.length >= 3 && check.errors.length === 0) {
      warnings.push(
        detected === "irregular"
          ? `The dates are not evenly spaced: if they are irregular, choose “Irregular dates” (charted as a run chart).`
          : `The dates look ${detected}: if so, choose “${detected[0]!.toUpperCase()}${detected.slice(1)}” as the series' frequency.`,
      );
    }
  }
  if (check.missing.length > 0) {
    const shown = check.missing
      .slice(0, 3)
      .map((d) => formatPeriod(d, effective, { long: true }))
      .join(", ");
    warnings.push(
      `No value for ${shown}${check.missing.length > 3 ? ` and ${check.missing.length - 3} more` : ""}: SPC charts read evenly spaced points, so a gap shortens the runs the rules look for.`,
    );
  }
  if (unit === "percent" && points.length > 1 && points.every((p) => p.value <= 1)) {
    warnings.push("Every value is 1 or less: if these are fractions (0.62), enter them as percentages (62).");
  }
  return { points, errors, warnings, frequency: effective };
}

function looksLikeHeader(cells: string[], unit: SeriesUnit, frequency: SeriesFrequency | null): boolean {
  return parseDateForFrequency(cells[0] ?? "", frequency) === null && parseSeriesValue(cells[1] ?? "", unit) === null;
}

/** "Mar 2024 45" or "2024-03-01 45": a row pasted with spaces instead of tabs. */
function splitOnSpaces(cell: string): string[] {
  const m = /^(.*\S)\s+(\S+)$/.exec(cell.trim());
  return m ? [m[1]!, m[2]!] : [cell];
}

/** Text pasted from a spreadsheet, or the contents of a CSV file, → a validated series. */
export function parseSeriesText(text: string, unit: SeriesUnit, frequency?: SeriesFrequency | null): ParsedSeries {
  const clean = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (!clean.trim())
    return {
      points: [],
      errors: [{ line: null, message: "Paste two columns: the date, then the value." }],
      warnings: [],
      frequency: frequency ?? "irregular",
    };
  const parsed = Papa.parse<string[]>(clean, { newline: "\n", skipEmptyLines: false, delimitersToGuess: ["\t", ",", ";", "|"] });
  const rows: RawSeriesRow[] = [];
  let headerChecked = false;
  parsed.data.forEach((cells, i) => {
    const line = i + 1;
    let c = cells.map((x) => x ?? "");
    if (c.every((x) => x.trim() === "")) return;
    if (c.length === 1) c = splitOnSpaces(c[0]!);
    if (!headerChecked) {
      headerChecked = true;
      if (looksLikeHeader(c, unit, frequency ?? null)) return;
    }
    rows.push({ line, date: c[0] ?? "", value: c[1] ?? "", annotation: c.slice(2).join(", ").trim() || null });
  });
  return parseSeriesRows(rows, unit, frequency);
}
