import { describe, expect, it } from "vitest";
import { formatSeriesDate, parseSeriesDate } from "./dates";

describe("parseSeriesDate", () => {
  it.each([
    ["2024-03-15", "2024-03-15"],
    ["2024/3/5", "2024-03-05"],
    ["2024-03", "2024-03-01"],
    ["15/3/2024", "2024-03-15"],
    ["01/03/2024", "2024-03-01"],
    ["1.3.2024", "2024-03-01"],
    ["1-3-2024", "2024-03-01"],
    ["Mar 2024", "2024-03-01"],
    ["march 2024", "2024-03-01"],
    ["Sept 2023", "2023-09-01"],
    ["Mar-2024", "2024-03-01"],
    ["15 Mar 2024", "2024-03-15"],
    ["2024-03-01T00:00:00Z", "2024-03-01"],
    ["  2024-03-01 ", "2024-03-01"],
  ])("%s → %s", (text, iso) => {
    expect(parseSeriesDate(text)).toBe(iso);
  });

  it.each(["31/02/2024", "2024-13", "13/13/2024", "Mar 24", "3/15/24", "Smarch 2024", "", "45", "2024"])("refuses %j", (text) => {
    expect(parseSeriesDate(text)).toBeNull();
  });

  it("reads d/m/yyyy day first (British), so 3/4/2024 is 3 April", () => {
    expect(parseSeriesDate("3/4/2024")).toBe("2024-04-03");
  });
});

describe("formatSeriesDate", () => {
  it("formats monthly dates as month and year", () => {
    expect(formatSeriesDate("2024-03-01")).toBe("March 2024");
    expect(formatSeriesDate("2024-03-15")).toBe("15 March 2024");
  });
});
