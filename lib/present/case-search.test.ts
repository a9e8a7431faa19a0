import { describe, expect, it } from "vitest";
import { caseSearchHref, parseCaseSearch } from "./case-search";

describe("parseCaseSearch", () => {
  it("reads filters, sort and page from the URL", () => {
    const s = parseCaseSearch({ q: " referrals ", sector: "housing", year: "2024", sort: "title", page: "3" });
    expect(s).toMatchObject({ q: "referrals", sector: "housing", year: 2024, sort: "title", page: 3, approach: null });
  });

  it("drops invalid values instead of failing", () => {
    const s = parseCaseSearch({ sector: "nope", year: "soon", page: "-2", sort: "random", measure: "DROP TABLE" });
    expect(s).toMatchObject({ sector: null, year: null, page: 1, sort: "newest", measure: null });
  });

  it("treats empty form fields as 'any' and ranks by relevance only with search words", () => {
    expect(parseCaseSearch({ q: "", sector: "", sort: "relevance" }).sort).toBe("newest");
    expect(parseCaseSearch({ q: "care" }).sort).toBe("relevance");
  });
});

describe("caseSearchHref", () => {
  it("round-trips a view and leaves defaults out", () => {
    const s = parseCaseSearch({ q: "care", shift: "analogue_to_digital", page: "2" });
    const href = caseSearchHref(s);
    expect(href).toBe("/cases?q=care&shift=analogue_to_digital&page=2");
    const back = parseCaseSearch(Object.fromEntries(new URL(href, "http://x").searchParams));
    expect(back).toEqual(s);
    expect(caseSearchHref(s, { page: 1, q: "" })).toBe("/cases?shift=analogue_to_digital");
  });
});
