// Seeds the reference data (approaches, measure-type library) and the demo
// cases. Safe to run again: reference data is upserted by key and a case whose
// slug already exists is left exactly as it is (never seeded over).
//   npx tsx prisma/seed.ts             seed, keeping whatever exists
//   npx tsx prisma/seed.ts --if-empty  seed only a database with no case studies
//   … --demo-users                     also add the demo accounts (embedded demo mode only)
import { createPrismaClient } from "@/lib/prisma-client";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { approaches, exampleCases, measureTypes, referenceCase, type SeedCase } from "./seed-data";
import { seedDemoUsers } from "./seed-users";
import { insertSeedSeries, withExampleSeries } from "./seed-series";

type Tx = Prisma.TransactionClient;

async function upsertReferenceData(tx: Tx) {
  for (const a of approaches) {
    await tx.approach.upsert({ where: { key: a.key }, update: {}, create: a });
  }
  for (const t of measureTypes) {
    await tx.measureType.upsert({ where: { key: t.key }, update: {}, create: t });
  }
}

// Published versions are frozen by a database trigger, so the version is
// written as a draft with its measures first and only then stamped as version 1.
async function createPublishedCase(tx: Tx, c: SeedCase) {
  const organisation = await tx.organisation.upsert({
    where: { slug: c.organisation.slug },
    update: {},
    create: c.organisation,
  });
  const approach = await tx.approach.findUniqueOrThrow({ where: { key: c.approachKey } });
  const types = new Map((await tx.measureType.findMany({ select: { id: true, key: true } })).map((t) => [t.key, t.id]));

  const caseStudy = await tx.caseStudy.create({
    data: { slug: c.slug, organisationId: organisation.id, isExample: c.isExample },
  });
  const version = await tx.caseVersion.create({
    data: {
      caseStudyId: caseStudy.id,
      title: c.title,
      summary: c.summary,
      sector: c.sector,
      approachId: approach.id,
      reformShifts: c.reformShifts,
      interventionDate: c.interventionDate ? new Date(c.interventionDate) : null,
      baselinePeriod: c.baselinePeriod ?? null,
      followUpPeriod: c.followUpPeriod ?? null,
      sourceCitation: c.sourceCitation,
      sourceUrl: c.sourceUrl ?? null,
      evidenceLevel: c.evidenceLevel,
      measures: {
        create: c.measures.map((m, position) => ({
          position,
          measureTypeId: m.typeKey ? (types.get(m.typeKey) ?? null) : null,
          label: m.label,
          unit: m.unit,
          direction: m.direction,
          rateBasis: m.rateBasis ?? null,
          beforeValue: m.before ?? null,
          beforeQualifier: m.beforeQualifier ?? "exact",
          beforeWording: m.beforeWording ?? null,
          afterValue: m.after ?? null,
          afterQualifier: m.afterQualifier ?? "exact",
          afterWording: m.afterWording ?? null,
          reportedChange: m.reportedChange ?? null,
          reportedChangeBasis: m.reportedChangeBasis ?? "percent",
          reportedChangeQualifier: m.reportedChangeQualifier ?? "exact",
          reportedChangeWording: m.reportedChangeWording ?? null,
          sampleSize: m.sampleSize ?? null,
          beforePeriod: m.beforePeriod ?? null,
          afterPeriod: m.afterPeriod ?? null,
          notes: m.notes ?? null,
        })),
      },
    },
  });
  await insertSeedSeries(tx, version.id, c.measures, c.interventionDate ?? null);
  await tx.caseVersion.update({
    where: { id: version.id },
    data: { number: 1, publishedAt: new Date(), changeNote: "First published version" },
  });
  await tx.caseStudy.update({
    where: { id: caseStudy.id },
    data: { status: "published", publishedVersionId: version.id },
  });
}

export async function seed(prisma: PrismaClient, { ifEmpty = false } = {}): Promise<string[]> {
  if (ifEmpty && (await prisma.caseStudy.count()) > 0) return [];
  return prisma.$transaction(
    async (tx) => {
      await upsertReferenceData(tx);
      const created: string[] = [];
      for (const c of withExampleSeries([referenceCase, ...exampleCases])) {
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
