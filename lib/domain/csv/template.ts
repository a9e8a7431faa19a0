import { IMPORT_COLUMNS, type ColumnName } from "./columns";
import { rowsToCsv } from "./export-rows";

// The downloadable template: the header and two rows from the reference case
// in DOMAIN.md — one with before and after values, one reported-only (the
// source gave "down 64%" and no raw numbers, so before and after stay blank).

const referenceCase: Partial<Record<ColumnName, string | number>> = {
  case_slug: "integrated-health-and-social-care-example",
  case_title: "Integrated health & social care (example)",
  organisation_slug: "your-organisation",
  sector: "health_and_social_care",
  approach_key: "",
  reform_shifts: "hospital_to_community;sickness_to_prevention",
  intervention_date: "2023-04-01",
  baseline_period: "2022",
  follow_up_period: "2024",
  case_source_citation: "Example council, Integrated care evaluation, 2024",
  case_source_url: "https://example.org/integrated-care-evaluation",
  evidence_level: 1,
  case_summary: "Staff were freed from the rules and procedures of the existing system and worked to relational principles.",
};

const rows: Array<Partial<Record<ColumnName, string | number>>> = [
  {
    ...referenceCase,
    measure_label: "Face-to-face time as % of total time",
    unit: "percent",
    direction: "higher_is_better",
    before: 46,
    before_qualifier: "exact",
    after: 60,
    after_qualifier: "exact",
  },
  {
    ...referenceCase,
    measure_label: "Number of assessments",
    unit: "count",
    direction: "lower_is_better",
    reported_change: -64,
    reported_change_basis: "percent",
    reported_change_qualifier: "exact",
    reported_change_wording: "down 64%",
    notes: "Reported-only: the source gives the change, not the raw numbers.",
  },
];

/** `organisationSlug`: the downloader's own organisation, so the rows import as they are (issue 20). */
export function buildTemplateCsv(organisationSlug = "your-organisation"): string {
  // Import columns only: status, version and published_at describe an export, not an upload.
  return rowsToCsv(
    rows.map((r) => ({ ...r, organisation_slug: organisationSlug })),
    IMPORT_COLUMNS,
  );
}
