// One reading of a number typed by a person or found in a CSV cell, used by
// the measure editor, the series editor and the import (issue 19). It reads
// only what it can read without guessing: "1,240" and "1 240" are thousands
// (a comma or a space between groups of three), the full stop is the decimal
// point. "12,5", "1.000,5" and "1,2,3" could mean two different figures, so
// they are refused with a message that names the ambiguity; so are hex and
// scientific notation (a spreadsheet writes "1.23E+11" for a figure it has
// rounded). A figure that would not be stored exactly — more decimals than
// the column keeps, more digits than a double holds — is refused too, so
// "0.0000000000000000001" never becomes a zero baseline.
// Pure: no framework or database imports.

export interface NumberRules {
  /** Decimal places the column keeps: 6 for NUMERIC(20,6), 1 for the confidence level. */
  decimals: number;
  /** Exclusive bound on the absolute value: 1e14 for NUMERIC(20,6). */
  maxAbs: number;
  /** A whole number (sample sizes). */
  integer?: boolean;
  /** Strip one trailing "%" (percent series). */
  percentSign?: boolean;
  /** Strip one leading "£", "$" or "€" (money series). */
  currencySign?: boolean;
}

/** Measure figures, series values and targets: the database's NUMERIC(20, 6). */
export const FIGURE_RULES: NumberRules = { decimals: 6, maxAbs: 1e14 };

/** Sample sizes: PostgreSQL's integer. */
export const WHOLE_NUMBER_RULES: NumberRules = { decimals: 0, maxAbs: 2_147_483_648, integer: true };

export type ParsedNumber = { ok: true; value: number | null } | { ok: false; message: string };

/** Regular, non-breaking, narrow non-breaking and thin spaces, as spreadsheets and word processors group thousands. */
const SPACES = /[\u0020\u00a0\u2007\u2009\u202f]/;
const SPACES_G = /[\u0020\u00a0\u2007\u2009\u202f]/g;

/** Significant digits an IEEE double keeps exactly in every case. */
const MAX_SIGNIFICANT = 15;

const fail = (message: string): ParsedNumber => ({ ok: false, message });

function quoted(text: string): string {
  return `“${text}”`;
}

/** Digits with one grouping character between groups of three: "1,240,000" or "1 240 000". */
function ungroup(intPart: string, separator: "," | " "): string | null {
  const groups = intPart.split(separator);
  if (groups.length < 2) return null;
  if (!/^\d{1,3}$/.test(groups[0]!)) return null;
  if (!groups.slice(1).every((g) => /^\d{3}$/.test(g))) return null;
  return groups.join("");
}

/**
 * Reads a number. Blank is null (no figure). Returns a message for anything
 * that is not one figure read without guessing, or that would not be stored
 * as typed.
 */
