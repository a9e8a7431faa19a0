// The public download schema: one definition drives the CSV columns, the JSON
// fields and the documentation on /data, so the three cannot disagree.
// Stable: columns are only ever added at the end; a change that removes or
// renames one gets a new SCHEMA_VERSION. Pure.
import { computeChange } from "@/lib/domain/change";
import type { MeasureChange } from "@/lib/domain/measure-types";
import type { PublicCase, PublicMeasure } from "@/modules/cases/data/public-cases";
import { buildMeasureRow } from "./case-figures";
import { formatCitation, versionPath } from "./citation";

export const SCHEMA_VERSION = "reform-metrics-public-1";

type Cell = string | number | boolean | null;
interface Ctx {
  c: PublicCase;
  m: PublicMeasure;
  change: MeasureChange;
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
  col("unit", "measure", "count, hours, days, money (pounds), percent, rate, ratio or score.", (x) => x.m.unit),
  col("rate_basis", "measure", 'For unit rate: what the rate is per, e.g. "per week".', (x) => x.m.rateBasis),
  col("denominator", "measure", "What a percentage or rate is of, if stated.", (x) => x.m.denominator),
  col("direction", "measure", "Which way is an improvement: lower_is_better, higher_is_better or neutral.", (x) => x.m.direction),
  col(
    "before_value",
    "measure",
    "Value before the reform as reported (or, when headline_method is series_phase_means, the series' mean before the intervention); empty if the source gives none. Never back-calculated.",
    (x) => x.m.before,
  ),
  col("before_qualifier", "measure", "exact, about, at_least or at_most, as the source words it.", (x) => x.m.beforeQualifier),
  col("before_wording", "measure", "The source's own words for the before value.", (x) => x.m.beforeWording),
  col(
    "after_value",
    "measure",
    "Value after the reform as reported (or the series' mean from the intervention; see headline_method); empty if none.",
    (x) => x.m.after,
  ),
  col("after_qualifier", "measure", "exact, about, at_least or at_most.", (x) => x.m.afterQualifier),
  col("after_wording", "measure", "The source's own words for the after value.", (x) => x.m.afterWording),
  col("before_period", "measure", "The period the before value covers.", (x) => x.m.beforePeriod),
  col("after_period", "measure", "The period the after value covers.", (x) => x.m.afterPeriod),
  col("sample_size", "measure", "Number of people or cases the figures are based on, if stated.", (x) => x.m.sampleSize),
  col(
    "reported_change",
    "measure",
    "The change as the source reports it, signed (−64 = down 64); empty if none.",
    (x) => x.m.reportedChange,
  ),
  col("reported_change_basis", "measure", "percent, percentage_points, or unspecified (the source did not say).", (x) =>
    x.m.reportedChange === null ? null : x.m.reportedChangeBasis,
  ),
  col("reported_change_qualifier", "measure", "exact, about, at_least or at_most (applies to the size of the change).", (x) =>
    x.m.reportedChange === null ? null : x.m.reportedChangeQualifier,
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
    "improved, worsened, no_change, changed (neutral measure) or unknown, judged by direction, not sign.",
    (x) => x.change.outcome,
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
];

function contexts(c: PublicCase, siteUrl: string): Ctx[] {
  return c.measures.map((m) => {
    const change = computeChange(m);
    return { c, m, change, shown: buildMeasureRow(m).change, siteUrl };
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
