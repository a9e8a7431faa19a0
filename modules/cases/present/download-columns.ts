// The public download schema: one definition drives the CSV columns, the JSON
// fields and the documentation on /data, so the three cannot disagree.
// Stable: columns are only ever added at the end; a change that removes or
// renames one gets a new SCHEMA_VERSION. Pure.
import type { Assessment } from "@/lib/domain/evidence-types";
import type { MeasureChange } from "@/lib/domain/measure-types";
import type { PublicCase, PublicMeasure } from "@/modules/cases/data/public-cases";
import { buildMeasureRow } from "./case-figures";
import { formatCitation, versionPath } from "./citation";

// Columns were only added (at the end) since version 1, so the schema keeps its name.
export const SCHEMA_VERSION = "reform-metrics-public-1";

type Cell = string | number | boolean | null;
interface Ctx {
  c: PublicCase;
  m: PublicMeasure;
  change: MeasureChange;
  a: Assessment;
  shown: string;
  siteUrl: string;
}

export interface DownloadColumn {
  name: string;
  level: "case" | "measure";
  description: string;
  get: (x: Ctx) => Cell;
}

// Computed figures keep 6 decimals (the stored precision), no display rounding.
const exact = (n: number | null) => (n === null ? null : Math.round(n * 1e6) / 1e6);

const col = (name: string, level: DownloadColumn["level"], description: string, get: DownloadColumn["get"]): DownloadColumn => ({
  name,
  level,
  description,
  get,
});

