import { COLUMNS, EXPORT_ONLY_COLUMNS, IMPORT_COLUMNS, type ColumnName, type ColumnSpec } from "./columns";
import type { RowError } from "./row-errors";

// Which of a file's columns holds which field. Analysts keep figures in their
// own spreadsheets with their own headers ("Baseline %", "KPI", "Trust"), in
// any order and with columns of their own: the mapping is one entry per
// header, an import column or null (ignored). The import suggests one — the
// organisation's remembered choices first, then the template's own names,
// then names that look alike and cells whose values fit — and the analyst
// confirms or changes it before the preview.

export type ColumnMapping = Array<ColumnName | null>;

export type SuggestionReason = "template" | "remembered" | "name" | "values" | "none";

export interface ColumnSuggestion {
  column: ColumnName | null;
  reason: SuggestionReason;
}

const KNOWN = new Set<string>(IMPORT_COLUMNS);
const EXPORT_ONLY = new Set<string>(EXPORT_ONLY_COLUMNS.map((c) => c.name));
export const REQUIRED_COLUMNS: readonly ColumnName[] = COLUMNS.filter((c) => c.required).map((c) => c.name);

export function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase();
}

/** The key a remembered mapping is stored under: case, spacing and punctuation do not matter. */
export function headerKey(name: string): string {
  return normaliseHeader(name)
    .replace(/[^\p{L}\p{N}%£$]+/gu, " ")
    .trim();
}

/** Each header that is a template column name maps to it; anything else to nothing. */
export function exactMapping(header: string[]): ColumnMapping {
  return header.map((h) => {
    const name = normaliseHeader(h);
    return KNOWN.has(name) ? (name as ColumnName) : null;
  });
}

/** True when every header is a template (or export) column: no mapping step is needed. */
export function isTemplateHeader(header: string[]): boolean {
  const names = header.map(normaliseHeader).filter((h) => h !== "");
  return names.length > 0 && names.every((h) => KNOWN.has(h) || EXPORT_ONLY.has(h)) && REQUIRED_COLUMNS.every((c) => names.includes(c));
}

/** The headers that hold something but map to no field (the export's own status columns are expected, not reported). */
export function ignoredHeaders(header: string[], mapping: ColumnMapping): string[] {
  return header.filter((h, i) => mapping[i] == null && h.trim() !== "" && !EXPORT_ONLY.has(normaliseHeader(h))).map((h) => h.trim());
}

function plural(n: number, word: string) {
  return n === 1 ? `1 ${word}` : `${n} ${word}s`;
}

/** File-level errors of a mapping: required fields with no column, and a field chosen for two columns. */
export function checkMapping(header: string[], mapping: ColumnMapping): RowError[] {
  const errors: RowError[] = [];
  const missing = REQUIRED_COLUMNS.filter((c) => !mapping.includes(c));
  if (missing.length) {
    errors.push({
      row: 1,
      column: null,
      message: `The file is missing ${plural(missing.length, "required column")}: ${missing.join(", ")}. Add ${missing.length === 1 ? "it" : "them"}, or choose which of your columns ${missing.length === 1 ? "holds it" : "hold them"}.`,
    });
  }
  const repeated = [...new Set(mapping.filter((m, i): m is ColumnName => m !== null && mapping.indexOf(m) !== i))];
  for (const column of repeated) {
    const headers = [...new Set(header.filter((_, i) => mapping[i] === column).map((h) => `“${h.trim()}”`))];
    const message =
      headers.length === 1
        ? `The column ${headers[0]} appears more than once: keep one.`
        : `${headers.join(" and ")} are ${headers.length === 2 ? "both" : "all"} read as ${column}: choose one column for it.`;
    errors.push({ row: 1, column: null, message });
  }
  return errors;
}

// ---- Suggestions ----

