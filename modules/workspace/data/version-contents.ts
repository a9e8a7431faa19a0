import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseContent, Tx } from "./case-content";
import { fromMeasureRow, measureFieldsSelect } from "./measure-fields";

export { measureFieldsSelect };

// readVersionContent for many versions in one query. The CSV import compares
// hundreds of existing cases with the file, and the export writes every case a
// user may see; one query each took ~35 ms per case on this machine. The shape
// is exactly readVersionContent's (case-content.ts), which the import's
// round-trip test checks: an identical re-import must find no difference.

/** A version's own fields (title, context, source), shared by every reader of versions. */
export const versionFieldsSelect = {
  title: true,
  summary: true,
  sector: true,
  reformShifts: true,
  interventionDate: true,
  baselinePeriod: true,
  followUpPeriod: true,
  sourceCitation: true,
  sourceUrl: true,
  evidenceLevel: true,
  reportingOrganisation: true,
  country: true,
} satisfies Prisma.CaseVersionSelect;

const contentSelect = {
  id: true,
  ...versionFieldsSelect,
  approach: { select: { key: true } },
  caseStudy: { select: { slug: true, organisationId: true } },
  measures: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      ...measureFieldsSelect,
      measureType: { select: { key: true } },
    },
  },
} satisfies Prisma.CaseVersionSelect;

type VersionRow = Prisma.CaseVersionGetPayload<{ select: typeof contentSelect }>;

function toContent(v: VersionRow): CaseContent {
  return {
    title: v.title,
    slug: v.caseStudy.slug,
    summary: v.summary,
    organisationId: v.caseStudy.organisationId,
    sector: v.sector,
    approachKey: v.approach?.key ?? null,
    reformShifts: v.reformShifts,
    interventionDate: v.interventionDate ? v.interventionDate.toISOString().slice(0, 10) : null,
    baselinePeriod: v.baselinePeriod,
    followUpPeriod: v.followUpPeriod,
    sourceCitation: v.sourceCitation,
    sourceUrl: v.sourceUrl,
    evidenceLevel: v.evidenceLevel,
    reportingOrganisation: v.reportingOrganisation,
    country: v.country,
    measures: v.measures.map((m) => ({ id: m.id, measureTypeKey: m.measureType?.key ?? null, ...fromMeasureRow(m) })),
  };
}

/** The content of each version, by version id. */
export async function readVersionContents(client: Tx, versionIds: string[]): Promise<Map<string, CaseContent>> {
  if (versionIds.length === 0) return new Map();
  const rows = await client.caseVersion.findMany({ where: { id: { in: versionIds } }, select: contentSelect });
  return new Map(rows.map((v) => [v.id, toContent(v)]));
}
