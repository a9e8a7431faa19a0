import { describe, expect, it } from "vitest";
import { checkMapping, exactMapping, headerKey, ignoredHeaders, isTemplateHeader, suggestMapping } from "./column-mapping";
import { IMPORT_COLUMNS } from "./columns";
import { formatRowError } from "./row-errors";

// An analyst's own spreadsheet: their names, their order, columns of their own.
const ANALYST_HEADER = [
  "Case ref",
  "Project name",
  "Council",
  "Service area",
  "Source",
  "MSMS",
  "KPI",
  "Units",
  "Better when",
  "Baseline",
  "Latest",
  "RAG",
];
const ANALYST_ROWS = [
  [
    "front-door",
    "Front door",
    "test-org",
    "social_care",
    "Council report 2024",
    "1",
    "Referrals",
    "count",
    "lower is better",
    "120",
    "80",
    "Green",
  ],
  [
    "front-door",
    "Front door",
    "test-org",
    "social_care",
    "Council report 2024",
    "1",
    "Repeat contacts",
    "percent",
    "lower_is_better",
    "31",
    "22",
    "Amber",
  ],
];

describe("suggestMapping", () => {
  it("matches an analyst's own headers by name and by values, and leaves unrelated columns out", () => {
    const suggested = suggestMapping(ANALYST_HEADER, ANALYST_ROWS);
    expect(suggested.map((s) => s.column)).toEqual([
      "case_slug",
      "case_title",
      "organisation_slug",
      "sector",
      "case_source_citation",
      "evidence_level",
      "measure_label",
      "unit",
      "direction",
      "before",
      "after",
      null,
    ]);
  });

  it("recognises a column by its values when its name says nothing", () => {
    const suggested = suggestMapping(
      ["Col A", "Col B"],
      [
        ["percent", "higher_is_better"],
        ["count", "lower_is_better"],
      ],
    );
    expect(suggested).toEqual([
      { column: "unit", reason: "values" },
      { column: "direction", reason: "values" },
    ]);
  });

  it("takes the template's names first and the organisation's remembered choices next, including choices to ignore", () => {
    const remembered = new Map([
      [headerKey("Baseline %"), "before"],
      [headerKey("RAG"), ""],
    ]);
    const suggested = suggestMapping(["case_slug", "Baseline %", "rag", "before"], [], remembered);
    expect(suggested).toEqual([
      { column: "case_slug", reason: "template" },
      // "before" is a template column later in the file: the template's name wins, the memory yields.
      { column: "baseline_period", reason: "name" },
      { column: null, reason: "remembered" },
      { column: "before", reason: "template" },
    ]);
  });

  it("never suggests one field for two columns", () => {
    const suggested = suggestMapping(["Baseline", "Baseline value"], [["1", "2"]]);
    expect(suggested.filter((s) => s.column === "before")).toHaveLength(1);
  });
});

describe("checkMapping and friends", () => {
  it("names the required fields with no column and a field chosen twice", () => {
    const header = ["A", "B", "C"];
    expect(checkMapping(header, ["case_slug", "before", "before"]).map(formatRowError)).toEqual([
      expect.stringMatching(/^row 1: The file is missing 8 required columns: case_title, organisation_slug, sector/),
      "row 1: “B” and “C” are both read as before: choose one column for it.",
    ]);
  });

  it("knows the template's header, and reports the columns a mapping ignores (not the export's own)", () => {
    expect(isTemplateHeader([...IMPORT_COLUMNS, "status", "version"])).toBe(true);
    expect(isTemplateHeader(ANALYST_HEADER)).toBe(false);
    const header = ["case_slug", "RAG", "status", ""];
    expect(ignoredHeaders(header, exactMapping(header))).toEqual(["RAG"]);
  });
});
