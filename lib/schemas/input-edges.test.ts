import { describe, expect, it } from "vitest";
import { caseInputSchema } from "./case";
import { measureInputSchema } from "./measure";
import { seriesInputSchema } from "./series";
import { createOrganisationSchema } from "./organisation";
import { createMeasureTypeSchema } from "./measure-type";
import { proposeApproachSchema } from "./approach";
import { saveComparisonSchema } from "./comparison";
import { createUserSchema, signInSchema } from "./user";

// Issue 19: every text schema refuses control characters; every number goes
// through the one parser; dates are plausible; series have one frequency.

const NUL = "\u0000";
const measure = (overrides: Record<string, unknown> = {}) => ({
  label: "Referrals",
  unit: "count",
  direction: "lower_is_better",
  before: "100",
  after: "80",
  ...overrides,
});
const caseInput = (overrides: Record<string, unknown> = {}) => ({
  title: "A case",
  slug: "a-case",
  organisationId: "0190b1b2-0000-7000-8000-000000000001",
  sector: "health",
  sourceCitation: "A report, 2024",
  evidenceLevel: "1",
  measures: [measure()],
  ...overrides,
});
const firstMessage = (r: { success: boolean; error?: { issues: Array<{ message: string; path: PropertyKey[] }> } }) =>
  r.success ? null : `${r.error!.issues[0]!.path.join(".")}: ${r.error!.issues[0]!.message}`;

describe("control characters in every text schema", () => {
  it.each([
    ["case title", () => caseInputSchema.safeParse(caseInput({ title: `Caf${NUL}é` }))],
    ["case summary", () => caseInputSchema.safeParse(caseInput({ summary: `x${NUL}` }))],
    ["case citation", () => caseInputSchema.safeParse(caseInput({ sourceCitation: `x${NUL}` }))],
    ["measure label", () => measureInputSchema.safeParse(measure({ label: `x${NUL}` }))],
    ["measure notes", () => measureInputSchema.safeParse(measure({ notes: `x${NUL}` }))],
    ["measure quote", () => measureInputSchema.safeParse(measure({ quote: `x${NUL}` }))],
    ["organisation name", () => createOrganisationSchema.safeParse({ name: `x${NUL}`, slug: "x" })],
    [
      "user name",
      () => createUserSchema.safeParse({ email: "a@example.org", name: `x${NUL}`, role: "viewer", organisationId: "", password: "" }),
    ],
    ["sign-in email", () => signInSchema.safeParse({ email: `a${NUL}@example.org`, password: "x" })],
    [
      "measure type definition",
      () =>
        createMeasureTypeSchema.safeParse({
          key: "abc",
          name: "n",
          definition: `a long enough ${NUL}`,
          countingUnit: "one",
          unit: "count",
          direction: "neutral",
          category: "demand",
        }),
    ],
    [
      "approach description",
      () =>
        proposeApproachSchema.safeParse({
          name: "abc",
          description: `${"x".repeat(90)}${NUL}`,
          sourceCitation: "abc",
          sourceUrl: "https://x.org",
        }),
    ],
    ["comparison name", () => saveComparisonSchema.safeParse({ name: `x${NUL}`, cases: "a,b" })],
  ])("%s", (_name, parse) => {
    expect(firstMessage(parse())).toMatch(/control character/);
  });
});

