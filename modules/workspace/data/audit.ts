import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FieldChange } from "@/lib/domain/case-diff";

// The audit trail. recordAudit takes the caller's transaction client, so the
// event commits or rolls back together with the change it describes.

export interface AuditInput {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  caseStudyId?: string | null;
  changes: FieldChange[];
  note?: string | null;
  /** The client's address, for account events (sign-ins, password changes). */
  ipAddress?: string | null;
}

export async function recordAudit(tx: Prisma.TransactionClient, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      caseStudyId: event.caseStudyId ?? null,
      changes: event.changes as unknown as Prisma.InputJsonValue,
      note: event.note ?? null,
      ipAddress: event.ipAddress ?? null,
    },
  });
}

export interface AuditEntry {
  id: string;
  occurredAt: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  caseSlug: string | null;
  changes: FieldChange[];
  note: string | null;
  ipAddress: string | null;
}

const entrySelect = {
  id: true,
  occurredAt: true,
  action: true,
  entityType: true,
  entityId: true,
  changes: true,
  note: true,
  ipAddress: true,
  actor: { select: { name: true, email: true } },
  caseStudy: { select: { slug: true } },
} satisfies Prisma.AuditEventSelect;

function toEntry(e: Prisma.AuditEventGetPayload<{ select: typeof entrySelect }>): AuditEntry {
  return {
    id: e.id.toString(),
    occurredAt: e.occurredAt.toISOString(),
    actor: e.actor ? `${e.actor.name} (${e.actor.email})` : "system",
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    caseSlug: e.caseStudy?.slug ?? null,
    changes: Array.isArray(e.changes) ? (e.changes as unknown as FieldChange[]) : [],
    note: e.note,
    ipAddress: e.ipAddress,
  };
}

/** A case's history, newest first. The caller has checked the reader may see the case. */
export async function listCaseHistory(caseStudyId: string): Promise<AuditEntry[]> {
  const rows = await db().auditEvent.findMany({
    where: { caseStudyId },
    orderBy: { id: "desc" },
    take: 500,
    select: entrySelect,
  });
  return rows.map(toEntry);
}

/** The admin-wide log, newest first, a page at a time. */
export async function listAuditLog(page: number, pageSize = 50): Promise<{ entries: AuditEntry[]; hasMore: boolean }> {
  const rows = await db().auditEvent.findMany({
    orderBy: { id: "desc" },
    skip: (page - 1) * pageSize,
    take: pageSize + 1,
    select: entrySelect,
  });
  return { entries: rows.slice(0, pageSize).map(toEntry), hasMore: rows.length > pageSize };
}
