import { z } from "zod";
import { textSchema } from "@/lib/schemas/text";
import { computeChange } from "@/lib/domain/change";
import { assessMeasure, PLAIN_BEFORE_AFTER } from "@/lib/domain/evidence";
import { COMPARISON_KINDS, DESIGNS, FINDING_DIRECTIONS } from "@/lib/domain/evidence-text";
import type { EvidenceFigures } from "@/lib/domain/evidence-types";
import type { MeasureFigures } from "@/lib/domain/measure-types";
import { checkNumberValue, FIGURE_RULES, parseNumberText, WHOLE_NUMBER_RULES, type NumberRules } from "@/lib/domain/parse-number";

// One measure as entered in the editor, a CSV row or the API. The messages are
// written for an analyst, not a developer. The database repeats the key rules
// as CHECK constraints, so a bug here cannot store an impossible figure.

export const MEASURE_UNITS = ["count", "hours", "days", "weeks", "months", "money", "percent", "rate", "ratio", "score"] as const;
export const DIRECTIONS = ["lower_is_better", "higher_is_better", "neutral"] as const;
export const QUALIFIERS = ["exact", "about", "at_least", "at_most", "more_than", "less_than"] as const;
export const CHANGE_BASES = ["percent", "percentage_points", "absolute", "unspecified"] as const;
export { COMPARISON_KINDS, DESIGNS, FINDING_DIRECTIONS };

