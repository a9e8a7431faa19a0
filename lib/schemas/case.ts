import { z } from "zod";
import { checkPlausibleDate } from "@/lib/domain/plausible-date";
import { findDuplicateMeasures } from "@/lib/domain/duplicate-measures";
import { textSchema } from "@/lib/schemas/text";
import { slugSchema } from "./slug";
import { measureInputSchema } from "./measure";

// A case study as entered in the editor, a CSV import or the API.

export const SECTORS = [
  "health",
  "social_care",
  "health_and_social_care",
  "local_government",
  "housing",
  "policing",
  "education",
  "welfare",
  "other",
] as const;
export const REFORM_SHIFTS = ["hospital_to_community", "analogue_to_digital", "sickness_to_prevention"] as const;
export const MAX_MEASURES = 200;

const optionalText = (max: number, what: string) =>
  textSchema()
    .trim()
    .max(max, `${what} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => (v ? v : null));

const isoDateSchema = textSchema()
  .trim()
  .optional()
  .transform((v) => (v ? v : null))
  .refine(
    (v) =>
      v === null ||
      (/^\d{4}-\d{2}-\d{2}$/.test(v) &&
        !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
        new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)),
    "Enter a real date as YYYY-MM-DD, e.g. 2024-03-01",
  )
  .superRefine((v, ctx) => {
    const implausible = v === null ? null : checkPlausibleDate(v, "The intervention date");
    if (implausible) ctx.addIssue({ code: "custom", message: implausible });
  });

export const caseFieldsSchema = z.object({
  title: textSchema().trim().min(1, "Enter a title").max(200, "The title must be 200 characters or fewer"),
  slug: slugSchema,
  summary: textSchema().max(20_000, "The summary must be 20,000 characters or fewer").default(""),
  organisationId: z.uuid({ message: "Choose an organisation" }),
  sector: z.enum(SECTORS, { message: "Choose a sector" }),
  approachKey: optionalText(80, "The approach"),
  reformShifts: z.array(z.enum(REFORM_SHIFTS)).default([]),
  interventionDate: isoDateSchema,
  baselinePeriod: optionalText(100, "The baseline period"),
  followUpPeriod: optionalText(100, "The follow-up period"),
  sourceCitation: textSchema()
    .trim()
    .min(1, "Enter the source: who reported these figures, where and when")
    .max(2000, "The citation must be 2,000 characters or fewer"),
  sourceUrl: textSchema()
    .trim()
    .max(2000, "The web address must be 2,000 characters or fewer")
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), "Enter a full web address starting with https:// or http://"),
  reportingOrganisation: optionalText(200, "The reporting organisation"),
  country: optionalText(80, "The country"),
  evidenceLevel: z.preprocess(
    (v) => (typeof v === "string" && /^\s*\d{1,2}\s*$/.test(v) ? Number(v) : v),
    z
      .number({ message: "Choose an evidence level from 1 to 5" })
      .int("Choose an evidence level from 1 to 5")
      .min(1, "Choose an evidence level from 1 to 5")
      .max(5, "Choose an evidence level from 1 to 5"),
  ),
});

/** A case's content as stored: what a conflict's base copy is read with (no rule across measures). */
export const caseContentSchema = caseFieldsSchema.extend({
  measures: z.array(measureInputSchema).max(MAX_MEASURES, `A case can have at most ${MAX_MEASURES} measures`).default([]),
});

export const caseInputSchema = caseContentSchema.superRefine((c, ctx) => {
  for (const d of findDuplicateMeasures(c.measures)) {
    ctx.addIssue({
      code: "custom",
      path: ["measures", d.index, "label"],
      message: `This repeats measure ${d.firstIndex + 1} (the same name and figures): remove the repeat, or give it what tells it apart (its source or period)`,
    });
  }
});

export type CaseInput = z.infer<typeof caseInputSchema>;
export type CaseFormValues = z.input<typeof caseInputSchema>;

/** "Integrated Health & Social Care (Leeds)" → "integrated-health-social-care-leeds" */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120)
    .replace(/-+$/g, "");
}

export const changeNoteSchema = textSchema()
  .trim()
  .min(1, "Say briefly what changed in this version, e.g. “Corrected the referrals figure”")
  .max(500, "Keep the note to 500 characters or fewer");
