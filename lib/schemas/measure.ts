import { z } from "zod";
import { computeChange } from "@/lib/domain/change";
import type { MeasureFigures } from "@/lib/domain/measure-types";

// One measure as entered in the editor, a CSV row or the API. The messages are
// written for an analyst, not a developer. The database repeats the key rules
// as CHECK constraints, so a bug here cannot store an impossible figure.

export const MEASURE_UNITS = ["count", "hours", "days", "money", "percent", "rate", "ratio", "score"] as const;
export const DIRECTIONS = ["lower_is_better", "higher_is_better", "neutral"] as const;
export const QUALIFIERS = ["exact", "about", "at_least", "at_most"] as const;
export const CHANGE_BASES = ["percent", "percentage_points", "unspecified"] as const;

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => (v ? v : null));

/**
 * A figure typed by a person: "1,240", "46.5", " -64 " or blank. Thousands
 * separators are accepted; units and words are not (they belong in the wording).
 */
export const figureSchema = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value, ctx) => {
    if (value === null || value === undefined) return null;
    if (typeof value === "number") return value;
    const text = value
      .trim()
      .replace(/,/g, "")
      .replace(/^\u2212/, "-");
    if (text === "") return null;
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) {
      ctx.addIssue({
        code: "custom",
        message: "Enter a number, like 1240 or 46.5 (put words such as “over” or “£” in the qualifier and wording)",
      });
      return z.NEVER;
    }
    return Number(text);
  })
  .refine((n) => n === null || Number.isFinite(n), "Enter a number that is not too large")
  .refine((n) => n === null || Math.abs(n) < 1e14, "That number is too large to store");

const sampleSizeSchema = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value, ctx) => {
    if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return null;
    const n = typeof value === "number" ? value : Number(value.trim().replace(/,/g, ""));
    if (!Number.isInteger(n) || n <= 0) {
      ctx.addIssue({ code: "custom", message: "The sample size must be a whole number greater than 0" });
      return z.NEVER;
    }
    if (n > 2_147_483_647) {
      ctx.addIssue({ code: "custom", message: "The sample size is too large to store: check the figure" });
      return z.NEVER;
    }
    return n;
  });

const urlSchema = z
  .string()
  .trim()
  .max(2000, "The web address must be 2,000 characters or fewer")
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), "Enter a full web address starting with https:// or http://");

export const measureInputSchema = z
  .object({
    id: z
      .uuid()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    measureTypeKey: optionalText(80, "The measure type"),
    label: z.string().trim().min(1, "Enter the name of the measure").max(200, "The name must be 200 characters or fewer"),
    unit: z.enum(MEASURE_UNITS, { message: "Choose a unit" }),
    rateBasis: optionalText(80, "The rate basis"),
    denominator: optionalText(200, "The denominator"),
    direction: z.enum(DIRECTIONS, { message: "Say whether lower or higher is better" }),
    before: figureSchema,
    beforeQualifier: z.enum(QUALIFIERS).default("exact"),
    beforeWording: optionalText(500, "The source's wording"),
    after: figureSchema,
    afterQualifier: z.enum(QUALIFIERS).default("exact"),
    afterWording: optionalText(500, "The source's wording"),
    reportedChange: figureSchema,
    reportedChangeBasis: z.enum(CHANGE_BASES).default("percent"),
    reportedChangeQualifier: z.enum(QUALIFIERS).default("exact"),
    reportedChangeWording: optionalText(500, "The source's wording"),
    beforePeriod: optionalText(100, "The period"),
    afterPeriod: optionalText(100, "The period"),
    sampleSize: sampleSizeSchema,
    sourceCitation: optionalText(2000, "The citation"),
    sourceUrl: urlSchema,
    notes: optionalText(5000, "The notes"),
  })
  .superRefine((m, ctx) => {
    if (m.before === null && m.after === null && m.reportedChange === null) {
      ctx.addIssue({
        code: "custom",
        path: ["before"],
        message: "Enter at least one figure: a before value, an after value or a reported change",
      });
    }
    if (m.unit === "percent") {
      for (const field of ["before", "after"] as const) {
        const v = m[field];
        if (v !== null && (v < 0 || v > 100)) {
          ctx.addIssue({ code: "custom", path: [field], message: "A percentage must be between 0 and 100" });
        }
      }
      if (m.reportedChange !== null && m.reportedChangeBasis === "percentage_points" && Math.abs(m.reportedChange) > 100) {
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

export type MeasureInput = z.infer<typeof measureInputSchema>;
export type MeasureFormValues = z.input<typeof measureInputSchema>;

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
export function measureWarnings(m: MeasureFigures): Array<{ field: string; message: string }> {
  const c = computeChange(m);
  const warnings: Array<{ field: string; message: string }> = [];
  if (c.zeroBaseline) {
    warnings.push({ field: "before", message: "Before is 0: the relative change is undefined, so the absolute change will be shown" });
  }
  if (c.mismatch) warnings.push({ field: "reportedChange", message: c.mismatch.message });
  if (m.reportedChange !== null && m.reportedChangeBasis === "unspecified") {
    warnings.push({
      field: "reportedChangeBasis",
      message: "The source does not say per cent or percentage points: the change will be flagged and not ranked",
    });
  }
  return warnings;
}
