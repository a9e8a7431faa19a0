import { describe, expect, it } from "vitest";
import { tableToCsv } from "./table-csv";

describe("tableToCsv", () => {
  it("quotes what needs quoting and starts with a byte-order mark", () => {
    expect(
      tableToCsv([
        ["Case", "Change"],
        ['Leeds, "north"', "\u221241%"],
        ["Line\nbreak", null],
      ]),
    ).toBe('\uFEFFCase,Change\r\n"Leeds, ""north""",\u221241%\r\n"Line\nbreak",\r\n');
  });

  it("escapes formulae but leaves plain numbers alone", () => {
    expect(tableToCsv([["=HYPERLINK(1)", "-64", 3]])).toBe("\uFEFF'=HYPERLINK(1),-64,3\r\n");
  });
});