/** Words analysts use for each column, beyond the words of its own name. */
const SYNONYMS: Partial<Record<ColumnName, string[]>> = {
  case_slug: ["slug", "case id", "case ref", "case reference", "web address", "case key"],
  case_title: ["title", "case name", "case", "project", "project name", "programme", "initiative", "reform"],
  organisation_slug: ["organisation", "organization", "org", "council", "trust", "provider", "authority", "body"],
  sector: ["sector", "service area", "area", "service"],
  approach_key: ["approach", "method", "model", "methodology"],
  reform_shifts: ["shifts", "reform shift", "shift"],
  intervention_date: ["start date", "go live", "go-live", "launch", "launched", "started", "intervention", "start", "date"],
  baseline_period: ["baseline year", "baseline period", "pre period"],
  follow_up_period: ["follow up", "follow-up", "post period", "evaluation period"],
  case_source_citation: ["source", "citation", "reference", "evaluation", "report"],
  case_source_url: ["url", "link", "source link", "web link", "report link"],
  reporting_organisation: ["reported by", "publisher", "evaluator", "author"],
  country: ["nation", "country"],
  evidence_level: ["evidence", "msms", "maryland", "strength", "evidence strength", "sms"],
  case_summary: ["summary", "description", "overview", "notes on case", "about"],
  measure_type_key: ["measure type", "type", "metric type", "indicator type"],
  measure_label: ["measure", "metric", "indicator", "kpi", "outcome", "measure name", "metric name", "indicator name", "label"],
  unit: ["unit", "units", "unit of measure", "measured in"],
  rate_basis: ["per", "basis", "rate per", "period"],
  denominator: ["out of", "of", "denominator", "base"],
  direction: ["better", "polarity", "good direction", "higher or lower", "improvement direction", "direction of travel"],
  before: ["baseline", "pre", "before value", "baseline value", "start value", "was"],
  after: ["post", "after value", "follow up value", "latest", "current", "result", "now", "outcome value"],
  reported_change: ["change", "% change", "difference", "impact", "effect", "reduction", "increase", "estimate"],
  quote: ["quote", "quotation", "verbatim", "source text", "sentence"],
  notes: ["notes", "comment", "comments", "caveats"],
  sample_size: ["n", "sample", "sample size", "participants", "cohort size"],
  p_value: ["p", "p value", "significance"],
  ci_lower: ["lower ci", "lci", "lower bound", "ci low", "lower confidence"],
  ci_upper: ["upper ci", "uci", "upper bound", "ci high", "upper confidence"],
  comparison_description: ["comparison", "control group", "comparator", "counterfactual"],
  design: ["design", "study design", "evaluation design"],
};

function words(text: string): string[] {
  return headerKey(text.replace(/_/g, " ")).split(" ").filter(Boolean);
}

function bigrams(text: string): Set<string> {
  const s = ` ${words(text).join(" ")} `;
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Dice coefficient of character pairs: 1 for the same words, near 0 for unrelated ones. */
function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}

function nameScore(header: string, spec: ColumnSpec): number {
  const key = headerKey(header);
  const candidates = [spec.name.replace(/_/g, " "), ...(SYNONYMS[spec.name as ColumnName] ?? [])];
  if (candidates.some((c) => headerKey(c) === key)) return 1;
  return Math.max(...candidates.map((c) => similarity(header, c)));
}

const normaliseOption = (cell: string) =>
  cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

const IS_NUMBER = /^[-+]?[£$€]?\d[\d,]*(\.\d+)?%?$/;
const IS_DATE = /^\d{4}-\d{2}-\d{2}$|^\d{1,2}\/\d{1,2}\/\d{2,4}$/;
const IS_URL = /^https?:\/\//i;
const IS_FLAG = /^(yes|no|y|n|true|false)$/i;
const IS_SLUG = /^[a-z0-9]+(-[a-z0-9]+)+$/;

