import { z } from "zod";
import { textSchema } from "@/lib/schemas/text";
import { slugify } from "./case";

// An approach proposed for the library (issue 16): a name, a one-paragraph
// definition in the analyst's own words and a source that describes it.

export const proposeApproachSchema = z.object({
  name: textSchema().trim().min(3, "Enter the approach's name").max(120, "The name must be 120 characters or fewer"),
  description: textSchema()
    .trim()
    .min(80, "Define the approach in a short paragraph (at least 80 characters): what it changes and how")
    .max(2000, "Keep the definition to 2,000 characters or fewer"),
  sourceCitation: textSchema()
    .trim()
    .min(3, "Name a source that describes the approach")
    .max(500, "The citation must be 500 characters or fewer"),
  sourceUrl: textSchema()
    .trim()
    .max(2000, "The web address must be 2,000 characters or fewer")
    .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), "Enter the source's full web address, starting with https://"),
});
export type ProposeApproachInput = z.infer<typeof proposeApproachSchema>;

export const decideApproachSchema = z.object({
  key: textSchema()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Unknown approach"),
  decision: z.enum(["accept", "reject"], { message: "Choose accept or reject" }),
});

/** The key an approach's name gets: "Community Led Support" → "community-led-support". */
export function approachKey(name: string): string {
  return slugify(name).slice(0, 80).replace(/-+$/, "");
}
