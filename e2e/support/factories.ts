// Test data factories: each test makes its own cases with unique slugs, so
// tests run in parallel and in any order against the same database.
import { randomUUID } from "node:crypto";
import { createPrismaClient } from "../../lib/prisma-client";

export function uniqueSlug(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** A case that exists only as a draft: it must never be visible publicly. */
export async function createDraftCase(slug: string) {
  const prisma = createPrismaClient();
  try {
    const org = await prisma.organisation.upsert({
      where: { slug: "e2e-test-organisation" },
      update: {},
      create: { slug: "e2e-test-organisation", name: "E2E test organisation" },
    });
    const caseStudy = await prisma.caseStudy.create({ data: { slug, organisationId: org.id } });
    const version = await prisma.caseVersion.create({
      data: {
        caseStudyId: caseStudy.id,
        title: `Draft ${slug}`,
        sector: "health",
        sourceCitation: "E2E test",
        measures: { create: [{ label: "Referrals", unit: "count", direction: "lower_is_better", beforeValue: 10, afterValue: 5 }] },
      },
    });
    await prisma.caseStudy.update({ where: { id: caseStudy.id }, data: { draftVersionId: version.id } });
  } finally {
    await prisma.$disconnect();
  }
}
