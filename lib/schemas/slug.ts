import { textSchema } from "@/lib/schemas/text";

// A case's address: lower-case words joined by single hyphens. The database
// enforces the same pattern with a CHECK constraint.
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slugSchema = textSchema()
  .trim()
  .min(1, "Enter a web address (slug) for the case")
  .max(120, "The slug must be 120 characters or fewer")
  .regex(SLUG_PATTERN, "Use lower-case letters, numbers and single hyphens only, e.g. integrated-care-leeds");

/** A slug from a URL, or null when it cannot be one (the page then 404s without querying). */
export function parseSlug(value: string): string | null {
  const parsed = slugSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

// "3" only: "03", "3.0" or "+3" are not the address of version (or series) 3.
const positionPattern = textSchema()
  .regex(/^[1-9][0-9]{0,5}$/)
  .transform(Number);

/** A version or series number from a URL ("/v/3", "/series/2"), or null when it cannot be one. */
export function parseUrlNumber(value: string): number | null {
  const parsed = positionPattern.safeParse(value);
  return parsed.success ? parsed.data : null;
}
