import { describe, expect, it } from "vitest";
import { escapeCell, unescapeCell } from "./formula-escape";

describe("escapeCell", () => {
  it.each([
    ["=", '=HYPERLINK("http://evil","x")'],
    ["+", "+14 pp"],
    ["-", "-64% as reported"],
    ["@", "@SUM(A1:A2)"],
    ["tab", "\t=1+1"],
    ["carriage return", "\r=1+1"],
  ])("prefixes a text cell starting with %s with a single quote", (_, value) => {
    expect(escapeCell(value)).toBe(`'${value}`);
    expect(unescapeCell(escapeCell(value) as string)).toBe(value);
  });

  it("leaves plain numbers alone, as numbers or as text, so falls stay numeric", () => {
    expect(escapeCell(-64)).toBe(-64);
    expect(escapeCell("-64")).toBe("-64");
    expect(escapeCell("-0.5")).toBe("-0.5");
    expect(escapeCell(46.5)).toBe(46.5);
  });

  it("escapes text that only looks numeric at the start", () => {
    expect(escapeCell("-64%")).toBe("'-64%");
    expect(escapeCell("-1+2")).toBe("'-1+2");
    expect(escapeCell("-1e5")).toBe("'-1e5");
  });

  it("leaves ordinary text and empty cells as they are", () => {
    expect(escapeCell("down 64%")).toBe("down 64%");
    expect(escapeCell("a=b")).toBe("a=b");
    expect(escapeCell(" =1")).toBe(" =1");
    expect(escapeCell(null)).toBe("");
    expect(escapeCell("")).toBe("");
  });

  it("unescapes only a quote that the export could have added", () => {
    expect(unescapeCell("'tis")).toBe("'tis");
    expect(unescapeCell("'=x")).toBe("=x");
    expect(unescapeCell("''=x")).toBe("''=x");
  });
});
