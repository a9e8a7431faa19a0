import "server-only";
import { summarisePublication } from "@/modules/workspace/present/publish-summary";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseStatus } from "@/lib/generated/prisma/enums";
import { canEditCase, canViewCaseDraft, type CurrentUser } from "@/lib/auth/permissions";
import { readVersionContent, type CaseContent } from "./case-content";

// What the analyst workspace reads: the cases a signed-in user may work on or
// review, and one case with everything its editor needs.

export interface WorkspaceCaseItem {
  id: string;
  slug: string;
  title: string;
  status: CaseStatus;
  hasDraft: boolean;
  publishedNumber: number | null;
  organisation: string;
  updatedAt: string;
}

function visibleCasesWhere(actor: CurrentUser): Prisma.CaseStudyWhereInput {
  if (actor.role === "admin") return {};
  // Without an organisation a non-admin has no drafts to see.
  return { organisationId: actor.organisationId ?? "00000000-0000-0000-0000-000000000000" };
}

export async function listWorkspaceCases(actor: CurrentUser, { includeArchived = false } = {}): Promise<WorkspaceCaseItem[]> {
  const rows = await db().caseStudy.findMany({
    where: { ...visibleCasesWhere(actor), ...(includeArchived ? {} : { status: { not: "archived" } }) },
    orderBy: { updatedAt: "desc" },
    take: 500,
    select: {
      id: true,
      slug: true,
      status: true,
      updatedAt: true,
      organisation: { select: { name: true } },
      draftVersion: { select: { title: true } },
      publishedVersion: { select: { title: true, number: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.draftVersion?.title ?? r.publishedVersion?.title ?? r.slug,
    status: r.status,
    hasDraft: r.draftVersion !== null,
    publishedNumber: r.publishedVersion?.number ?? null,
    organisation: r.organisation.name,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export interface EditorCase {
  id: string;
  slug: string;
  status: CaseStatus;
  revision: number;
  organisationId: string;
  organisationName: string;
  hasDraft: boolean;
  publishedNumber: number | null;
  canEdit: boolean;
  content: CaseContent;
  versions: Array<{ number: number; publishedAt: string; changeNote: string | null; publishedBy: string | null; live: boolean }>;
}

/** One case for the editor, or null when it does not exist or the actor may not see it. */
export async function getCaseForEditor(actor: CurrentUser, caseId: string): Promise<EditorCase | null> {
  const c = await db().caseStudy.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      slug: true,
      status: true,
      revision: true,
      organisationId: true,
      organisation: { select: { name: true } },
      draftVersionId: true,
      publishedVersionId: true,
      publishedVersion: { select: { number: true } },
      versions: {
        where: { number: { not: null } },
        orderBy: { number: "desc" },
        select: { id: true, number: true, publishedAt: true, changeNote: true, publishedBy: { select: { name: true } } },
      },
    },
  });
  // Another organisation's case answers exactly like a missing one: no hint that it exists.
  if (!c || !canViewCaseDraft(actor, c)) return null;
  const versionId = c.draftVersionId ?? c.publishedVersionId;
  if (!versionId) return null;
  return {
    id: c.id,
    slug: c.slug,
    status: c.status,
    revision: c.revision,
    organisationId: c.organisationId,
    organisationName: c.organisation.name,
    hasDraft: c.draftVersionId !== null,
    publishedNumber: c.publishedVersion?.number ?? null,
    canEdit: canEditCase(actor, c),
    content: await readVersionContent(db(), versionId),
    versions: c.versions.map((v) => ({
      number: v.number!,
      publishedAt: v.publishedAt!.toISOString(),
      changeNote: v.changeNote,
      publishedBy: v.publishedBy?.name ?? null,
      live: v.id === c.publishedVersionId && c.status === "published",
    })),
  };
}

export interface EditorOptions {
  organisations: Array<{ id: string; name: string }>;
  approaches: Array<{ key: string; name: string }>;
  measureTypes: Array<{ key: string; name: string; unit: string; direction: string }>;
}

export async function getEditorOptions(actor: CurrentUser): Promise<EditorOptions> {
  const [organisations, approaches, measureTypes] = await Promise.all([
    db().organisation.findMany({
      where: actor.role === "admin" ? {} : { id: actor.organisationId ?? "00000000-0000-0000-0000-000000000000" },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db().approach.findMany({ where: { status: "accepted" }, orderBy: { name: "asc" }, select: { key: true, name: true } }),
    db().measureType.findMany({ orderBy: { name: "asc" }, select: { key: true, name: true, unit: true, direction: true } }),
  ]);
  return { organisations, approaches, measureTypes };
}

/** For the history page: the case's slug and title if the actor may see it. */
export async function getCaseHeading(actor: CurrentUser, caseId: string) {
  const c = await db().caseStudy.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      slug: true,
      status: true,
      organisationId: true,
      draftVersion: { select: { title: true } },
      publishedVersion: { select: { title: true } },
    },
  });
  if (!c || !canViewCaseDraft(actor, c)) return null;
  return { id: c.id, slug: c.slug, title: c.draftVersion?.title ?? c.publishedVersion?.title ?? c.slug };
}

/**
 * What publishing the draft would change (issue 20: the publish confirmation):
 * the draft's content against the live version's. Call after getCaseForEditor
 * has checked the actor may see the case.
 */
export async function summariseDraftPublication(c: Pick<EditorCase, "id" | "content" | "hasDraft">): Promise<string[]> {
  const row = await db().caseStudy.findUnique({ where: { id: c.id }, select: { publishedVersionId: true } });
  const live = row?.publishedVersionId && c.hasDraft ? await readVersionContent(db(), row.publishedVersionId) : null;
  return summarisePublication(c.content, live);
}

/** The id of the case with this slug, when the actor may see its draft (for links by slug, e.g. after an import). */
export async function findCaseIdBySlug(actor: CurrentUser, slug: string): Promise<string | null> {
  const c = await db().caseStudy.findUnique({ where: { slug }, select: { id: true, organisationId: true, status: true } });
  return c && canViewCaseDraft(actor, c) ? c.id : null;
}
