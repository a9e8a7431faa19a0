// Geometry of the horizontal bar charts (change, before → after, grouped) at
// any width. Pure and deterministic: the server renders at DEFAULT_WIDTH, the
// browser first renders the same (so hydration matches), then again at the
// width of its container. Text is wrapped here, by an estimate of its width,
// rather than by Recharts' <Text>, which measures in the DOM: on the server it
// cannot, so it never wrapped there (labels were clipped without JavaScript)
// and the browser's wrapped labels differed from the server's (a hydration
// mismatch).

export const DEFAULT_WIDTH = 820;
/** Below this the category names move above the bars and the values below them. */
export const NARROW_BELOW = 600;
/** The smallest width a chart is laid out for; a narrower container scrolls. */
export const MIN_WIDTH = 300;
export const LINE_HEIGHT = 15;
/** Recharts' default height of the value axis (ticks) under the plot. */
export const AXIS_HEIGHT = 30;

/**
 * An upper estimate of a string's width in px in the page's sans-serif font:
 * per-character widths of a typical UI font, rounded up, so text laid out
 * with it fits.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) {
    if (/[iljtf.,:;'|!() ]/.test(ch)) units += 0.34;
    else if (/[mwMW%@→]/.test(ch)) units += 0.95;
    else if (/[A-Z0-9−+&#]/.test(ch)) units += 0.68;
    else units += 0.6;
  }
  return units * fontSize;
}

/**
 * Words of `text` in lines no wider than `maxWidth` px; a word longer than a
 * line is broken. At most `maxLines` lines: the last is cut with "…" (the
 * full text is always in the table beside the chart).
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 4): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  const fits = (s: string) => estimateTextWidth(s, fontSize) <= maxWidth;
  for (let word of words) {
    while (!fits(word)) {
      // Break an over-long word after a hyphen if one fits, else where it still fits.
      let cut = word.length - 1;
      while (cut > 1 && !fits(word.slice(0, cut))) cut--;
      const hyphen = word.lastIndexOf("-", cut - 1);
      if (hyphen > 0) cut = hyphen + 1;
      if (line) {
        lines.push(line);
        line = "";
      }
      lines.push(word.slice(0, cut));
      word = word.slice(cut);
    }
    const next = line ? `${line} ${word}` : word;
    if (fits(next)) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    let last = `${kept[maxLines - 1]}…`;
    while (!fits(last) && last.length > 2) last = `${last.slice(0, -2)}…`;
    kept[maxLines - 1] = last;
    return kept;
  }
  return lines.length > 0 ? lines : [""];
}

const clamp = (v: number, low: number, high: number) => Math.min(high, Math.max(low, v));

export interface BarLayout {
  width: number;
  narrow: boolean;
  /** Wide: the category column at the left (0 when narrow). */
  labelWidth: number;
  /** Wide: the value column at the right (0 when narrow). */
  valueColumn: number;
  /** Height of one category's band. */
  rowHeight: number;
  barSize: number;
  /** Each row's name and value text, already wrapped. */
  labels: string[][];
  values: string[][];
  /** Narrow: px from the top of a band to the top of its bar. */
  barOffset: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** The axis title, wrapped to the plot's width. */
  axisTitle: string[];
  height: number;
}

export interface BarLayoutRow {
  label: string;
  /** The value column's lines, e.g. ["−64% (reported)", "improved"]. */
  valueLines: string[];
}

const LABEL_FONT = 13;
const VALUE_FONT = 12;

/** The layout of a chart of `rows`, one bar per row, at `width` px. */
export function layoutBarChart(rows: BarLayoutRow[], requestedWidth: number, axisTitle: string, barSize = 22): BarLayout {
  const width = Math.max(MIN_WIDTH, Math.floor(requestedWidth));
  const narrow = width < NARROW_BELOW;
  if (!narrow) {
    const labelWidth = Math.round(clamp(width * 0.27, 130, 220));
    const valueColumn = Math.round(clamp(width * 0.3, 150, 250));
    const labels = rows.map((r) => wrapText(r.label, labelWidth - 14, LABEL_FONT, 3));
    const values = rows.map((r) => r.valueLines.flatMap((l) => wrapText(l, valueColumn - 16, VALUE_FONT, 2)));
    const lines = Math.max(2, ...labels.map((l) => l.length), ...values.map((v) => v.length));
    const rowHeight = Math.max(48, lines * LINE_HEIGHT + 16);
    const title = wrapText(axisTitle, width - 40, VALUE_FONT, 3);
    const margin = { top: 10, right: valueColumn, bottom: title.length * LINE_HEIGHT + 6, left: 10 };
    return {
      width,
      narrow,
      labelWidth,
      valueColumn,
      rowHeight,
      barSize,
      labels,
      values,
      barOffset: (rowHeight - barSize) / 2,
      margin,
      axisTitle: title,
      height: rows.length * rowHeight + margin.top + margin.bottom + AXIS_HEIGHT,
    };
  }
  const inner = width - 48;
  const labels = rows.map((r) => wrapText(r.label, inner, LABEL_FONT, 3));
  const values = rows.map((r) => wrapText(r.valueLines.join(" · "), inner, VALUE_FONT, 2));
  const above = Math.max(...labels.map((l) => l.length), 1) * LINE_HEIGHT + 6;
  const below = Math.max(...values.map((v) => v.length), 1) * LINE_HEIGHT + 6;
  const half = Math.max(above, below);
  const rowHeight = 2 * half + barSize;
  const title = wrapText(axisTitle, inner, VALUE_FONT, 4);
  // Room at both sides for half a value tick ("−100" centred on the plot's edge).
  const margin = { top: 4, right: 24, bottom: title.length * LINE_HEIGHT + 6, left: 24 };
  return {
    width,
    narrow,
    labelWidth: 0,
    valueColumn: 0,
    rowHeight,
    barSize,
    labels,
    values,
    barOffset: half,
    margin,
    axisTitle: title,
    height: rows.length * rowHeight + margin.top + margin.bottom + AXIS_HEIGHT,
  };
}