describe("numbers in the measure schema", () => {
  it.each(["12,5", "1.000,5", "1,2,3", "0x10", "1e5", "0.0000000000000000001"])("before = %s is refused", (text) => {
    expect(firstMessage(measureInputSchema.safeParse(measure({ before: text })))).toMatch(/^before: /);
  });

  it("1e5 is refused for the sample size too (consistent with before/after)", () => {
    expect(firstMessage(measureInputSchema.safeParse(measure({ sampleSize: "1e5" })))).toMatch(/^sampleSize: .*scientific/);
    expect(firstMessage(measureInputSchema.safeParse(measure({ sampleSize: "0x10" })))).toMatch(/^sampleSize: .*hexadecimal/);
    expect(measureInputSchema.parse(measure({ sampleSize: "1,240" })).sampleSize).toBe(1240);
  });

  it("p-values and confidence levels keep their columns' precision", () => {
    expect(firstMessage(measureInputSchema.safeParse(measure({ pValue: "0.00000001" })))).toMatch(/^pValue: .*decimal places/);
    expect(firstMessage(measureInputSchema.safeParse(measure({ pValue: 1e-19 })))).toMatch(/^pValue: /);
    expect(
      firstMessage(measureInputSchema.safeParse(measure({ reportedChange: "-12", ciLower: "-19", ciUpper: "-5", ciLevel: "95.55" }))),
    ).toMatch(/^ciLevel: .*\(1\)/);
  });

  it("evidence levels are digits only", () => {
    expect(firstMessage(caseInputSchema.safeParse(caseInput({ evidenceLevel: "0x3" })))).toMatch(/^evidenceLevel/);
    expect(firstMessage(measureInputSchema.safeParse(measure({ evidenceLevel: "0x3", evidenceLevelReason: "r" })))).toMatch(
      /^evidenceLevel/,
    );
  });
});

describe("case rules across fields", () => {
  it("refuses implausible intervention dates", () => {
    expect(firstMessage(caseInputSchema.safeParse(caseInput({ interventionDate: "1800-01-01" })))).toMatch(/^interventionDate: .*1900/);
    expect(firstMessage(caseInputSchema.safeParse(caseInput({ interventionDate: "9999-12-31" })))).toMatch(
      /^interventionDate: .*years ahead/,
    );
  });

  it("refuses a measure repeated in one case", () => {
    expect(firstMessage(caseInputSchema.safeParse(caseInput({ measures: [measure(), measure({ label: " referrals " })] })))).toBe(
      "measures.1.label: This repeats measure 1 (the same name and figures): remove the repeat, or give it what tells it apart (its source or period)",
    );
    expect(caseInputSchema.safeParse(caseInput({ measures: [measure(), measure({ after: "70" })] })).success).toBe(true);
  });
});

describe("series", () => {
  const series = (overrides: Record<string, unknown> = {}) => ({
    caseId: "0190b1b2-0000-7000-8000-000000000001",
    measureId: "0190b1b2-0000-7000-8000-000000000002",
    revision: 1,
    points: [
      { date: "2024-01-01", value: 5 },
      { date: "2024-02-01", value: 6 },
      { date: "2024-03-01", value: 7 },
    ],
    rebaseDates: [],
    runLength: 7,
    headlineMethod: "figures",
    frequency: "monthly",
    ...overrides,
  });

  it("refuses a rebase date outside the series", () => {
    expect(firstMessage(seriesInputSchema.safeParse(series({ rebaseDates: ["2025-01-01"] })))).toMatch(
      /^rebaseDates: .*outside the series/,
    );
    expect(firstMessage(seriesInputSchema.safeParse(series({ rebaseDates: ["2024-01-01"] })))).toMatch(/outside the series/);
    expect(seriesInputSchema.safeParse(series({ rebaseDates: ["2024-02-01"] })).success).toBe(true);
  });

  it("refuses monthly and weekly dates mixed", () => {
    const mixed = series({
      points: ["2024-01-01", "2024-01-08", "2024-01-15", "2024-02-01"].map((date, i) => ({ date, value: i })),
      frequency: "weekly",
    });
    expect(firstMessage(seriesInputSchema.safeParse(mixed))).toMatch(/not a whole number of weeks/);
  });

  it("refuses a target or value that would be stored as another figure", () => {
    expect(firstMessage(seriesInputSchema.safeParse(series({ target: "12,5" })))).toMatch(/^target: .*ambiguous/);
    expect(firstMessage(seriesInputSchema.safeParse(series({ target: "0x10" })))).toMatch(/^target: .*hexadecimal/);
    expect(firstMessage(seriesInputSchema.safeParse(series({ points: [{ date: "2024-01-01", value: 1e-19 }] })))).toMatch(/decimal places/);
  });

  it("refuses a control character in a point's note", () => {
    expect(
      firstMessage(seriesInputSchema.safeParse(series({ points: [{ date: "2024-01-01", value: 1, annotation: `x${NUL}` }] }))),
    ).toMatch(/control character/);
  });
});
