import "server-only";
import { listPublishedApproachIds, refreshApproachCards } from "@/modules/compare/data/approach-card-summary";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseStatus } from "@/lib/generated/prisma/enums";
import { canCreateCaseIn, canEditCase, canPublishCase, canViewCaseDraft, type CurrentUser } from "@/lib/auth/permissions";
import { diffCaseContent, type DiffableCase, type FieldChange } from "@/lib/domain/case-diff";
import type { CaseInput } from "@/lib/schemas/case";
import { copyVersionToDraft, findUnknownKeys, readVersionContent, writeDraftContent, type CaseContent, type Tx } from "./case-content";
import { recordAudit } from "./audit";
import { storeMeasureFigures } from "./measure-figures";

// The analyst's write path for a case: drafts, optimistic locking, publishing
// frozen versions, unpublish/archive/restore. Every operation checks the
// actor's permission inside its transaction and records an audit event in the
// same transaction, so a change and its history commit or fail together.

export class NotFoundError extends Error {}
export class ForbiddenError extends Error {}
export class InputError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]>,
  ) {
    super(message);
  }
}
/**
 * Someone else saved first. `theirChanges` is what they changed since this
 * editor loaded; `current` is the content as it now stands, for the editor's
 * three-way merge (lib/domain/case-merge.ts).
 */
export class ConflictError extends Error {
  constructor(
    readonly theirChanges: FieldChange[],
    readonly currentRevision: number,
    readonly current: CaseContent | null = null,
  ) {
    super("Someone else saved this case while you were editing it.");
  }
}

const TX_OPTIONS = { timeout: 20_000, isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted } as const;

interface CaseRow {
  id: string;
  slug: string;
  organisationId: string;
  status: CaseStatus;
  revision: number;
  draftVersionId: string | null;
  publishedVersionId: string | null;
}

const caseRowSelect = {
  id: true,
  slug: true,
  organisationId: true,
  status: true,
  revision: true,
  draftVersionId: true,
  publishedVersionId: true,
} as const;

async function lockCase(tx: Tx, caseId: string): Promise<CaseRow> {
  // FOR UPDATE serialises concurrent writers on one case, so the revision check
  // below cannot pass for two saves at once.
  const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM case_study WHERE id = ${caseId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError("No such case");
  return tx.caseStudy.findUniqueOrThrow({ where: { id: caseId }, select: caseRowSelect });
}

function requireEdit(actor: CurrentUser, c: CaseRow) {
  if (!canViewCaseDraft(actor, c)) throw new NotFoundError("No such case");
  if (!canEditCase(actor, c)) throw new ForbiddenError("You cannot edit this case");
}

/** The content the editor works on: the draft if there is one, else the live version. */
function workingVersionId(c: CaseRow): string | null {
  return c.draftVersionId ?? c.publishedVersionId;
}

function toDiffable(content: CaseContent | CaseInput): DiffableCase {
  return content as unknown as DiffableCase;
}

async function checkRevision(tx: Tx, c: CaseRow, expectedRevision: number, baseContent: CaseInput | null) {
  if (c.revision === expectedRevision) return;
  const versionId = workingVersionId(c);
  const current = versionId ? await readVersionContent(tx, versionId) : null;
  const theirChanges = current && baseContent ? diffCaseContent(toDiffable(baseContent), toDiffable(current)) : [];
  throw new ConflictError(theirChanges, c.revision, current);
}

async function assertSlugFree(tx: Tx, slug: string, caseId: string | null) {
  const other = await tx.caseStudy.findUnique({ where: { slug }, select: { id: true } });
  if (other && other.id !== caseId) {
    throw new InputError("That web address is taken.", { slug: ["Another case already uses this web address (slug): choose another"] });
  }
}

async function assertKnownKeys(tx: Tx, input: CaseInput) {
  const errors = await findUnknownKeys(tx, input);
  if (Object.keys(errors).length) throw new InputError("Some answers need correcting: see the messages next to them.", errors);
}

export async function createCase(actor: CurrentUser, input: CaseInput): Promise<{ id: string; slug: string }> {
  return db().$transaction((tx) => createCaseTx(tx, actor, input), TX_OPTIONS);
}

/** createCase inside the caller's transaction (CSV import writes many cases in one). */
export async function createCaseTx(tx: Tx, actor: CurrentUser, input: CaseInput): Promise<{ id: string; slug: string }> {
  if (!canCreateCaseIn(actor, input.organisationId)) throw new ForbiddenError("You cannot create cases for this organisation");
  await assertSlugFree(tx, input.slug, null);
  await assertKnownKeys(tx, input);
  const created = await tx.caseStudy.create({
    data: { slug: input.slug, organisationId: input.organisationId, createdById: actor.id, updatedById: actor.id },
    select: { id: true },
  });
  const draft = await tx.caseVersion.create({
    data: { caseStudyId: created.id, title: input.title, sector: input.sector, sourceCitation: input.sourceCitation },
    select: { id: true },
  });
  await writeDraftContent(tx, draft.id, input);
  await tx.caseStudy.update({ where: { id: created.id }, data: { draftVersionId: draft.id } });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "create",
    entityType: "case",
    entityId: created.id,
    caseStudyId: created.id,
    changes: diffCaseContent({ measures: [] }, toDiffable(input)),
  });
  return { id: created.id, slug: input.slug };
}