const optionalText = (max: number, what: string) =>
  textSchema()
    .trim()
    .max(max, `${what} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => (v ? v : null));

/**
 * A number field for the given column rules: a number, a string a person
 * typed ("1,240", "46.5", " -64 ", blank) read by the one number parser
 * (lib/domain/parse-number.ts), or null. What the parser refuses — "12,5",
 * "1.000,5", hex, "1e5", more decimals than the column keeps — comes back
 * with its message, so nothing is stored as another figure.
 */
export function numberSchema(rules: NumberRules) {
  return z
    .union([textSchema(), z.number(), z.null()], { message: "Enter a number" })
    .optional()
    .transform((value, ctx) => {
      if (value === null || value === undefined) return null;
      const parsed = typeof value === "number" ? checkNumberValue(value, rules) : parseNumberText(value, rules);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }
      return parsed.value;
    });
}

/** A figure stored as NUMERIC(20, 6): before, after, changes, comparison values, targets, intervals. */
export const figureSchema = numberSchema(FIGURE_RULES);
/** The confidence level, NUMERIC(4, 1). */
const ciLevelSchema = numberSchema({ decimals: 1, maxAbs: 1000 });
/** The p-value, NUMERIC(7, 6). */
const pValueSchema = numberSchema({ decimals: 6, maxAbs: 10 });

const sampleSizeSchema = numberSchema(WHOLE_NUMBER_RULES).superRefine((n, ctx) => {
  if (n !== null && n <= 0) ctx.addIssue({ code: "custom", message: "The sample size must be a whole number greater than 0" });
});

const urlSchema = textSchema()
  .trim()
  .max(2000, "The web address must be 2,000 characters or fewer")
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), "Enter a full web address starting with https:// or http://");

/** A select's value: blank means none. */
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .union([z.enum(values, { message }), z.literal(""), z.null()])
    .optional()
    .transform((v) => (v ? v : null));

/** A checkbox ("on" when ticked) or a CSV cell: true/false, yes/no, 1/0; blank is false. */
export const flagSchema = z
  .union([z.boolean(), textSchema(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (typeof v === "boolean") return v;
    const text = (v ?? "").trim().toLowerCase();
    if (["", "false", "no", "0", "off"].includes(text)) return false;
    if (["true", "yes", "1", "on"].includes(text)) return true;
    ctx.addIssue({ code: "custom", message: "Enter yes or no" });
    return z.NEVER;
  });

const evidenceLevelSchema = z
  .union([textSchema(), z.number(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return null;
    const n = typeof v === "number" ? v : /^[1-5]$/.test(v.trim()) ? Number(v.trim()) : Number.NaN;
    if (!Number.isInteger(n) || n < 1 || n > 5) {
      ctx.addIssue({ code: "custom", message: "Choose an evidence level from 1 to 5, or leave it to follow the design" });
      return z.NEVER;
    }
    return n;
  });

const wordsSchema = (what: string) => optionalText(60, what);

export const measureInputSchema = z
  .object({
    id: z
      .uuid()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    measureTypeKey: optionalText(80, "The measure type"),
    label: textSchema().trim().min(1, "Enter the name of the measure").max(200, "The name must be 200 characters or fewer"),
    unit: z.enum(MEASURE_UNITS, { message: "Choose a unit" }),
    rateBasis: optionalText(80, "The rate basis"),
    denominator: optionalText(200, "The denominator"),
    direction: z.enum(DIRECTIONS, { message: "Say whether lower or higher is better" }),
    before: figureSchema,
    beforeQualifier: z.enum(QUALIFIERS).default("exact"),
    beforeWording: optionalText(500, "The source's wording"),
    beforeWords: wordsSchema("The figure in words"),
    after: figureSchema,
    afterQualifier: z.enum(QUALIFIERS).default("exact"),
    afterWording: optionalText(500, "The source's wording"),
    afterWords: wordsSchema("The figure in words"),
    reportedChange: figureSchema,
    reportedChangeBasis: z.enum(CHANGE_BASES).default("percent"),
    reportedChangeQualifier: z.enum(QUALIFIERS).default("exact"),
    reportedChangeWording: optionalText(500, "The source's wording"),
    reportedChangeWords: wordsSchema("The figure in words"),
    design: z.enum(DESIGNS, { message: "Choose how the figure was arrived at" }).default("before_after"),
    comparisonKind: optionalEnum(COMPARISON_KINDS, "Choose what the comparison group is"),
    comparisonDescription: optionalText(500, "The description of the comparison group"),
    comparisonBefore: figureSchema,
    comparisonAfter: figureSchema,
    target: figureSchema,
    ciLower: figureSchema,
    ciUpper: figureSchema,
    ciLevel: ciLevelSchema,
    pValue: pValueSchema,
    comparisonSampleSize: sampleSizeSchema,
    modelled: flagSchema,
    findingDirection: optionalEnum(FINDING_DIRECTIONS, "Choose what the source found"),
    evidenceLevel: evidenceLevelSchema,
    evidenceLevelReason: optionalText(500, "The reason"),
    quote: optionalText(2000, "The source's sentence"),
    beforePeriod: optionalText(100, "The period"),
    afterPeriod: optionalText(100, "The period"),
    sampleSize: sampleSizeSchema,
    sourceCitation: optionalText(2000, "The citation"),
    sourceUrl: urlSchema,
    notes: optionalText(5000, "The notes"),
    notesPublic: flagSchema,
  })
  .superRefine((m, ctx) => {
    const issue = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
    const numbers = [m.before, m.after, m.reportedChange, m.comparisonBefore, m.comparisonAfter].some((v) => v !== null);
    if (!numbers && m.findingDirection === null) {
      issue(
        "before",
        "Enter at least one figure — a before value, an after value or a reported change or estimate — or record a finding in words",
      );
    }
    if (!numbers && m.findingDirection !== null && !m.quote) {
      issue("quote", "A finding in words needs the source's own sentence: copy it here");
    }
    checkDesign(m, issue);
    checkInterval(m, issue);
    if (m.pValue !== null && (m.pValue < 0 || m.pValue > 1)) issue("pValue", "A p-value lies between 0 and 1");
    if (m.evidenceLevel !== null && !m.evidenceLevelReason) {
      issue("evidenceLevelReason", "Say why this figure's evidence level differs from what its design gives");
    }
    if (m.unit === "percent") {
      for (const field of ["before", "after", "comparisonBefore", "comparisonAfter"] as const) {
        const v = m[field];
        if (v !== null && (v < 0 || v > 100)) {
          ctx.addIssue({ code: "custom", path: [field], message: "A percentage must be between 0 and 100" });
        }
      }
      if (
        m.reportedChange !== null &&
        m.reportedChangeBasis !== "percent" &&
        m.reportedChangeBasis !== "unspecified" &&
        Math.abs(m.reportedChange) > 100
      ) {
        ctx.addIssue({ code: "custom", path: ["reportedChange"], message: "A change in percentage points must be between −100 and +100" });
      }
    }
    if (m.reportedChange !== null && m.reportedChangeBasis === "percent" && m.reportedChange < -100) {
      ctx.addIssue({
        code: "custom",
        path: ["reportedChange"],
        message: "A fall of more than 100% is not possible: check the figure or its basis",
      });
    }
    if (m.unit === "rate" && !m.rateBasis) {
      ctx.addIssue({ code: "custom", path: ["rateBasis"], message: "Say what the rate is per, e.g. “per week” or “per 1,000 people”" });
    }
  });

type Issue = (field: string, message: string) => void;
type ParsedMeasure = {
  design: (typeof DESIGNS)[number];
  comparisonKind: string | null;
  comparisonDescription: string | null;
  comparisonBefore: number | null;
  comparisonAfter: number | null;
  target: number | null;
  before: number | null;
  after: number | null;
  reportedChange: number | null;
  findingDirection: string | null;
  ciLower: number | null;
  ciUpper: number | null;
  ciLevel: number | null;
};

/** What each design needs (issue 11): a described comparison group, four DiD figures or a reported estimate, a target. */
function checkDesign(m: ParsedMeasure, issue: Issue) {
  const controlled = m.design === "comparison_group" || m.design === "difference_in_differences";
  if (controlled && m.comparisonKind === null)
    issue("comparisonKind", "Say what the comparison group is: matched, a comparison site, a trend…");
  if (controlled && !m.comparisonDescription) {
    issue(
      "comparisonDescription",
      "Describe the comparison group as the source does, e.g. “people with similar needs in neighbouring areas”",
    );
  }
  if (!controlled && (m.comparisonKind !== null || m.comparisonDescription)) {
    issue(
      "comparisonKind",
      "A comparison group belongs to a comparison-group or difference-in-differences design: choose one, or clear this",
    );
  }
  if (m.comparisonAfter !== null && !controlled) {
    issue("comparisonAfter", "Comparison-group values belong to a comparison-group or difference-in-differences design");
  }
  if (m.comparisonBefore !== null && m.design !== "difference_in_differences") {
    issue("comparisonBefore", "A comparison group's before value belongs to a difference-in-differences design");
  }
  if (m.design === "difference_in_differences" && m.reportedChange === null) {
    const values = [m.before, m.after, m.comparisonBefore, m.comparisonAfter];
    const wordsOnly = values.every((v) => v === null) && m.findingDirection !== null;
    if (!wordsOnly && values.some((v) => v === null)) {
      issue(
        "comparisonBefore",
        "A difference-in-differences needs all four figures (before and after, for the reform and the comparison group) or the estimate the source reports",
      );
    }
  }
  if (m.design === "against_target" && m.target === null && m.reportedChange === null) {
    issue("target", "Enter the target the figure is set against");
  }
}

/** An interval belongs to a reported estimate and contains it (issue 11: lower ≤ estimate ≤ upper). */
function checkInterval(m: ParsedMeasure, issue: Issue) {
  const { ciLower: lo, ciUpper: hi, ciLevel: level } = m;
  if ((lo === null) !== (hi === null)) {
    issue(lo === null ? "ciLower" : "ciUpper", "Enter both ends of the interval, or neither");
    return;
  }
  if (level !== null && lo === null) issue("ciLevel", "A confidence level needs its interval");
  if (level !== null && (level < 50 || level > 99.9)) issue("ciLevel", "The confidence level must be between 50 and 99.9 (usually 95)");
  if (lo === null || hi === null) return;
  if (lo > hi) {
    issue("ciLower", "The lower bound must not be above the upper bound (enter both signed like the estimate: −19 to −5)");
    return;
  }
  if (m.reportedChange === null) {
    issue("reportedChange", "An interval belongs to the estimate the source reports: enter that estimate too");
  } else if (m.reportedChange < lo || m.reportedChange > hi) {
    issue(
      "ciLower",
      "The estimate must lie within its interval: check the bounds and their signs (a fall of 12% with 95% CI 5–19% is −12, −19 to −5)",
    );
  }
}

export type MeasureInput = z.infer<typeof measureInputSchema>;
export type MeasureFormValues = z.input<typeof measureInputSchema>;

/** The figures and evidence fields the domain assesses. */
export function toEvidenceFigures(m: MeasureInput): EvidenceFigures {
  return {
    ...toMeasureFigures(m),
    design: m.design,
    comparisonKind: m.comparisonKind,
    comparisonBefore: m.comparisonBefore,
    comparisonAfter: m.comparisonAfter,
    target: m.target,
    ciLower: m.ciLower,
    ciUpper: m.ciUpper,
    ciLevel: m.ciLevel,
    pValue: m.pValue,
    modelled: m.modelled,
    findingDirection: m.findingDirection,
    evidenceLevel: m.evidenceLevel,
  };
}

export function toMeasureFigures(m: MeasureInput): MeasureFigures {
  return {
    label: m.label,
    unit: m.unit,
    rateBasis: m.rateBasis,
    direction: m.direction,
    before: m.before,
    beforeQualifier: m.beforeQualifier,
    after: m.after,
    afterQualifier: m.afterQualifier,
    reportedChange: m.reportedChange,
    reportedChangeBasis: m.reportedChangeBasis,
    reportedChangeQualifier: m.reportedChangeQualifier,
  };
}

/**
 * Things worth telling the analyst that are not errors: the figure is saved
 * as entered, but the page will treat it specially.
 */
export function measureWarnings(m: MeasureFigures | EvidenceFigures): Array<{ field: string; message: string }> {
  const e: EvidenceFigures = "design" in m ? m : { ...m, ...PLAIN_BEFORE_AFTER };
  const a = assessMeasure(e, { caseEvidenceLevel: 1 });
  const c = a.change.kind === "raw" ? a.change : computeChange(e);
  const warnings: Array<{ field: string; message: string }> = [];
  if (c.zeroBaseline) {
    warnings.push({ field: "before", message: "Before is 0: the relative change is undefined, so the absolute change will be shown" });
  }
  if (a.smallBaseline) {
    warnings.push({
      field: "before",
      message:
        "The baseline is small (under 5, or a rise of over 500%): the page will lead with the absolute change and leave it out of pooled comparisons",
    });
  }
  warnings.push(...a.warnings.filter((w) => w.field !== "ciLower"));
  if (m.reportedChange !== null && m.reportedChangeBasis === "unspecified") {
    warnings.push({
      field: "reportedChangeBasis",
      message: "The source does not say per cent or percentage points: the change will be flagged and not ranked",
    });
  }
  return warnings;
}