/** How well a column's cells fit a field's values (0–1), from a sample of its non-blank cells. */
function valueScore(cells: string[], spec: ColumnSpec): number {
  if (cells.length === 0) return 0;
  const share = (test: (c: string) => boolean) => cells.filter(test).length / cells.length;
  if (spec.options) {
    const options = new Set<string>(spec.options);
    if (spec.name === "reform_shifts") return share((c) => c.split(";").every((part) => options.has(normaliseOption(part))));
    return share((c) => options.has(normaliseOption(c)));
  }
  switch (spec.name) {
    case "case_source_url":
    case "measure_source_url":
      return share((c) => IS_URL.test(c.trim()));
    case "intervention_date":
      return share((c) => IS_DATE.test(c.trim()));
    case "notes_public":
    case "modelled":
      return share((c) => IS_FLAG.test(c.trim()));
    case "evidence_level":
    case "measure_evidence_level":
      return share((c) => /^[1-5]$/.test(c.trim()));
    case "case_slug":
    case "organisation_slug":
    case "measure_type_key":
    case "approach_key":
      return share((c) => IS_SLUG.test(c.trim()));
    case "before":
    case "after":
    case "reported_change":
    case "comparison_before":
    case "comparison_after":
    case "target":
    case "ci_lower":
    case "ci_upper":
    case "sample_size":
      return share((c) => IS_NUMBER.test(c.trim().replace(/\s/g, ""))) * 0.5; // numbers fit many fields: weak evidence
    default:
      return 0;
  }
}

// Option fields whose values alone identify them (a column of "percent", "count" is the unit).
const VALUE_DECISIVE = new Set<string>(["unit", "direction", "sector", "design", "comparison_kind", "finding_direction", "reform_shifts"]);

/**
 * Suggests a field for each header. `remembered` holds the organisation's
 * earlier choices by headerKey ("" meaning it chose to ignore that header);
 * `samples` are some data rows, cells in header order.
 */
export function suggestMapping(
  header: string[],
  samples: string[][],
  remembered: ReadonlyMap<string, string> = new Map(),
): ColumnSuggestion[] {
  const out: ColumnSuggestion[] = header.map(() => ({ column: null, reason: "none" }));
  const taken = new Set<string>();
  const open: number[] = [];
  // The template's own names first, so a remembered choice never takes a field the file names itself.
  header.forEach((h, i) => {
    const exact = normaliseHeader(h);
    if (KNOWN.has(exact) && !taken.has(exact)) {
      out[i] = { column: exact as ColumnName, reason: "template" };
      taken.add(exact);
    }
  });
  header.forEach((h, i) => {
    if (out[i]!.reason === "template") return;
    const exact = normaliseHeader(h);
    const memory = remembered.get(headerKey(h));
    if (memory !== undefined && (memory === "" || (KNOWN.has(memory) && !taken.has(memory)))) {
      out[i] = { column: memory === "" ? null : (memory as ColumnName), reason: "remembered" };
      if (memory) taken.add(memory);
    } else if (h.trim() !== "" && !EXPORT_ONLY.has(exact)) {
      open.push(i);
    }
  });

  // Score every open header against every free field, then take the best pairs first.
  const pairs: Array<{ i: number; column: ColumnName; score: number; reason: SuggestionReason }> = [];
  for (const i of open) {
    const cells = samples.map((r) => (r[i] ?? "").trim()).filter((c) => c !== "");
    for (const spec of COLUMNS as readonly ColumnSpec[]) {
      if (taken.has(spec.name)) continue;
      const byName = nameScore(header[i]!, spec);
      const byValues = valueScore(cells, spec);
      const decisive = VALUE_DECISIVE.has(spec.name) && byValues >= 0.8;
      const score = decisive ? Math.max(byName, 0.6) + byValues * 0.5 : byName + byValues * 0.3;
      const reason: SuggestionReason = decisive && byName < 0.6 ? "values" : "name";
      if (score >= 0.6) pairs.push({ i, column: spec.name as ColumnName, score, reason });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const done = new Set<number>();
  for (const p of pairs) {
    if (done.has(p.i) || taken.has(p.column)) continue;
    out[p.i] = { column: p.column, reason: p.reason };
    done.add(p.i);
    taken.add(p.column);
  }
  return out;
}
