import { describe, expect, it } from "vitest";
import { parseSlug, parseUrlNumber } from "./slug";

describe("URL parts", () => {
  it("reads a slug, or nothing", () => {
    expect(parseSlug("integrated-care")).toBe("integrated-care");
    expect(parseSlug("Bad--Slug")).toBeNull();
  });

  it("reads a version or series number written the one way", () => {
    expect(parseUrlNumber("3")).toBe(3);
    expect(parseUrlNumber("120000")).toBe(120000);
    for (const bad of ["0", "03", "3.0", "+3", "-1", "", "1e3", "1234567"]) expect(parseUrlNumber(bad)).toBeNull();
  });
});
