import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/modules/workspace/data/audit";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CreateOrganisationInput } from "@/lib/schemas/organisation";

export interface OrganisationOption {
  id: string;
  name: string;
}

export interface OrganisationRow extends OrganisationOption {
  slug: string;
  userCount: number;
  caseCount: number;
}

export async function listOrganisationOptions(): Promise<OrganisationOption[]> {
  return db().organisation.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export async function listOrganisationsForAdmin(): Promise<OrganisationRow[]> {
  const rows = await db().organisation.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true, _count: { select: { users: true, cases: true } } },
  });
  return rows.map((o) => ({ id: o.id, name: o.name, slug: o.slug, userCount: o._count.users, caseCount: o._count.cases }));
}

export type CreateOrganisationResult = { ok: true; id: string } | { ok: false; field: "slug"; message: string };

/** Creates an organisation and its audit row in one transaction. */
export async function createOrganisation(actorId: string, input: CreateOrganisationInput): Promise<CreateOrganisationResult> {
  try {
    return await db().$transaction(async (tx) => {
      const org = await tx.organisation.create({ data: input, select: { id: true } });
      await recordAudit(tx, {
        actorId,
        action: "create",
        entityType: "organisation",
        entityId: org.id,
        changes: [
          { field: "name", from: null, to: input.name },
          { field: "slug", from: null, to: input.slug },
        ],
      });
      return { ok: true as const, id: org.id };
    });
  } catch (error) {
    // The unique index decides, so two admins creating the same slug at once cannot both win.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, field: "slug", message: "Another organisation already uses this short name" };
    }
    throw error;
  }
}
