import { z } from "zod";
import { textSchema } from "@/lib/schemas/text";
import { SLUG_PATTERN } from "@/lib/schemas/slug";

// An organisation that owns cases and users (admin pages).
export const createOrganisationSchema = z.object({
  name: textSchema({ error: "Enter the organisation's name" })
    .trim()
    .min(1, "Enter the organisation's name")
    .max(200, "A name is at most 200 characters"),
  slug: textSchema({ error: "Enter a short name for addresses" })
    .trim()
    .min(1, "Enter a short name for addresses, e.g. leeds-city-council")
    .max(80, "The short name must be 80 characters or fewer")
    .regex(SLUG_PATTERN, "Use lower-case letters, numbers and single hyphens only, e.g. leeds-city-council"),
});
export type CreateOrganisationInput = z.output<typeof createOrganisationSchema>;
