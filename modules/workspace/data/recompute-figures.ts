import "server-only";
import { refreshApproachCards } from "@/modules/compare/data/approach-card-summary";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "./case-content";
import { storeMeasureFigures } from "./measure-figures";

// Rewrites the stored figures of published versions with the domain: after a
// change to the arithmetic, for a database published to before figures were
// stored, or for one measure type whose unit or category changed. Published
// versions stay frozen; measure_figure holds only what is derived from them.

const BATCH = 500;

/** Published versions (live or not) with measures, optionally only those missing figures or with a given type. */
async function versionsToCompute(client: PrismaClient | Tx, opts: { missingOnly?: boolean; typeId?: string }): Promise<string[]> {
  const rows = await client.caseVersion.findMany({
    where: {
      publishedAt: { not: null },
      measures: {
        some: {
          ...(opts.missingOnly ? { figure: { is: null } } : {}),
          ...(opts.typeId ? { measureTypeId: opts.typeId } : {}),
        },
      },
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.id);
}

/** The figures of one measure type's published measures, inside the caller's transaction (the measure-type admin). */
export async function recomputeTypeFiguresTx(tx: Tx, typeId: string): Promise<number> {
  const ids = await versionsToCompute(tx, { typeId });
  let count = 0;
  for (let i = 0; i < ids.length; i += BATCH) count += await storeMeasureFigures(tx, ids.slice(i, i + BATCH), { measureTypeId: typeId });
  // A type's category or unit decides where its figures pool on the approach cards.
  const approaches = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT DISTINCT "approach_id"::text AS id FROM "measure_figure" WHERE "measure_type_id" = ${typeId}::uuid AND "approach_id" IS NOT NULL`;
  await refreshApproachCards(
    tx,
    approaches.map((a) => a.id),
  );
  return count;
}

export async function recomputeFigures(prisma: PrismaClient, opts: { missingOnly?: boolean; typeKey?: string } = {}): Promise<number> {
  let typeId: string | undefined;
  if (opts.typeKey) {
    const type = await prisma.measureType.findUnique({ where: { key: opts.typeKey }, select: { id: true } });
    if (!type) throw new Error(`No measure type with the key "${opts.typeKey}"`);
    typeId = type.id;
  }
  const ids = await versionsToCompute(prisma, { missingOnly: opts.missingOnly, typeId });
  let count = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    count += await prisma.$transaction((tx) => storeMeasureFigures(tx, batch, { measureTypeId: typeId }), { timeout: 120_000 });
  }
  await prisma.$transaction((tx) => refreshApproachCards(tx, "all"), { timeout: 120_000 });
  return count;
}
