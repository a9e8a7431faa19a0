import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canViewCaseDraft, type CurrentUser } from "@/lib/auth/permissions";
import type { ExportCase } from "@/lib/domain/csv";
import { readVersionContents } from "@/modules/workspace/data/version-contents";

// The cases a signed-in user may download: everything published, plus the
// drafts of their own organisation (an admin: every organisation's). Where a
// user may see the draft, the export holds the draft — the content they would
// edit and re-import; everyone else gets the live published version only.
// Archived cases are soft-deleted and left out.

function exportableWhere(actor: CurrentUser): Prisma.CaseStudyWhereInput {
  const live: Prisma.CaseStudyWhereInput = { status: "published", publishedVersionId: { not: null } };
  if (actor.role === "admin") return { status: { not: "archived" } };
  if (!actor.organisationId) return live;
  return { OR: [live, { organisationId: actor.organisationId, status: "draft" }] };
}

/** `organisationOnly`: just the actor's own organisation's cases (the ones an export-edit-import round trip can update). */
export async function listExportCases(actor: CurrentUser, { organisationOnly = false } = {}): Promise<ExportCase[]> {
  const where = exportableWhere(actor);
  const rows = await db().caseStudy.findMany({
    where: organisationOnly ? { AND: [where, { organisationId: actor.organisationId ?? "00000000-0000-0000-0000-000000000000" }] } : where,
    orderBy: { slug: "asc" },
    select: {
      slug: true,
      status: true,
      organisationId: true,
      organisation: { select: { slug: true } },
      draftVersionId: true,
      publishedVersion: { select: { id: true, number: true, publishedAt: true } },
    },
  });
  type Picked = { c: (typeof rows)[number]; versionId: string; published: { number: number | null; publishedAt: Date | null } | null };
  const picked = rows.flatMap((c): Picked[] => {
    if (c.status === "archived") return [];
    const access = { organisationId: c.organisationId, status: c.status };
    const seesDraft = canViewCaseDraft(actor, access);
    if (seesDraft && c.draftVersionId) return [{ c, versionId: c.draftVersionId, published: null }];
    if (c.publishedVersion && (seesDraft || c.status === "published"))
      return [{ c, versionId: c.publishedVersion.id, published: c.publishedVersion }];
    return [];
  });
  const contents = await readVersionContents(
    db(),
    picked.map((p) => p.versionId),
  );
  return picked.map(({ c, versionId, published }) => {
    const { organisationId, measures, ...fields } = contents.get(versionId)!;
    void organisationId;
    return {
      organisationSlug: c.organisation.slug,
      status: c.status === "published" ? "published" : "draft",
      version: published?.number ?? null,
      publishedAt: published?.publishedAt?.toISOString() ?? null,
      // Measure ids stay out of the file: re-import matches measures by type or label.
      content: { ...fields, measures: measures.map(({ id, ...m }) => (void id, m)) },
    };
  });
}
