import { describe, expect, it } from "vitest";
import { checkPlausibleDate, latestPlausibleDate } from "./plausible-date";

const today = new Date("2026-12-04T12:00:00Z");

describe("plausible dates", () => {
  it("accepts dates from 1900 to a few years ahead", () => {
    expect(checkPlausibleDate("1900-01-01", "The date", today)).toBeNull();
    expect(checkPlausibleDate("2024-03-01", "The date", today)).toBeNull();
    expect(checkPlausibleDate("2031-12-31", "The date", today)).toBeNull();
    expect(latestPlausibleDate(today)).toBe("2031-12-31");
  });

  it("refuses 1800-01-01 and 9999-12-31 with a message", () => {
    expect(checkPlausibleDate("1800-01-01", "The intervention date", today)).toBe(
      "The intervention date (1800-01-01) is before 1900: check the year",
    );
    expect(checkPlausibleDate("9999-12-31", "The intervention date", today)).toMatch(/more than 5 years ahead \(after 2031-12-31\)/);
    expect(checkPlausibleDate("2032-01-01", "The date", today)).not.toBeNull();
  });
});