/** What a save did; `publicSlugChangedFrom` is the live case's old address when the save moved it. */
export interface SavedDraft {
  revision: number;
  changes: FieldChange[];
  publicSlugChangedFrom: string | null;
}

/**
 * Saves the editor's content as the case's draft. `baseContent` is what the
 * editor loaded; when someone else saved in between, it lets the conflict
 * message say exactly what they changed.
 */
export async function saveDraft(
  actor: CurrentUser,
  caseId: string,
  input: CaseInput,
  expectedRevision: number,
  baseContent: CaseInput | null,
): Promise<SavedDraft> {
  return db().$transaction((tx) => saveDraftTx(tx, actor, caseId, input, expectedRevision, baseContent), TX_OPTIONS);
}

/** saveDraft inside the caller's transaction. Pass expectedRevision null to skip the lock check (imports). */
export async function saveDraftTx(
  tx: Tx,
  actor: CurrentUser,
  caseId: string,
  input: CaseInput,
  expectedRevision: number | null,
  baseContent: CaseInput | null,
): Promise<SavedDraft> {
  const c = await lockCase(tx, caseId);
  requireEdit(actor, c);
  if (c.status === "archived") throw new InputError("This case is archived: restore it before editing.", {});
  if (expectedRevision !== null) await checkRevision(tx, c, expectedRevision, baseContent);
  if (input.organisationId !== c.organisationId && !canCreateCaseIn(actor, input.organisationId)) {
    throw new ForbiddenError("You cannot move a case to another organisation");
  }
  await assertSlugFree(tx, input.slug, c.id);
  await assertKnownKeys(tx, input);

  const previousId = workingVersionId(c);
  const previous = previousId ? await readVersionContent(tx, previousId) : null;
  const changes = diffCaseContent(previous ? toDiffable(previous) : { measures: [] }, toDiffable(input));
  if (changes.length === 0) return { revision: c.revision, changes, publicSlugChangedFrom: null };

  let draftId = c.draftVersionId;
  let payload = input;
  if (!draftId) {
    // Editing a published case starts a new draft; the live version stays frozen.
    const copy = await copyVersionToDraft(tx, c.id, c.publishedVersionId!);
    draftId = copy.draftId;
    payload = { ...input, measures: input.measures.map((m) => ({ ...m, id: m.id ? copy.idMap.get(m.id) : undefined })) };
  }
  await writeDraftContent(tx, draftId, payload);
  const updated = await tx.caseStudy.update({
    where: { id: c.id },
    data: {
      slug: input.slug,
      organisationId: input.organisationId,
      draftVersionId: draftId,
      revision: { increment: 1 },
      updatedById: actor.id,
    },
    select: { revision: true },
  });
  // The slug of a live case takes effect at once, and the approach cards link their dots by it;
  // the caller expires the public pages under both addresses.
  const publicSlugChangedFrom = input.slug !== c.slug && c.status === "published" ? c.slug : null;
  if (publicSlugChangedFrom) await refreshApproachCards(tx, await listPublishedApproachIds(tx, [c.id]));
  await recordAudit(tx, { actorId: actor.id, action: "update", entityType: "case", entityId: c.id, caseStudyId: c.id, changes });
  return { revision: updated.revision, changes, publicSlugChangedFrom };
}

