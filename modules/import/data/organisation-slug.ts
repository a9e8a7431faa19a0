import "server-only";
import { db } from "@/lib/db";

/** The slug an import file must name for this organisation (shown on the import page, filled into the template). */
export async function getOrganisationSlug(organisationId: string | null): Promise<string | null> {
  if (!organisationId) return null;
  const org = await db().organisation.findUnique({ where: { id: organisationId }, select: { slug: true } });
  return org?.slug ?? null;
}