export const DOWNLOAD_COLUMNS: DownloadColumn[] = [
  col("case_slug", "case", "The case's stable identifier, as in its web address.", (x) => x.c.slug),
  col("case_title", "case", "Title of the case study.", (x) => x.c.title),
  col("organisation", "case", "The organisation that made the reform.", (x) => x.c.organisation),
  col("case_version", "case", "Published version number (1, 2, 3 …). Each version is frozen.", (x) => x.c.version),
  col("published_at", "case", "When this version was published (ISO 8601, UTC).", (x) => x.c.publishedAt),
  col("is_fictional_example", "case", "true for made-up demonstration data; never cite these.", (x) => x.c.isExample),
  col(
    "sector",
    "case",
    "Sector key: health, social_care, health_and_social_care, local_government, housing, policing, education, welfare, other.",
    (x) => x.c.sector,
  ),
  col("approach", "case", "Reform approach key (e.g. relational-public-services), empty if not stated.", (x) => x.c.approach?.key ?? null),
  col(
    "reform_shifts",
    "case",
    "NHS reform shifts, semicolon-separated keys: hospital_to_community, analogue_to_digital, sickness_to_prevention.",
    (x) => x.c.reformShifts.join(";"),
  ),
  col("intervention_date", "case", "When the reform began (YYYY-MM-DD), empty if the source does not say.", (x) => x.c.interventionDate),
  col(
    "evidence_level",
    "case",
    "Maryland Scientific Methods Scale, 1 (before/after, no comparison group) to 5 (randomised trial).",
    (x) => x.c.evidenceLevel,
  ),
  col("case_source_citation", "case", "The source the case's figures come from.", (x) => x.c.sourceCitation),
  col("case_source_url", "case", "Web address of that source, if any.", (x) => x.c.sourceUrl),
  col("measure_position", "measure", "Order of the measure on the page, from 1.", (x) => x.c.measures.indexOf(x.m) + 1),
  col("measure_label", "measure", "The measure, as named on the page.", (x) => x.m.label),
  col(
    "measure_type",
    "measure",
    "Key of the measure type in the library (for comparing like with like), empty if none.",
    (x) => x.m.measureType?.key ?? null,
  ),
  col("unit", "measure", "count, hours, days, weeks, months, money (pounds), percent, rate, ratio or score.", (x) => x.m.unit),
  col(
    "rate_basis",
    "measure",
    'What the figure is per, or the period it covers: "per week", "a year", "since 2011".',
    (x) => x.m.rateBasis,
  ),
  col("denominator", "measure", "What a percentage or rate is of, if stated.", (x) => x.m.denominator),
  col("direction", "measure", "Which way is an improvement: lower_is_better, higher_is_better or neutral.", (x) => x.m.direction),
  col(
    "before_value",
    "measure",
    "Value before the reform as reported (or, when headline_method is series_phase_means, the series' mean before the intervention); empty if the source gives none. Never back-calculated.",
    (x) => x.m.before,
  ),
  col(
    "before_qualifier",
    "measure",
    "exact, about, at_least, at_most, more_than or less_than, as the source words it.",
    (x) => x.m.beforeQualifier,
  ),
  col("before_wording", "measure", "The source's own words for the before value.", (x) => x.m.beforeWording),
  col(
    "after_value",
    "measure",
    "Value after the reform as reported (or the series' mean from the intervention; see headline_method); empty if none.",
    (x) => x.m.after,
  ),
  col("after_qualifier", "measure", "exact, about, at_least, at_most, more_than or less_than.", (x) => x.m.afterQualifier),
  col("after_wording", "measure", "The source's own words for the after value.", (x) => x.m.afterWording),
  col("before_period", "measure", "The period the before value covers.", (x) => x.m.beforePeriod),
  col("after_period", "measure", "The period the after value covers.", (x) => x.m.afterPeriod),
  col("sample_size", "measure", "Number of people or cases the figures are based on, if stated.", (x) => x.m.sampleSize),
  col(
    "reported_change",
    "measure",
    "The change as the source reports it, signed (−64 = down 64); under a comparison-group or difference-in-differences design, the estimate it reports against the comparison group; empty if none.",
    (x) => x.m.reportedChange,
  ),
  col(
    "reported_change_basis",
    "measure",
    "percent, percentage_points, absolute (in the measure's unit), or unspecified (the source did not say).",
    (x) => (x.m.reportedChange === null ? null : x.m.reportedChangeBasis),
  ),
  col(
    "reported_change_qualifier",
    "measure",
    "exact, about, at_least, at_most, more_than or less_than (applies to the size of the change).",
    (x) => (x.m.reportedChange === null ? null : x.m.reportedChangeQualifier),
  ),
  col("reported_change_wording", "measure", "The source's own words for the change.", (x) => x.m.reportedChangeWording),
  col(
    "change_kind",
    "measure",
    "raw (before and after given), reported (a change with no raw figures), after_only or before_only.",
    (x) => x.change.kind,
  ),
  col(
    "reported_only",
    "measure",
    "true when the change is reported without raw figures: lower confidence, cannot be checked.",
    (x) => x.change.reportedOnly,
  ),
  col(
    "absolute_change",
    "measure",
    "after − before in the measure's unit (percentage points for percent measures); raw figures only.",
    (x) => exact(x.change.absoluteChange),
  ),
  col("percentage_point_change", "measure", "For percent measures: the change in percentage points.", (x) =>
    exact(x.change.percentagePointChange),
  ),
  col("relative_change_percent", "measure", "(after − before) / before × 100; empty when the baseline is 0 or negative.", (x) =>
    exact(x.change.relativeChange),
  ),
  col("log_change", "measure", "100 × ln(after / before), symmetric, used for ranking; empty when a value is 0 or missing.", (x) =>
    exact(x.change.logChange),
  ),
  col("change_as_shown", "measure", "The change exactly as printed in the table on the case page.", (x) => x.shown),
  col(
    "outcome",
    "measure",
    "improved, worsened, no_change, changed (neutral measure), no_clear_difference (the source's interval spans no effect, its p-value is 0.05 or more, or it says so) or unknown, judged by direction, not sign, under the figure's design.",
    (x) => x.a.outcome,
  ),
  col(
    "mismatch_note",
    "measure",
    "Set when the source's reported change disagrees with its own raw figures.",
    (x) => x.change.mismatch?.message ?? null,
  ),
  col("measure_source_citation", "measure", "The measure's own source, when it differs from the case's.", (x) => x.m.sourceCitation),
  col("measure_source_url", "measure", "Web address of the measure's own source.", (x) => x.m.sourceUrl),
  col(
    "case_url",
    "case",
    "Permanent address of this frozen version of the case.",
    (x) => `${x.siteUrl}${versionPath(x.c.slug, x.c.version)}`,
  ),
  col("citation", "case", "How to cite this version of the case (repeated on every row so each row carries its citation).", (x) =>
    formatCitation(x.c, x.siteUrl),
  ),
  col(
    "headline_method",
    "measure",
    "figures: before and after are the figures as reported. series_phase_means: they are the means of the measure's monthly or weekly series before and from the intervention (the SPC chart's centre lines), and before_period / after_period say which points.",
    (x) => x.m.headlineMethod ?? "figures",
  ),
  // ---- Added with evidence designs (issue 11) and figures as sources state them (issue 16) ----
  col("figure_id", "measure", "The figure's stable identifier; cite it as case_url#figure-<figure_id>.", (x) => x.m.id),
  col("reporting_organisation", "case", "Who published the source, when not the organisation itself.", (x) => x.c.reportingOrganisation),
  col("country", "case", "Where the reform took place.", (x) => x.c.country),
  col(
    "design",
    "measure",
    "How the figure was arrived at: before_after, comparison_group (the reform group against a comparison group at follow-up), difference_in_differences (before and after for both), against_target or interrupted_time_series.",
    (x) => x.m.design,
  ),
  col(
    "comparison_kind",
    "measure",
    "What the comparison group is: matched_control, synthetic_control, comparison_site, national_trend, regional_trend, randomised_control or other; empty for before/after.",
    (x) => x.m.comparisonKind,
  ),
  col("comparison_description", "measure", "The comparison group as the source describes it.", (x) => x.m.comparisonDescription),
  col("comparison_before", "measure", "The comparison group's value before (difference-in-differences).", (x) => x.m.comparisonBefore),
  col("comparison_after", "measure", "The comparison group's value at follow-up.", (x) => x.m.comparisonAfter),
  col("target", "measure", "The target a value is set against (design against_target).", (x) => x.m.target),
  col(
    "estimate_contrast",
    "measure",
    "What the figure's estimate compares: over_time, vs_comparison, difference_in_differences or vs_target; empty when there is none.",
    (x) => x.a.effect?.contrast ?? null,
  ),
  col("estimate_basis", "measure", "percent, percentage_points or absolute (in the measure's unit).", (x) => x.a.effect?.basis ?? null),
  col(
    "estimate",
    "measure",
    "The figure's estimate under its design, signed: the change over time, or the difference from the comparison group or target; computed from the stored values or as the source reports it.",
    (x) => exact(x.a.effect?.value ?? null),
  ),
  col(
    "estimate_source",
    "measure",
    "computed (from the stored values) or reported (as the source gives it).",
    (x) => x.a.effect?.source ?? null,
  ),
  col(
    "ci_lower",
    "measure",
    "Lower end of the confidence interval the source reports for its estimate, signed like the estimate. Never computed here.",
    (x) => x.m.ciLower,
  ),
  col("ci_upper", "measure", "Upper end of the source's confidence interval.", (x) => x.m.ciUpper),
  col("ci_level", "measure", "The confidence interval's level in per cent (95 unless the source says otherwise).", (x) =>
    x.m.ciLower === null ? null : (x.m.ciLevel ?? 95),
  ),
  col("p_value", "measure", "The p-value the source reports.", (x) => x.m.pValue),
  col("comparison_sample_size", "measure", "How many people or cases the comparison group has.", (x) => x.m.comparisonSampleSize),
  col(
    "modelled",
    "measure",
    "true for a modelled or projected figure (cost avoided, counterfactual savings), not an observed one.",
    (x) => x.m.modelled,
  ),
  col(
    "finding_direction",
    "measure",
    "What the source found, in words: improved, worsened, no_clear_difference or unclear. A finding with no figure has only this and the quote.",
    (x) => x.m.findingDirection,
  ),
  col(
    "figure_evidence_level",
    "measure",
    "The figure's own Maryland Scientific Methods Scale level (1–5), from its design (before/after at most 2, a matched comparison or difference-in-differences 3, randomised 5) unless set with a reason.",
    (x) => x.a.evidenceLevel,
  ),
  col(
    "figure_evidence_level_reason",
    "measure",
    "Why the figure's level differs from its design's, when it does.",
    (x) => x.m.evidenceLevelReason,
  ),
  col(
    "pool_status",
    "measure",
    "How the figure enters comparisons across cases: pooled, or why it is listed apart (zero_baseline, fell_to_zero, not_comparable, one_figure, small_baseline, absolute, words).",
    (x) => x.a.pool.status,
  ),
  col(
    "pool_scale",
    "measure",
    "The scale it is pooled on: pp (percentage points, for percent measure types) or log (100 × ln of the ratio).",
    (x) => x.a.pool.scale,
  ),
  col("pool_value", "measure", "Its value on that scale (also given for small baselines, pooled only on request).", (x) =>
    exact(x.a.pool.value),
  ),
  col(
    "small_baseline",
    "measure",
    "true when the baseline is under 5 or the rise over 500%: shown as an absolute change.",
    (x) => x.a.smallBaseline,
  ),
  col("quote", "measure", "The source's own sentence for this figure, verbatim.", (x) => x.m.quote),
  col("notes", "measure", "Notes published with the figure (internal notes are never published).", (x) => x.m.notes),
  col("before_words", "measure", "The before value as the source words it (e.g. a third).", (x) => x.m.beforeWords),
  col("after_words", "measure", "The after value as the source words it.", (x) => x.m.afterWords),
  col("reported_change_words", "measure", "The change as the source words it (e.g. more than halved).", (x) => x.m.reportedChangeWords),
];