export function parseNumberText(input: string, rules: NumberRules = FIGURE_RULES): ParsedNumber {
  const original = input.trim().replace(SPACES_G, " ").trim();
  if (original === "") return { ok: true, value: null };
  let t = original.replace(/^[\u2212\u2013]/, "-");
  if (rules.percentSign) t = t.replace(/\s*%$/, "");
  if (rules.currencySign) t = t.replace(/^([+-]?)\s*[£$€]\s*/, "$1");
  let sign = "";
  const signMatch = /^([+-])\s*/.exec(t);
  if (signMatch) {
    sign = signMatch[1] === "-" ? "-" : "";
    t = t.slice(signMatch[0].length);
  }
  const q = quoted(original);

  if (/^0[xob]/i.test(t)) {
    return fail(`${q} looks like a hexadecimal, octal or binary number: write the figure in ordinary decimal digits`);
  }
  if (/^(\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(t)) {
    const full = Number(t);
    const hint = Number.isFinite(full) && Math.abs(full) < rules.maxAbs ? ` (${formatPlain(full)})` : "";
    return fail(
      `${q} is in scientific notation: write the figure out in full${hint}. A spreadsheet that shows E+ may have rounded the figure`,
    );
  }

  // Split off the decimal part: the full stop is the only decimal point.
  const dots = (t.match(/\./g) ?? []).length;
  const commas = (t.match(/,/g) ?? []).length;
  const hasSpace = SPACES.test(t);
  if (dots > 1) {
    return fail(
      `${q} has more than one full stop: if the full stops group thousands (as in 1.000.000), write the figure without them (1000000); the full stop is read as the decimal point`,
    );
  }
  if (dots === 1 && commas > 0 && t.lastIndexOf(",") > t.indexOf(".")) {
    return fail(
      `${q} uses a full stop for thousands and a comma for decimals: write it as ${suggestContinental(t, sign)} (the full stop is the decimal point; a comma only groups thousands)`,
    );
  }
  const [intRaw, fracRaw] = dots === 1 ? [t.slice(0, t.indexOf(".")), t.slice(t.indexOf(".") + 1)] : [t, ""];
  if (fracRaw !== "" && !/^\d+$/.test(fracRaw)) return notANumber(q, rules);

  let intDigits = intRaw;
  if (commas > 0 && hasSpace) {
    if (commas === 1 && dots === 0 && /,\d{1,2}$|,\d{4,}$/.test(intRaw)) {
      return fail(
        `${q} uses a space for thousands and a comma for decimals: write it as ${sign}${intRaw.replace(SPACES_G, "").replace(",", ".")} (the full stop is the decimal point)`,
      );
    }
    return notANumber(q, rules);
  }
  if (commas > 0) {
    const joined = ungroup(intRaw, ",");
    if (joined === null) {
      if (commas === 1 && dots === 0 && /^\d+,\d+$/.test(intRaw)) {
        const [a, b] = intRaw.split(",");
        return fail(
          `${q} is ambiguous: a comma is read only as a thousands separator between groups of three digits (1,240). If you mean ${a}.${b}, write it with a full stop`,
        );
      }
      if (/^[\d,]+$/.test(intRaw)) {
        return fail(
          `${q} is ambiguous: its commas do not separate groups of three digits, so it could be a list or a mistyped figure. Write one figure, like 1240 or 1,240`,
        );
      }
      return notANumber(q, rules);
    }
    intDigits = joined;
  } else if (hasSpace) {
    const joined = ungroup(intRaw, " ");
    if (joined === null) {
      if (/^[\d ]+$/.test(intRaw)) {
        return fail(
          `${q} is ambiguous: a space is read only as a thousands separator between groups of three digits (1 240). Enter one figure per field`,
        );
      }
      return notANumber(q, rules);
    }
    intDigits = joined;
  }
  if (!/^\d*$/.test(intDigits) || (intDigits === "" && fracRaw === "")) return notANumber(q, rules);

  const fracDigits = fracRaw.replace(/0+$/, "");
  if (rules.integer && fracDigits !== "") return fail(`${q} is not a whole number: enter a whole number, like 90`);
  if (fracDigits.length > rules.decimals) {
    const rounded = Number(`${sign}${intDigits || "0"}.${fracRaw}`).toFixed(rules.decimals);
    return fail(
      `${q} has more decimal places than are stored (${rules.decimals}): it would be saved as ${formatPlain(Number(rounded))}. Round it as the source does, or check the figure`,
    );
  }
  const digits = `${intDigits.replace(/^0+/, "")}${fracDigits}`.replace(/^0+/, "");
  if (digits.length > MAX_SIGNIFICANT) {
    return fail(`${q} has more than ${MAX_SIGNIFICANT} significant digits, more than can be stored exactly: check the figure`);
  }
  const value = Number(`${sign}${intDigits || "0"}${fracDigits ? `.${fracDigits}` : ""}`);
  if (!Number.isFinite(value) || Math.abs(value) >= rules.maxAbs) {
    return fail(`${q} is too large to store: check the figure`);
  }
  return { ok: true, value: value === 0 ? 0 : value };
}

/** A number that arrived as a number (an API's JSON, a test): the same bounds and precision. */
export function checkNumberValue(value: number, rules: NumberRules = FIGURE_RULES): ParsedNumber {
  if (!Number.isFinite(value)) return fail("Enter a number that is not too large");
  if (Math.abs(value) >= rules.maxAbs) return fail(`${formatPlain(value)} is too large to store: check the figure`);
  if (rules.integer && !Number.isInteger(value)) return fail(`${value} is not a whole number: enter a whole number, like 90`);
  if (Number(value.toFixed(rules.decimals)) !== value) {
    return fail(
      `${value} has more decimal places than are stored (${rules.decimals}): it would be saved as ${formatPlain(Number(value.toFixed(rules.decimals)))}. Round it as the source does`,
    );
  }
  return { ok: true, value };
}

function notANumber(q: string, rules: NumberRules): ParsedNumber {
  return fail(
    rules.integer
      ? `${q} is not a whole number: enter digits only, like 90 or 1,240`
      : `${q} is not a number: enter digits with a full stop for decimals, like 1240 or 46.5 (put words such as “over” or “£” in the qualifier and wording)`,
  );
}

/** "1.000,5" → "1000.5" for the message. */
function suggestContinental(t: string, sign: string): string {
  return `${sign}${t.replace(/\./g, "").replace(",", ".")}`;
}

/** A figure without exponent or grouping: 100000, 0.000001. */
export function formatPlain(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString("en-GB", { useGrouping: false, maximumFractionDigits: 0 });
  return n.toLocaleString("en-GB", { useGrouping: false, maximumFractionDigits: 20 });
}