/**
 * Publishes the draft as the next numbered, frozen version. A case that was
 * unpublished without later edits is simply made live again.
 */
export async function publishCase(actor: CurrentUser, caseId: string, expectedRevision: number, changeNote: string | null) {
  return db().$transaction(async (tx) => {
    const c = await lockCase(tx, caseId);
    requireEdit(actor, c);
    if (!canPublishCase(actor, c)) throw new ForbiddenError("You cannot publish this case");
    if (c.status === "archived") throw new InputError("This case is archived: restore it before publishing.", {});
    await checkRevision(tx, c, expectedRevision, null);

    if (!c.draftVersionId) {
      if (!c.publishedVersionId) throw new InputError("There is nothing to publish yet.", {});
      if (c.status === "published") throw new InputError("There are no unpublished changes.", {});
      await tx.caseStudy.update({ where: { id: c.id }, data: { status: "published", revision: { increment: 1 }, updatedById: actor.id } });
      await refreshApproachCards(tx, await listPublishedApproachIds(tx, [c.id]));
      await recordAudit(tx, {
        actorId: actor.id,
        action: "publish",
        entityType: "case",
        entityId: c.id,
        caseStudyId: c.id,
        changes: [{ field: "status", from: c.status, to: "published" }],
      });
      return { slug: c.slug, number: null };
    }

    // A published case with no figure would be a page of nothing (issue 20).
    if ((await tx.measure.count({ where: { caseVersionId: c.draftVersionId } })) === 0) {
      throw new InputError("Add at least one measure or finding before publishing.", {});
    }
    const last = await tx.caseVersion.aggregate({ where: { caseStudyId: c.id }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    if (number > 1 && !changeNote) {
      throw new InputError("Say what changed in this version.", {
        changeNote: ["Say briefly what changed in this version, e.g. “Corrected the referrals figure”"],
      });
    }
    await publishVersionsTx(tx, [{ caseId: c.id, versionId: c.draftVersionId, number, changeNote, actorId: actor.id }]);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "publish",
      entityType: "case",
      entityId: c.id,
      caseStudyId: c.id,
      changes: [{ field: "version", from: last._max.number, to: number }],
      note: changeNote,
    });
    return { slug: c.slug, number };
  }, TX_OPTIONS);
}

export interface VersionToPublish {
  caseId: string;
  versionId: string;
  number: number;
  changeNote: string | null;
  actorId: string | null;
}

/**
 * The one way a version becomes published, for the workspace, the seed, the
 * scale seed and imports: its derived figures are computed and stored, then
 * the version is stamped (which freezes it) and made the case's live version.
 * Permission checks and the audit entry are the caller's (publishCase).
 */