function contexts(c: PublicCase, siteUrl: string): Ctx[] {
  return c.measures.map((m) => {
    const a = m.figure.assessment;
    return { c, m, change: a.change, a, shown: buildMeasureRow(m).change, siteUrl };
  });
}

/** One record per measure, keyed by column name, values as exact as stored. */
export function toDownloadRecords(c: PublicCase, siteUrl: string): Array<Record<string, Cell>> {
  return contexts(c, siteUrl).map((x) => Object.fromEntries(DOWNLOAD_COLUMNS.map((column) => [column.name, column.get(x)])));
}

/** A case as JSON: case-level fields once, then its measures with the measure-level fields. */
export function toDownloadJson(c: PublicCase, siteUrl: string) {
  const xs = contexts(c, siteUrl);
  // Case-level columns read only c and siteUrl, so a case without measures still has them.
  const first = xs[0] ?? ({ c, siteUrl } as Ctx);
  const caseFields = Object.fromEntries(DOWNLOAD_COLUMNS.filter((k) => k.level === "case").map((k) => [k.name, k.get(first)]));
  const measures = xs.map((x) => Object.fromEntries(DOWNLOAD_COLUMNS.filter((k) => k.level === "measure").map((k) => [k.name, k.get(x)])));
  return { ...caseFields, measures };
}
