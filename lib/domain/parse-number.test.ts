import { describe, expect, it } from "vitest";
import { checkNumberValue, FIGURE_RULES, parseNumberText, WHOLE_NUMBER_RULES } from "./parse-number";

const value = (text: string, rules = FIGURE_RULES) => {
  const r = parseNumberText(text, rules);
  if (!r.ok) throw new Error(`refused ${text}: ${r.message}`);
  return r.value;
};
const message = (text: string, rules = FIGURE_RULES) => {
  const r = parseNumberText(text, rules);
  if (r.ok) throw new Error(`accepted ${text} as ${r.value}`);
  return r.message;
};

describe("parseNumberText: what it reads", () => {
  it.each([
    ["1240", 1240],
    ["1,240", 1240],
    ["1,240,000", 1_240_000],
    ["1 240", 1240],
    ["1\u00a0240", 1240],
    ["1\u202f240", 1240],
    ["1\u2009240\u2009000", 1_240_000],
    ["1,240.75", 1240.75],
    ["46.5", 46.5],
    [" -64 ", -64],
    ["\u221264", -64],
    ["+3", 3],
    [".5", 0.5],
    ["5.", 5],
    ["0", 0],
    ["-0", 0],
    ["1.500000000", 1.5],
    ["0.000001", 0.000001],
    ["99999999999999", 99_999_999_999_999],
  ])("%s → %s", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it("reads blank as no figure", () => {
    expect(value("")).toBeNull();
    expect(value("   ")).toBeNull();
  });

  it("strips a percent or currency sign only when asked", () => {
    expect(value("62%", { ...FIGURE_RULES, percentSign: true })).toBe(62);
    expect(value("-£700", { ...FIGURE_RULES, currencySign: true })).toBe(-700);
    expect(message("62%")).toMatch(/not a number/);
  });
});

describe("parseNumberText: what it refuses, naming the ambiguity", () => {
  it("12,5 is not 125", () => {
    expect(message("12,5")).toMatch(/ambiguous.*thousands separator.*12\.5/);
    expect(message("12,50")).toMatch(/ambiguous/);
    expect(message("1,2345")).toMatch(/ambiguous/);
  });

  it("1.000,5 is not 1.0005", () => {
    expect(message("1.000,5")).toMatch(/full stop for thousands and a comma for decimals: write it as 1000\.5/);
    expect(message("1 000,5")).toMatch(/space for thousands and a comma for decimals: write it as 1000\.5/);
    expect(message("1.000.000")).toMatch(/more than one full stop/);
  });

  it("1,2,3 is not 123", () => {
    expect(message("1,2,3")).toMatch(/ambiguous.*groups of three/);
    expect(message("12,34,567")).toMatch(/ambiguous/);
    expect(message("1 2 3")).toMatch(/ambiguous/);
  });

  it("0x10 is not 16", () => {
    expect(message("0x10")).toMatch(/hexadecimal/);
    expect(message("-0X1f")).toMatch(/hexadecimal/);
    expect(message("0b101")).toMatch(/hexadecimal, octal or binary/);
  });

  it("1e5 is refused everywhere, with the figure written out", () => {
    expect(message("1e5")).toMatch(/scientific notation.*\(100000\)/);
    expect(message("1.23E+11")).toMatch(/scientific notation/);
    expect(message("1e5", WHOLE_NUMBER_RULES)).toMatch(/scientific notation/);
  });

  it("a figure that would round to another is refused, never stored as zero", () => {
    expect(message("0.0000000000000000001")).toMatch(/more decimal places than are stored \(6\): it would be saved as 0/);
    expect(message("1.2345678")).toMatch(/saved as 1\.234568/);
    expect(message("95.55", { decimals: 1, maxAbs: 1000 })).toMatch(/\(1\)/);
    expect(message("12345678901234.56")).toMatch(/significant digits/);
    expect(message("100000000000000")).toMatch(/too large/);
  });

  it("words, units and stray characters are not numbers", () => {
    for (const text of ["about 40", "40%", "£700", "NaN", "Infinity", "-", ".", "1..2", "1,", ",5", "4O", "1_000"]) {
      expect(parseNumberText(text).ok, text).toBe(false);
    }
  });

  it("whole numbers: thousands allowed, decimals refused", () => {
    expect(value("1,240", WHOLE_NUMBER_RULES)).toBe(1240);
    expect(value("12.0", WHOLE_NUMBER_RULES)).toBe(12);
    expect(message("12.5", WHOLE_NUMBER_RULES)).toMatch(/not a whole number/);
    expect(message("0x10", WHOLE_NUMBER_RULES)).toMatch(/hexadecimal/);
    expect(message("3000000000", WHOLE_NUMBER_RULES)).toMatch(/too large/);
  });
});

describe("checkNumberValue (numbers that arrive as numbers)", () => {
  it("keeps what the column stores and refuses what it would round", () => {
    expect(checkNumberValue(0.1)).toEqual({ ok: true, value: 0.1 });
    expect(checkNumberValue(1e-19).ok).toBe(false);
    expect(checkNumberValue(1e14).ok).toBe(false);
    expect(checkNumberValue(Number.NaN).ok).toBe(false);
    expect(checkNumberValue(2.5, WHOLE_NUMBER_RULES).ok).toBe(false);
  });
});
