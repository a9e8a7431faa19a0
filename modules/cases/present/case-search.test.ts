import { describe, expect, it } from "vitest";
import { caseSearchHref, decodeCaseView, encodeCaseView, parseCaseSearch } from "./case-search";

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

describe("encodeCaseView / decodeCaseView", () => {
  it("gives two spellings of one view the same segment, and reads it back", () => {
    const a = encodeCaseView(parseCaseSearch({ sort: "title", sector: "health", page: "1", approach: "" }));
    const b = encodeCaseView(parseCaseSearch({ sector: ["health", "housing"], sort: "title" }));
    expect(a).toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCaseView(a!)).toEqual(parseCaseSearch({ sector: "health", sort: "title" }));
  });

  it("keeps search words of any script intact", () => {
    const search = parseCaseSearch({ q: "café & “front door” 50%", year: "2023" });
    expect(decodeCaseView(encodeCaseView(search)!)).toEqual(search);
  });

  it("has no segment for a view too long to be one, so /cases serves it uncached", () => {
    const long = parseCaseSearch({ q: "ж".repeat(200), sector: "health" });
    expect(long.q).toHaveLength(200);
    expect(encodeCaseView(long)).toBeNull();
    expect(encodeCaseView(parseCaseSearch({ q: "a".repeat(200), sector: "health", sort: "title" }))).not.toBeNull();
  });

  it("calls the unfiltered first page 'all'", () => {
    expect(encodeCaseView(parseCaseSearch({ page: "1", sort: "newest" }))).toBe("all");
    expect(decodeCaseView("all")).toEqual(parseCaseSearch({}));
  });

  it("refuses segments that are not a canonical view", () => {
    expect(decodeCaseView("not base64!")).toBeNull();
    expect(decodeCaseView(Buffer.from("page=1").toString("base64url"))).toBeNull();
    expect(decodeCaseView(Buffer.from("sort=title&sector=health").toString("base64url"))).toBeNull();
    expect(decodeCaseView(Buffer.from("sector=health&sort=title").toString("base64url"))).not.toBeNull();
  });
});

describe("control characters in the search words (issue 19)", () => {
  it("drops them, so ?q=%00 searches instead of failing", () => {
    expect(parseCaseSearch({ q: "\u0000" }).q).toBe("");
    expect(parseCaseSearch({ q: "fail\u0000ure demand\u0007" }).q).toBe("failure demand");
  });
});
