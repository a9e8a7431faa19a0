import { describe, expect, it } from "vitest";
import { MAX_MEASURES } from "@/lib/schemas/case";
import { mapRecordsToCases } from "./map-rows";
import { parseCsvText } from "./parse-csv";
import { formatRowError } from "./row-errors";
import { CASE_VALUES, measureRow, reportedOnlyRow, toCsvText, type RowValues } from "./test-rows";

function mapRows(rows: RowValues[]) {
  const parsed = parseCsvText(toCsvText(rows));
  expect(parsed.errors).toEqual([]);
  return mapRecordsToCases(parsed.records);
}

const errorsOf = (rows: RowValues[]) => mapRows(rows).errors.map(formatRowError);

describe("mapRecordsToCases", () => {
  it("groups rows by slug into a case with its measures, keeping reported-only figures as reported", () => {
    const { cases, errors, rowCount } = mapRows([
      measureRow(),
      reportedOnlyRow(),
      measureRow({ case_slug: "second-case", measure_label: "Referrals", unit: "count", before: "1,240", after: "800" }),
    ]);
    expect(errors).toEqual([]);
    expect(rowCount).toBe(3);
    expect(cases.map((c) => [c.slug, c.rows, c.measures.length, c.hasErrors])).toEqual([
      ["integrated-care", [2, 3], 2, false],
      ["second-case", [4], 1, false],
    ]);
    const first = cases[0]!;
    expect(first.organisationSlug).toBe("test-org");
    expect(first.fields).toMatchObject({
      slug: "integrated-care",
      title: "Integrated health & social care",
      sector: "health_and_social_care",
      approachKey: null,
      reformShifts: ["hospital_to_community", "sickness_to_prevention"],
      interventionDate: "2023-04-01",
      evidenceLevel: 1,
    });
    expect(first.measures[0]!.input).toMatchObject({
      unit: "percent",
      before: 46,
      after: 60,
      reportedChange: null,
      beforeQualifier: "exact",
    });
    expect(first.measures[1]!.input).toMatchObject({
      before: null,
      after: null,
      reportedChange: -64,
      reportedChangeBasis: "percent",
      reportedChangeWording: "down 64%",
    });
    expect(cases[1]!.measures[0]!.input).toMatchObject({ before: 1240, after: 800 });
  });

  it("accepts option values in everyday spelling", () => {
    const { cases, errors } = mapRows([
      measureRow({
        sector: "Health and social care",
        direction: "Higher is better",
        before_qualifier: "At least",
        reform_shifts: " Hospital to community ; analogue-to-digital ",
      }),
    ]);
    expect(errors).toEqual([]);
    expect(cases[0]!.fields!.sector).toBe("health_and_social_care");
    expect(cases[0]!.fields!.reformShifts).toEqual(["hospital_to_community", "analogue_to_digital"]);
    expect(cases[0]!.measures[0]!.input).toMatchObject({ direction: "higher_is_better", beforeQualifier: "at_least" });
  });

  it("keeps a case whose rows have no measure columns filled as a case with no measures", () => {
    const empty = Object.fromEntries(Object.entries(measureRow()).filter(([k]) => k in CASE_VALUES));
    const { cases, errors } = mapRows([empty]);
    expect(errors).toEqual([]);
    expect(cases[0]!.measures).toEqual([]);
    expect(cases[0]!.hasErrors).toBe(false);
  });

  it("reports the measure schema's messages by row and column", () => {
    expect(errorsOf([measureRow({ before: "146" })])).toEqual(["row 2, before: A percentage must be between 0 and 100"]);
    expect(errorsOf([measureRow({ after: "-3" })])).toEqual(["row 2, after: A percentage must be between 0 and 100"]);
    expect(errorsOf([measureRow({ before: "", after: "" })])).toEqual([
      "row 2, before: Enter at least one figure — a before value, an after value or a reported change or estimate — or record a finding in words",
    ]);
    expect(errorsOf([measureRow({ before: "about 40" })])).toEqual([
      "row 2, before: “about 40” is not a number: enter digits with a full stop for decimals, like 1240 or 46.5 (put words such as “over” or “£” in the qualifier and wording)",
    ]);
    expect(errorsOf([measureRow({ reported_change: "120", reported_change_basis: "percentage points" })])).toEqual([
      "row 2, reported_change: A change in percentage points must be between −100 and +100",
    ]);
    expect(errorsOf([reportedOnlyRow({ reported_change: "-120" })])).toEqual([
      "row 2, reported_change: A fall of more than 100% is not possible: check the figure or its basis",
    ]);
    expect(errorsOf([reportedOnlyRow({ unit: "rate" })])).toEqual([
      "row 2, rate_basis: Say what the rate is per, e.g. “per week” or “per 1,000 people”",
    ]);
    expect(errorsOf([reportedOnlyRow({ measure_label: " " })])).toEqual(["row 2, measure_label: Enter the name of the measure"]);
    expect(errorsOf([reportedOnlyRow({ sample_size: "12.5" })])).toEqual([
      "row 2, sample_size: “12.5” is not a whole number: enter a whole number, like 90",
    ]);
    expect(errorsOf([reportedOnlyRow({ measure_source_url: "example.org" })])).toEqual([
      "row 2, measure_source_url: Enter a full web address starting with https:// or http://",
    ]);
    expect(errorsOf([reportedOnlyRow({ notes: "x".repeat(5001) })])).toEqual(["row 2, notes: The notes must be 5000 characters or fewer"]);
  });

  it("lists the allowed values when an option column has another word", () => {
    expect(errorsOf([reportedOnlyRow({ unit: "people" })])).toEqual([
      "row 2, unit: “people” is not allowed here: use one of count, hours, days, weeks, months, money, percent, rate, ratio, score",
    ]);
    expect(errorsOf([reportedOnlyRow({ direction: "" })])).toEqual(["row 2, direction: Say whether lower or higher is better"]);
    expect(errorsOf([measureRow({ before_qualifier: "roughly" })])).toEqual([
      "row 2, before_qualifier: “roughly” is not allowed here: use one of exact, about, at_least, at_most, more_than, less_than",
    ]);
    expect(errorsOf([reportedOnlyRow({ reported_change_basis: "pp" })])).toEqual([
      "row 2, reported_change_basis: “pp” is not allowed here: use one of percent, percentage_points, absolute, unspecified",
    ]);
    expect(errorsOf([measureRow({ reform_shifts: "hospital_to_community;digital" })])).toEqual([
      "row 2, reform_shifts: “digital” is not allowed here: use one of hospital_to_community, analogue_to_digital, sickness_to_prevention",
    ]);
    expect(errorsOf([measureRow({ sector: "nhs" })])).toEqual([
      "row 2, sector: “nhs” is not allowed here: use one of health, social_care, health_and_social_care, local_government, housing, policing, education, welfare, other",
    ]);
  });

  it("reports the case schema's messages on the case's first row", () => {
    expect(errorsOf([measureRow({ case_slug: "Integrated Care" })])).toEqual([
      "row 2, case_slug: Use lower-case letters, numbers and single hyphens only, e.g. integrated-care-leeds",
    ]);
    expect(errorsOf([measureRow({ case_slug: "" })])).toEqual([
      "row 2, case_slug: Enter the case's web address (slug): rows are grouped into cases by it",
    ]);
    expect(errorsOf([measureRow({ case_title: "" })])).toEqual(["row 2, case_title: Enter a title"]);
    expect(errorsOf([measureRow({ organisation_slug: "" })])).toEqual([
      "row 2, organisation_slug: Enter the slug of the organisation the case belongs to",
    ]);
    expect(errorsOf([measureRow({ sector: "" })])).toEqual(["row 2, sector: Choose a sector"]);
    expect(errorsOf([measureRow({ intervention_date: "2023-02-30" })])).toEqual([
      "row 2, intervention_date: Enter a real date as YYYY-MM-DD, e.g. 2024-03-01",
    ]);
    expect(errorsOf([measureRow({ case_source_citation: "" })])).toEqual([
      "row 2, case_source_citation: Enter the source: who reported these figures, where and when",
    ]);
    expect(errorsOf([measureRow({ case_source_url: "www.example.org" })])).toEqual([
      "row 2, case_source_url: Enter a full web address starting with https:// or http://",
    ]);
    expect(errorsOf([measureRow({ evidence_level: "6" })])).toEqual(["row 2, evidence_level: Choose an evidence level from 1 to 5"]);
    expect(errorsOf([measureRow({ evidence_level: "" })])).toEqual(["row 2, evidence_level: Choose an evidence level from 1 to 5"]);
  });

  it("requires a case's own columns to agree on every row of that case", () => {
    const { errors, cases } = mapRows([
      measureRow(),
      reportedOnlyRow({ case_title: "Another title", evidence_level: "2" }),
      reportedOnlyRow({ measure_label: "Referrals" }),
    ]);
    expect(errors.map(formatRowError)).toEqual([
      "row 3, case_title: Differs from row 2 of the same case: a case's own columns must be the same on every row of that case",
      "row 3, evidence_level: Differs from row 2 of the same case: a case's own columns must be the same on every row of that case",
    ]);
    expect(cases[0]!.hasErrors).toBe(true);
  });

  it("treats spelling variants of the same case values as agreeing", () => {
    const { errors } = mapRows([
      measureRow(),
      reportedOnlyRow({
        reform_shifts: "sickness_to_prevention; hospital_to_community",
        sector: "Health and social care",
        case_title: " Integrated health & social care ",
      }),
    ]);
    expect(errors).toEqual([]);
  });

  it("marks only the cases with errors, so the others can still be previewed", () => {
    const { cases } = mapRows([measureRow(), measureRow({ case_slug: "broken", before: "x" })]);
    expect(cases.map((c) => [c.slug, c.hasErrors])).toEqual([
      ["integrated-care", false],
      ["broken", true],
    ]);
  });

  it(`refuses a case with more than ${MAX_MEASURES} measures on the first row over the limit`, () => {
    const rows = Array.from({ length: MAX_MEASURES + 1 }, (_, i) => reportedOnlyRow({ measure_label: `Measure ${i + 1}` }));
    expect(errorsOf(rows)).toEqual([`row ${MAX_MEASURES + 2}: A case can have at most ${MAX_MEASURES} measures: split it or remove some`]);
  });
});
