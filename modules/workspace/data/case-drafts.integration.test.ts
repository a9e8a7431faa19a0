import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser, Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { caseInputSchema, type CaseInput } from "@/lib/schemas/case";
import {
  ConflictError,
  ForbiddenError,
  InputError,
  NotFoundError,
  changeCaseStatus,
  createCase,
  publishCase,
  restoreVersionAsDraft,
  saveDraft,
} from "./case-drafts";
import { getPublishedCase } from "@/modules/cases/data/public-cases";
import { getCaseForEditor } from "./workspace-cases";

// The analyst write path against a real, migrated PostgreSQL: drafts, locking,
// frozen versions, the audit trail and who may do what.

const prisma = db();
let orgA: string;
let orgB: string;
const users: Record<string, CurrentUser> = {};

async function makeUser(key: string, role: Role, organisationId: string | null) {
  const id = randomUUID();
  await prisma.user.create({ data: { id, name: `${key} user`, email: `${key}-${id}@example.test`, role, organisationId } });
  users[key] = { id, email: `${key}@example.test`, name: key, role, organisationId, organisationName: null };
}

function input(overrides: Partial<CaseInput> = {}): CaseInput {
  const slug = `case-${randomUUID().slice(0, 8)}`;
  return caseInputSchema.parse({
    title: "Front door redesign",
    slug,
    organisationId: orgA,
    sector: "social_care",
    sourceCitation: "Council report, 2024",
    evidenceLevel: 1,
    measures: [
      { label: "Referrals", unit: "count", direction: "lower_is_better", before: "100", after: "59" },
      { label: "Failure demand", unit: "percent", direction: "lower_is_better", before: "71", after: "0" },
    ],
    ...overrides,
  });
}

beforeAll(async () => {
  orgA = (await prisma.organisation.create({ data: { slug: `org-a-${randomUUID().slice(0, 6)}`, name: "Org A" } })).id;
  orgB = (await prisma.organisation.create({ data: { slug: `org-b-${randomUUID().slice(0, 6)}`, name: "Org B" } })).id;
  await makeUser("admin", "admin", null);
  await makeUser("analyst", "analyst", orgA);
  await makeUser("analyst2", "analyst", orgA);
  await makeUser("otherAnalyst", "analyst", orgB);
  await makeUser("viewer", "viewer", orgA);
});

afterAll(async () => {
  await prisma.$disconnect();
});

const auditCount = (caseStudyId: string) => prisma.auditEvent.count({ where: { caseStudyId } });

