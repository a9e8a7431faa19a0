import "server-only";
import { db } from "@/lib/db";

// Saved /compare views, shared within the organisation that saved them.

export interface SavedComparisonItem {
  id: string;
  name: string;
  caseSlugs: string[];
  createdAt: string;
  createdBy: string | null;
}

export async function listSavedComparisons(organisationId: string, limit = 100): Promise<SavedComparisonItem[]> {
  const rows = await db().savedComparison.findMany({
    where: { organisationId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, name: true, caseSlugs: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    caseSlugs: r.caseSlugs,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy?.name ?? null,
  }));
}

export async function createSavedComparison(input: {
  name: string;
  caseSlugs: string[];
  organisationId: string;
  createdById: string;
}): Promise<string> {
  const row = await db().savedComparison.create({ data: input, select: { id: true } });
  return row.id;
}

/** Deletes only within the organisation: returns false when there was nothing of theirs to delete. */
export async function deleteSavedComparison(id: string, organisationId: string): Promise<boolean> {
  const { count } = await db().savedComparison.deleteMany({ where: { id, organisationId } });
  return count > 0;
}