export async function publishVersionsTx(tx: Tx, versions: VersionToPublish[]): Promise<void> {
  if (versions.length === 0) return;
  // The approach cards of the approaches this changes: the versions replaced and the versions published.
  const approaches = await listPublishedApproachIds(
    tx,
    versions.map((v) => v.caseId),
  );
  await storeMeasureFigures(
    tx,
    versions.map((v) => v.versionId),
  );
  // One UPDATE per table however many versions (the scale seed publishes 10,000).
  const now = new Date();
  const col = <K extends keyof VersionToPublish>(key: K) => versions.map((v) => v[key]);
  await tx.$executeRaw`
    UPDATE case_version AS v SET number = t.number, published_at = ${now}, published_by_id = t.actor,
      change_note = coalesce(t.note, 'First published version'), updated_at = ${now}
    FROM unnest(${col("versionId")}::uuid[], ${col("number")}::int[], ${col("actorId")}::text[], ${col("changeNote")}::text[])
      AS t(id, number, actor, note)
    WHERE v.id = t.id`;
  await tx.$executeRaw`
    UPDATE case_study AS c SET status = 'published', published_version_id = t.version, draft_version_id = NULL,
      revision = c.revision + 1, updated_by_id = t.actor, updated_at = ${now}
    FROM unnest(${col("caseId")}::uuid[], ${col("versionId")}::uuid[], ${col("actorId")}::text[]) AS t(id, version, actor)
    WHERE c.id = t.id`;
  approaches.push(...(await listPublishedApproachIds(tx, col("caseId"))));
  await refreshApproachCards(tx, approaches);
}

type StatusAction = "unpublish" | "archive" | "restore" | "discard_draft";

const ALLOWED_FROM: Record<StatusAction, CaseStatus[]> = {
  unpublish: ["published"],
  archive: ["draft", "published"],
  restore: ["archived"],
  discard_draft: ["draft", "published"],
};

/** Unpublish (public pages 404, versions kept), archive (soft delete), restore (back as unpublished), discard the draft. */
export async function changeCaseStatus(actor: CurrentUser, caseId: string, action: StatusAction, expectedRevision: number) {
  return db().$transaction(async (tx) => {
    const c = await lockCase(tx, caseId);
    requireEdit(actor, c);
    await checkRevision(tx, c, expectedRevision, null);
    if (!ALLOWED_FROM[action].includes(c.status)) throw new InputError(`This case cannot be ${action.replace("_", " ")}ed now.`, {});

    const data: Prisma.CaseStudyUpdateInput = { revision: { increment: 1 }, updatedBy: { connect: { id: actor.id } } };
    const changes: FieldChange[] = [];
    if (action === "discard_draft") {
      if (!c.draftVersionId || !c.publishedVersionId)
        throw new InputError("There is no draft to discard, or nothing published to go back to.", {});
      data.draftVersion = { disconnect: true };
      changes.push({ field: "draft", from: "present", to: "discarded" });
    } else {
      const status: CaseStatus = action === "unpublish" || action === "restore" ? "draft" : "archived";
      data.status = status;
      data.archivedAt = action === "archive" ? new Date() : null;
      changes.push({ field: "status", from: c.status, to: status });
    }
    // Unpublishing or archiving a live case takes its figures out of its approach's card.
    const approaches = c.status === "published" && action !== "discard_draft" ? await listPublishedApproachIds(tx, [c.id]) : [];
    await tx.caseStudy.update({ where: { id: c.id }, data });
    await refreshApproachCards(tx, approaches);
    if (action === "discard_draft") await tx.caseVersion.delete({ where: { id: c.draftVersionId! } });
    await recordAudit(tx, { actorId: actor.id, action, entityType: "case", entityId: c.id, caseStudyId: c.id, changes });
    return { slug: c.slug, wasPublished: c.status === "published" };
  }, TX_OPTIONS);
}

/**
 * Restores the content of an earlier published version as the new draft: a new
 * change in the history, never a rewrite of it.
 */
export async function restoreVersionAsDraft(actor: CurrentUser, caseId: string, versionNumber: number, expectedRevision: number) {
  const { content } = await db().$transaction(async (tx) => {
    const c = await lockCase(tx, caseId);
    requireEdit(actor, c);
    const version = await tx.caseVersion.findUnique({
      where: { caseStudyId_number: { caseStudyId: c.id, number: versionNumber } },
      select: { id: true },
    });
    if (!version) throw new NotFoundError("No such version");
    return { content: await readVersionContent(tx, version.id) };
  });
  // Measures get new identities in the draft: the old version's rows stay frozen.
  const input: CaseInput = { ...content, measures: content.measures.map((m) => ({ ...m, id: undefined })) };
  return { ...(await saveDraft(actor, caseId, input, expectedRevision, null)), slug: input.slug };
}
