import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/permissions";
import { approachKey, type ProposeApproachInput } from "@/lib/schemas/approach";
import { recordAudit } from "@/modules/workspace/data/audit";

// The approach library's own writes: an analyst proposes an approach; an admin
// accepts it (then it is offered in the editor and shown on /approaches) or
// rejects it (it is removed). Each write records its audit event in the same
// transaction.

export interface ApproachEntry {
  key: string;
  name: string;
  description: string;
  sourceCitation: string | null;
  sourceUrl: string | null;
  status: "accepted" | "proposed";
  proposedBy: string | null;
  cases: number;
}

export type ApproachWrite = { ok: true; key: string } | { ok: false; field: string; message: string };

export async function listApproachLibrary(status?: "accepted" | "proposed"): Promise<ApproachEntry[]> {
  const rows = await db().approach.findMany({
    where: status ? { status } : {},
    orderBy: [{ status: "desc" }, { name: "asc" }],
    select: {
      key: true,
      name: true,
      description: true,
      sourceCitation: true,
      sourceUrl: true,
      status: true,
      proposedBy: { select: { name: true } },
      _count: { select: { versions: true } },
    },
  });
  return rows.map(({ proposedBy, _count, ...r }) => ({ ...r, proposedBy: proposedBy?.name ?? null, cases: _count.versions }));
}

export async function proposeApproach(actor: CurrentUser, input: ProposeApproachInput): Promise<ApproachWrite> {
  const key = approachKey(input.name);
  if (!key) return { ok: false, field: "name", message: "The name needs letters or numbers" };
  try {
    return await db().$transaction(async (tx) => {
      const clash = await tx.approach.findFirst({
        where: { OR: [{ key }, { name: { equals: input.name, mode: "insensitive" } }] },
        select: { status: true },
      });
      if (clash) {
        const message =
          clash.status === "accepted"
            ? "The library already has this approach: choose it in the editor"
            : "This approach has already been proposed";
        return { ok: false as const, field: "name", message };
      }
      await tx.approach.create({ data: { key, ...input, status: "proposed", proposedById: actor.id } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "propose",
        entityType: "approach",
        entityId: key,
        changes: [{ field: "name", from: null, to: input.name }],
      });
      return { ok: true as const, key };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, field: "name", message: "This approach has already been proposed" };
    }
    throw error;
  }
}

/** Accept a proposal into the library, or reject (remove) it. An accepted approach is never removed here. */
export async function decideApproach(actor: CurrentUser, key: string, decision: "accept" | "reject"): Promise<ApproachWrite> {
  return db().$transaction(async (tx) => {
    const approach = await tx.approach.findUnique({ where: { key }, select: { id: true, status: true, name: true } });
    if (!approach || approach.status !== "proposed") return { ok: false as const, field: "_form", message: "There is no such proposal" };
    if (decision === "accept") {
      await tx.approach.update({ where: { id: approach.id }, data: { status: "accepted" } });
    } else {
      await tx.approach.delete({ where: { id: approach.id } });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: decision === "accept" ? "accept" : "reject",
      entityType: "approach",
      entityId: key,
      changes: [{ field: "status", from: "proposed", to: decision === "accept" ? "accepted" : "rejected" }],
    });
    return { ok: true as const, key };
  });
}
