import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { diffCaseContent, type DiffableCase } from "@/lib/domain/case-diff";
import { measureInputSchema } from "@/lib/schemas/measure";
import { EXPORT_COLUMNS } from "./columns";
import { caseToJson, caseToRows, casesToCsv, type ExportCase } from "./export-rows";
import { mapRecordsToCases } from "./map-rows";
import { parseCsvText } from "./parse-csv";

const content: ExportCase["content"] = {
  slug: "integrated-care",
  title: "=Integrated care",
  summary: "Line one.\n\nLine two, with “quotes” and a comma.",
  sector: "health",
  approachKey: null,
  reformShifts: ["hospital_to_community", "analogue_to_digital"],
  interventionDate: "2023-04-01",
  baselinePeriod: null,
  followUpPeriod: "2024",
  sourceCitation: "@council report",
  sourceUrl: null,
  evidenceLevel: 1,
  reportingOrganisation: "The Health Foundation",
  country: null,
  measures: [
    measureInputSchema.parse({
      label: "Number of assessments",
      unit: "count",
      direction: "lower_is_better",
      reportedChange: -64,
      reportedChangeQualifier: "about",
      reportedChangeWording: "-64%",
      sampleSize: 1200,
      notes: "+ more detail",
    }),
    // Every evidence field, so the round trip covers them.
    measureInputSchema.parse({
      label: "Emergency admissions",
      unit: "count",
      direction: "lower_is_better",
      design: "comparison_group",
      comparisonKind: "matched_control",
      comparisonDescription: "Matched residents of other care homes",
      after: 88,
      afterWords: "under ninety",
      comparisonAfter: 100,
      reportedChange: -12,
      ciLower: -19,
      ciUpper: -5,
      ciLevel: 90,
      pValue: 0.004,
      comparisonSampleSize: 480,
      modelled: true,
      quote: "Emergency admissions were 12% lower (95% CI 5–19%).",
      evidenceLevel: 4,
      evidenceLevelReason: "Strong matching on prior use",
      notes: "Published note",
      notesPublic: true,
    }),
    measureInputSchema.parse({
      label: "Readmissions",
      unit: "count",
      direction: "lower_is_better",
      findingDirection: "no_clear_difference",
      quote: "There was no significant difference in readmissions.",
    }),
  ],
};

const exported: ExportCase = {
  organisationSlug: "test-org",
  status: "published",
  version: 2,
  publishedAt: "2024-05-01T10:00:00.000Z",
  content,
};

describe("export", () => {
  it("writes one row per measure in the import's column order plus status, version and published_at", () => {
    const rows = caseToRows(exported);
    expect(rows).toHaveLength(3);
    expect(Object.keys(rows[0]!).sort()).toEqual([...EXPORT_COLUMNS].sort());
    expect(rows[0]).toMatchObject({
      case_slug: "integrated-care",
      organisation_slug: "test-org",
      reform_shifts: "hospital_to_community;analogue_to_digital",
      reported_change: -64,
      status: "published",
      version: 2,
    });
    expect(rows[1]).toMatchObject({
      design: "comparison_group",
      comparison_kind: "matched_control",
      ci_lower: -19,
      ci_upper: -5,
      ci_level: 90,
      modelled: "yes",
      notes_public: "yes",
      measure_evidence_level: 4,
    });
    expect(rows[2]).toMatchObject({ finding_direction: "no_clear_difference", before: null, after: null, reported_change: null });
  });

  it("gives a case with no measures one row, so it survives a round trip", () => {
    const rows = caseToRows({ ...exported, content: { ...content, measures: [] } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.measure_label).toBeNull();
  });

  it("escapes formula text in the CSV but leaves negative numbers numeric", () => {
    const csv = casesToCsv([exported]);
    expect(csv.startsWith("\uFEFF" + EXPORT_COLUMNS.join(","))).toBe(true);
    const [, row] = Papa.parse<string[]>(csv.slice(1), { delimiter: "," }).data;
    const cellOf = (name: string) => row![EXPORT_COLUMNS.indexOf(name as (typeof EXPORT_COLUMNS)[number])];
    expect(cellOf("case_title")).toBe("'=Integrated care");
    expect(cellOf("case_source_citation")).toBe("'@council report");
    expect(cellOf("reported_change_wording")).toBe("'-64%");
    expect(cellOf("notes")).toBe("'+ more detail");
    expect(cellOf("reported_change")).toBe("-64");
  });

  it("re-imports to exactly the content it exported", () => {
    const parsed = parseCsvText(casesToCsv([exported]));
    expect(parsed.errors).toEqual([]);
    const { cases, errors } = mapRecordsToCases(parsed.records);
    expect(errors).toEqual([]);
    const back = { ...cases[0]!.fields!, measures: cases[0]!.measures.map((m) => m.input) };
    expect(diffCaseContent(content as unknown as DiffableCase, back as unknown as DiffableCase)).toEqual([]);
  });

  it("writes JSON with the same names and exact values, nothing escaped", () => {
    const json = caseToJson(exported);
    expect(json).toMatchObject({
      case_slug: "integrated-care",
      case_title: "=Integrated care",
      reform_shifts: ["hospital_to_community", "analogue_to_digital"],
      version: 2,
    });
    expect(json.measures).toEqual([
      expect.objectContaining({
        measure_label: "Number of assessments",
        reported_change: -64,
        reported_change_wording: "-64%",
        before: null,
      }),
      expect.objectContaining({
        measure_label: "Emergency admissions",
        ci_lower: -19,
        modelled: true,
        quote: expect.stringContaining("12% lower"),
      }),
      expect.objectContaining({ measure_label: "Readmissions", finding_direction: "no_clear_difference" }),
    ]);
  });
});
