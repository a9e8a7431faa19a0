// Test fixtures for the CSV tests: a valid row of the reference case, and a
// way to write rows as CSV text with every import column in the header.
import { IMPORT_COLUMNS, type ColumnName } from "./columns";

export type RowValues = Partial<Record<ColumnName, string>>;

export const CASE_VALUES: RowValues = {
  case_slug: "integrated-care",
  case_title: "Integrated health & social care",
  organisation_slug: "test-org",
  sector: "health_and_social_care",
  approach_key: "",
  reform_shifts: "hospital_to_community;sickness_to_prevention",
  intervention_date: "2023-04-01",
  baseline_period: "2022",
  follow_up_period: "2024",
  case_source_citation: "Example council, 2024",
  case_source_url: "https://example.org/report",
  evidence_level: "1",
  case_summary: "Staff worked to relational principles.",
};

export function measureRow(overrides: RowValues = {}): RowValues {
  return {
    ...CASE_VALUES,
    measure_label: "Face-to-face time as % of total time",
    unit: "percent",
    direction: "higher_is_better",
    before: "46",
    after: "60",
    ...overrides,
  };
}

export function reportedOnlyRow(overrides: RowValues = {}): RowValues {
  return {
    ...CASE_VALUES,
    measure_label: "Number of assessments",
    unit: "count",
    direction: "lower_is_better",
    reported_change: "-64",
    reported_change_wording: "down 64%",
    ...overrides,
  };
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows → CSV text with the full import header (the test controls every byte, no export code involved). */
export function toCsvText(rows: RowValues[], newline = "\n"): string {
  const lines = [IMPORT_COLUMNS.join(","), ...rows.map((r) => IMPORT_COLUMNS.map((c) => quote(r[c] ?? "")).join(","))];
  return lines.join(newline) + newline;
}
