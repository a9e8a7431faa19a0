// Seeds the reference data (approaches, measure-type library) and the demo
// cases. Safe to run again: reference data is upserted by key and a case whose
// slug already exists is left exactly as it is (never seeded over).
//   npx tsx prisma/seed.ts             seed, keeping whatever exists
//   npx tsx prisma/seed.ts --if-empty  seed only a database with no case studies
//   … --demo-users                     also add the demo accounts (embedded demo mode only)
import { createPrismaClient } from "@/lib/prisma-client";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { caseInputSchema, type CaseInput } from "@/lib/schemas/case";
import { writeDraftContent } from "@/modules/workspace/data/case-content";
import { publishVersionsTx } from "@/modules/workspace/data/case-drafts";
import { approaches, exampleCases, measureTypes, referenceCase, type SeedCase } from "./seed-data";
import { realCaseLibrary } from "./seed-real-cases";
import { seedDemoUsers } from "./seed-users";
import { insertSeedSeries, withExampleSeries } from "./seed-series";

type Tx = Prisma.TransactionClient;

async function upsertReferenceData(tx: Tx) {
  for (const a of approaches) {
    // Definitions and sources follow the library; an approach's key never changes.
    const { key, ...fields } = a;
    await tx.approach.upsert({ where: { key }, update: fields, create: a });
  }
  for (const t of measureTypes) {
    await tx.measureType.upsert({ where: { key: t.key }, update: {}, create: t });
  }
}

/** The seed case as the editor would submit it, checked by the same schema (a bad seed figure fails loudly). */
function toCaseInput(c: SeedCase, organisationId: string): CaseInput {
  const parsed = caseInputSchema.safeParse({
    title: c.title,
    slug: c.slug,
    summary: c.summary,
    organisationId,
    sector: c.sector,
    approachKey: c.approachKey,
    reformShifts: c.reformShifts,
    interventionDate: c.interventionDate,
    baselinePeriod: c.baselinePeriod,
    followUpPeriod: c.followUpPeriod,
    sourceCitation: c.sourceCitation,
    sourceUrl: c.sourceUrl,
    reportingOrganisation: c.reportingOrganisation,
    country: c.country,
    evidenceLevel: c.evidenceLevel,
    measures: c.measures.map(({ typeKey, series, ...m }) => {
      void series;
      return { ...m, measureTypeKey: typeKey };
    }),
  });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`Seed case ${c.slug}: ${first?.path.join(".")}: ${first?.message}`);
  }
  return parsed.data;
}

/**
 * Writes a seed case as the workspace does: a draft through the one measure
 * write path (writeDraftContent), its series, then publishVersionsTx, which
 * computes and stores the published figures and freezes the version.
 */
async function createPublishedCase(tx: Tx, c: SeedCase) {
  const organisation = await tx.organisation.upsert({
    where: { slug: c.organisation.slug },
    update: {},
    create: c.organisation,
  });
  const input = toCaseInput(c, organisation.id);
  const caseStudy = await tx.caseStudy.create({
    data: { slug: c.slug, organisationId: organisation.id, isExample: c.isExample },
  });
  const version = await tx.caseVersion.create({
    data: { caseStudyId: caseStudy.id, title: input.title, sector: input.sector, sourceCitation: input.sourceCitation },
  });
  await writeDraftContent(tx, version.id, input);
  await insertSeedSeries(tx, version.id, c.measures);
  await publishVersionsTx(tx, [{ caseId: caseStudy.id, versionId: version.id, number: 1, changeNote: null, actorId: null }]);
}

export async function seed(prisma: PrismaClient, { ifEmpty = false, realCases = true } = {}): Promise<string[]> {
  if (ifEmpty && (await prisma.caseStudy.count()) > 0) return [];
  return prisma.$transaction(
    async (tx) => {
      // Seeds running at once (test files sharing a database) take turns, so the later
      // one finds the earlier one's rows and skips them instead of colliding on them.
      await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(72740301)) AS l`;
      await upsertReferenceData(tx);
      const created: string[] = [];
      for (const c of withExampleSeries([referenceCase, ...exampleCases, ...(realCases ? realCaseLibrary : [])])) {
        if (await tx.caseStudy.findUnique({ where: { slug: c.slug }, select: { id: true } })) continue;
        await createPublishedCase(tx, c);
        created.push(c.slug);
      }
      return created;
    },
    { timeout: 30_000 },
  );
}

async function main() {
  const ifEmpty = process.argv.includes("--if-empty");
  const prisma = createPrismaClient();
  try {
    const created = await seed(prisma, { ifEmpty });
    if (created.length === 0) {
      console.log(ifEmpty ? "Database already has case studies: demo data not seeded." : "Demo data already present: nothing to add.");
    } else {
      console.log(`Seeded ${created.length} case studies: ${created.join(", ")}`);
    }
    // Embedded demo mode only (scripts/start.mjs): the demo passwords are public.
    if (process.argv.includes("--demo-users")) {
      const users = await seedDemoUsers(prisma);
      if (users.length > 0) console.log(`Seeded demo accounts: ${users.join(", ")}`);
    }
  } finally {
    await prisma.$disconnect();
  }
}

// Run only as a script, not when imported by tests.
if (process.argv[1]?.endsWith("seed.ts")) {
  main().catch((error: unknown) => {
    console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