describe("drafts and publishing", () => {
  it("creates a draft that is not public, publishes version 1, and the public page shows it", async () => {
    const created = await createCase(users.analyst!, input());
    expect(await getPublishedCase(created.slug)).toBeNull();

    const editor = await getCaseForEditor(users.analyst!, created.id);
    await publishCase(users.analyst!, created.id, editor!.revision, null);
    const live = await getPublishedCase(created.slug);
    expect(live?.version).toBe(1);
    expect(live?.measures.map((m) => [m.label, m.before, m.after])).toEqual([
      ["Referrals", 100, 59],
      ["Failure demand", 71, 0],
    ]);
  });

  it("editing a published case makes a draft; the live version stays frozen until republished as version 2", async () => {
    const { id, slug } = await createCase(users.analyst!, input());
    let c = (await getCaseForEditor(users.analyst!, id))!;
    await publishCase(users.analyst!, id, c.revision, null);
    c = (await getCaseForEditor(users.analyst!, id))!;

    const edited = { ...c.content, measures: c.content.measures.map((m, i) => (i === 0 ? { ...m, after: 40 } : m)) };
    const saved = await saveDraft(users.analyst!, id, edited, c.revision, c.content);
    expect(saved.changes).toEqual([{ field: "measures[Referrals].after", from: 59, to: 40 }]);
    expect((await getPublishedCase(slug))?.measures[0]?.after).toBe(59);

    await expect(publishCase(users.analyst!, id, saved.revision, null)).rejects.toBeInstanceOf(InputError);
    await publishCase(users.analyst!, id, saved.revision, "Corrected the referrals figure");
    const live = await getPublishedCase(slug);
    expect(live?.version).toBe(2);
    expect(live?.changeNote).toBe("Corrected the referrals figure");
    expect(live?.measures[0]?.after).toBe(40);

    // Version 1 is still in the database, unchanged, and the database refuses to edit it.
    const v1 = await prisma.caseVersion.findFirstOrThrow({ where: { caseStudyId: id, number: 1 }, include: { measures: true } });
    expect(v1.measures.find((m) => m.label === "Referrals")?.afterValue?.toNumber()).toBe(59);
    await expect(prisma.caseVersion.update({ where: { id: v1.id }, data: { title: "Rewritten" } })).rejects.toThrow();
  });

  it("saving identical content writes nothing", async () => {
    const { id } = await createCase(users.analyst!, input());
    const c = (await getCaseForEditor(users.analyst!, id))!;
    const before = await auditCount(id);
    const result = await saveDraft(users.analyst!, id, c.content, c.revision, c.content);
    expect(result).toEqual({ revision: c.revision, changes: [], publicSlugChangedFrom: null });
    expect(await auditCount(id)).toBe(before);
  });

  it("a save that moves a live case's slug names the old address, so its cached pages can be expired", async () => {
    const { id, slug } = await createCase(users.analyst!, input());
    let c = (await getCaseForEditor(users.analyst!, id))!;
    // A draft's slug is not public yet: nothing to expire.
    const renamedDraft = await saveDraft(users.analyst!, id, { ...c.content, slug: `${slug}-draft` }, c.revision, c.content);
    expect(renamedDraft.publicSlugChangedFrom).toBeNull();
    c = (await getCaseForEditor(users.analyst!, id))!;
    await publishCase(users.analyst!, id, c.revision, null);
    c = (await getCaseForEditor(users.analyst!, id))!;
    const moved = await saveDraft(users.analyst!, id, { ...c.content, slug: `${slug}-moved` }, c.revision, c.content);
    expect(moved.publicSlugChangedFrom).toBe(`${slug}-draft`);
    expect(await getPublishedCase(`${slug}-moved`)).not.toBeNull();
    expect(await getPublishedCase(`${slug}-draft`)).toBeNull();
  });

  it("unpublish, archive and restore change what the public sees, and each is audited", async () => {
    const { id, slug } = await createCase(users.analyst!, input());
    let rev = (await getCaseForEditor(users.analyst!, id))!.revision;
    await publishCase(users.analyst!, id, rev, null);
    rev += 1;
    await changeCaseStatus(users.analyst!, id, "unpublish", rev++);
    expect(await getPublishedCase(slug)).toBeNull();
    await publishCase(users.analyst!, id, rev++, null);
    expect((await getPublishedCase(slug))?.version).toBe(1);
    await changeCaseStatus(users.analyst!, id, "archive", rev++);
    expect(await getPublishedCase(slug)).toBeNull();
    await changeCaseStatus(users.analyst!, id, "restore", rev++);
    expect((await prisma.caseStudy.findUniqueOrThrow({ where: { id } })).status).toBe("draft");
    const actions = (await prisma.auditEvent.findMany({ where: { caseStudyId: id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["create", "publish", "unpublish", "publish", "archive", "restore"]);
  });

  it("restoring an old version makes a new change and keeps the history", async () => {
    const { id } = await createCase(users.analyst!, input());
    let c = (await getCaseForEditor(users.analyst!, id))!;
    await publishCase(users.analyst!, id, c.revision, null);
    c = (await getCaseForEditor(users.analyst!, id))!;
    const saved = await saveDraft(users.analyst!, id, { ...c.content, title: "Renamed" }, c.revision, c.content);
    await publishCase(users.analyst!, id, saved.revision, "Renamed");
    c = (await getCaseForEditor(users.analyst!, id))!;
    const restored = await restoreVersionAsDraft(users.analyst!, id, 1, c.revision);
    expect(restored.changes).toContainEqual({ field: "title", from: "Renamed", to: "Front door redesign" });
    expect(await prisma.caseVersion.count({ where: { caseStudyId: id, number: { not: null } } })).toBe(2);
  });
});

describe("no lost updates", () => {
  it("refuses the second of two saves from the same revision and says what the first changed", async () => {
    const { id } = await createCase(users.analyst!, input());
    const loaded = (await getCaseForEditor(users.analyst!, id))!;
    await saveDraft(users.analyst!, id, { ...loaded.content, title: "First person's title" }, loaded.revision, loaded.content);

    const second = saveDraft(
      users.analyst2!,
      id,
      { ...loaded.content, summary: "Second person's summary" },
      loaded.revision,
      loaded.content,
    );
    await expect(second).rejects.toBeInstanceOf(ConflictError);
    const error = (await second.catch((e: unknown) => e)) as ConflictError;
    expect(error.theirChanges).toEqual([{ field: "title", from: "Front door redesign", to: "First person's title" }]);
    const stored = (await getCaseForEditor(users.analyst!, id))!;
    expect(stored.content.summary).toBe("");
  });
});

describe("validation and constraints", () => {
  it("rejects a slug that is taken with a field error", async () => {
    const first = await createCase(users.analyst!, input());
    await expect(createCase(users.analyst!, input({ slug: first.slug }))).rejects.toMatchObject({
      fieldErrors: { slug: [expect.any(String)] },
    });
  });

  it("rolls the whole save back when the database refuses a row: nothing half-written", async () => {
    const { id } = await createCase(users.analyst!, input());
    const c = (await getCaseForEditor(users.analyst!, id))!;
    const before = await auditCount(id);
    // Bypass zod to prove the database check is the last line of defence.
    const bad = {
      ...c.content,
      title: "Changed",
      measures: [...c.content.measures, { ...c.content.measures[1]!, id: undefined, label: "Bad", before: 120 }],
    };
    await expect(saveDraft(users.analyst!, id, bad, c.revision, c.content)).rejects.toThrow();
    const after = (await getCaseForEditor(users.analyst!, id))!;
    expect(after.content.title).toBe("Front door redesign");
    expect(after.content.measures).toHaveLength(2);
    expect(await auditCount(id)).toBe(before);
  });
});

describe("authorisation: every mutation for each role", () => {
  // Expected outcome per role: "ok", "forbidden" or "not_found" (another
  // organisation's case answers as if it did not exist).
  const matrix: Record<string, Record<string, "ok" | "forbidden" | "not_found">> = {
    create: { admin: "ok", analyst: "ok", otherAnalyst: "forbidden", viewer: "forbidden" },
    save: { admin: "ok", analyst: "ok", otherAnalyst: "not_found", viewer: "forbidden" },
    publish: { admin: "ok", analyst: "ok", otherAnalyst: "not_found", viewer: "forbidden" },
    unpublish: { admin: "ok", analyst: "ok", otherAnalyst: "not_found", viewer: "forbidden" },
    archive: { admin: "ok", analyst: "ok", otherAnalyst: "not_found", viewer: "forbidden" },
    restoreVersion: { admin: "ok", analyst: "ok", otherAnalyst: "not_found", viewer: "forbidden" },
  };

  async function publishedCaseInOrgA() {
    const { id } = await createCase(users.analyst!, input());
    const c = (await getCaseForEditor(users.analyst!, id))!;
    await publishCase(users.analyst!, id, c.revision, null);
    return (await getCaseForEditor(users.analyst!, id))!;
  }

  const operations: Record<string, (actor: CurrentUser) => Promise<unknown>> = {
    create: (actor) => createCase(actor, input()),
    save: async (actor) => {
      const c = await publishedCaseInOrgA();
      return saveDraft(actor, c.id, { ...c.content, title: "Edited" }, c.revision, c.content);
    },
    publish: async (actor) => {
      const { id } = await createCase(users.analyst!, input());
      return publishCase(actor, id, 1, null);
    },
    unpublish: async (actor) => {
      const c = await publishedCaseInOrgA();
      return changeCaseStatus(actor, c.id, "unpublish", c.revision);
    },
    archive: async (actor) => {
      const c = await publishedCaseInOrgA();
      return changeCaseStatus(actor, c.id, "archive", c.revision);
    },
    restoreVersion: async (actor) => {
      const c = await publishedCaseInOrgA();
      return restoreVersionAsDraft(actor, c.id, 1, c.revision);
    },
  };

  for (const [operation, byRole] of Object.entries(matrix)) {
    for (const [role, expected] of Object.entries(byRole)) {
      it(`${operation} as ${role}: ${expected}`, async () => {
        const attempt = operations[operation]!(users[role]!);
        if (expected === "ok") await expect(attempt).resolves.toBeDefined();
        else await expect(attempt).rejects.toBeInstanceOf(expected === "forbidden" ? ForbiddenError : NotFoundError);
      });
    }
  }

  it("a viewer sees their organisation's drafts read-only, and never another organisation's", async () => {
    const { id } = await createCase(users.analyst!, input());
    expect((await getCaseForEditor(users.viewer!, id))?.canEdit).toBe(false);
    expect(await getCaseForEditor(users.otherAnalyst!, id)).toBeNull();
    expect(await getPublishedCase((await prisma.caseStudy.findUniqueOrThrow({ where: { id } })).slug)).toBeNull();
  });

  it("an analyst cannot move a case into another organisation", async () => {
    const { id } = await createCase(users.analyst!, input());
    const c = (await getCaseForEditor(users.analyst!, id))!;
    await expect(saveDraft(users.analyst!, id, { ...c.content, organisationId: orgB }, c.revision, c.content)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});
