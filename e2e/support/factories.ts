// Test data factories: each test makes its own cases with unique slugs, so
// tests run in parallel and in any order against the same database.
import { randomUUID } from "node:crypto";
import { createPrismaClient } from "../../lib/prisma-client";
import { storeMeasureFigures } from "../../modules/workspace/data/measure-figures";

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

export interface PublishedCaseOptions {
  title?: string;
  organisation?: string;
  /** Published versions to create, oldest first; each is frozen once published. */
  versions?: Array<{ changeNote: string; measures?: MeasureSeed[] }>;
  /** Leave a working draft (no version number) after the published versions. */
  withDraft?: boolean;
  sector?: "health" | "housing" | "social_care";
  /** ISO date; the phase change of every series. */
  interventionDate?: string;
}

export interface MeasureSeed {
  label: string;
  unit: "count" | "percent" | "hours";
  direction: "lower_is_better" | "higher_is_better";
  beforeValue?: number;
  afterValue?: number;
  reportedChange?: number;
  /** Observations (ISO date, value) for an SPC chart. */
  series?: Array<{ date: string; value: number }>;
  /** SPC settings and frequency of the series (issues 16 and 18). */
  spcScreenOutliers?: boolean;
  spcFixAfterPoints?: number;
  seriesFrequency?: "daily" | "weekly" | "monthly" | "quarterly" | "yearly" | "irregular";
  /** A key of the measure-type library (the explorer lists measures by type). */
  measureTypeKey?: string;
}

const DEFAULT_MEASURES: MeasureSeed[] = [
  { label: "Referrals", unit: "count", direction: "lower_is_better", beforeValue: 200, afterValue: 150 },
  { label: "Time with people", unit: "percent", direction: "higher_is_better", beforeValue: 40, afterValue: 55 },
];

/**
 * A published case written straight through Prisma, the way the workspace
 * publishes: each version is written as a draft with its measures, its
 * figures are stored (storeMeasureFigures, as publishVersionsTx does), then it
 * is stamped with its number (published versions are frozen by a trigger).
 */
export async function createPublishedCase(slug: string, options: PublishedCaseOptions = {}) {
  const prisma = createPrismaClient();
  const versions = options.versions ?? [{ changeNote: "First published version" }];
  try {
    const orgSlug = `e2e-org-${slug}`.slice(0, 60);
    const org = await prisma.organisation.create({ data: { slug: orgSlug, name: options.organisation ?? `E2E organisation ${slug}` } });
    const caseStudy = await prisma.caseStudy.create({ data: { slug, organisationId: org.id } });
    let liveId: string | null = null;
    for (const [i, v] of versions.entries()) {
      const version = await prisma.caseVersion.create({
        data: {
          caseStudyId: caseStudy.id,
          title: options.title ?? `Published ${slug}`,
          summary: `Test case ${slug}, version ${i + 1}.`,
          sector: options.sector ?? "health",
          sourceCitation: "E2E test source",
          interventionDate: options.interventionDate ? new Date(options.interventionDate) : null,
          measures: {
            create: (v.measures ?? DEFAULT_MEASURES).map(({ series, measureTypeKey, ...m }, position) => ({
              position,
              ...m,
              ...(measureTypeKey ? { measureType: { connect: { key: measureTypeKey } } } : {}),
              observations: series ? { create: series.map((o) => ({ date: new Date(o.date), value: o.value })) } : undefined,
            })),
          },
        },
      });
      // As publishing does: the figures computed by the domain and stored, then the version stamped.
      await storeMeasureFigures(prisma, [version.id]);
      // Distinct, increasing publication times so "newest" ordering is stable.
      await prisma.caseVersion.update({
        where: { id: version.id },
        data: { number: i + 1, publishedAt: new Date(Date.UTC(2026, 2, 10 + i)), changeNote: v.changeNote },
      });
      liveId = version.id;
    }
    let draftId: string | null = null;
    if (options.withDraft) {
      const draft = await prisma.caseVersion.create({
        data: { caseStudyId: caseStudy.id, title: `Draft of ${slug}`, sector: "health", sourceCitation: "E2E test source" },
      });
      draftId = draft.id;
    }
    await prisma.caseStudy.update({
      where: { id: caseStudy.id },
      data: { status: "published", publishedVersionId: liveId, draftVersionId: draftId },
    });
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * Withdraws a case as the workspace's unpublish does (modules/workspace/data/case-drafts.ts
 * changeCaseStatus): status back to draft; the versions and even the
 * published-version pointer stay, so the public side must go by status.
 */
export async function unpublishCase(slug: string) {
  const prisma = createPrismaClient();
  try {
    await prisma.caseStudy.update({ where: { slug }, data: { status: "draft" } });
  } finally {
    await prisma.$disconnect();
  }
}
