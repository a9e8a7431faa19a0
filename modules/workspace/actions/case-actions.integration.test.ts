import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

// The server actions as a browser calls them (FormData in, ActionState out),
// with the session swapped for each kind of caller. Next's cache functions
// need a running server, so they are stubbed; everything else is real,
// including the database.

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/modules/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
}));
vi.mock("@/modules/cases/cache", () => ({ revalidatePublicCase: vi.fn(), revalidateMovedCase: vi.fn() }));
// A redirect as Next throws it (the digest is how the action guard knows to let it through).
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url, digest: `NEXT_REDIRECT;replace;${url};307;` });
  },
}));

const { saveCaseAction, publishCaseAction, changeCaseStatusAction, restoreVersionAction } = await import("./case-actions");

const prisma = db();
let organisationId: string;
let otherOrganisationId: string;
let analyst: CurrentUser;
let caseId: string;

async function user(role: CurrentUser["role"], org: string | null): Promise<CurrentUser> {
  const id = randomUUID();
  await prisma.user.create({ data: { id, name: `${role} ${id}`, email: `${id}@example.test`, role, organisationId: org } });
  return { id, email: `${id}@example.test`, name: role, role, organisationId: org, organisationName: null };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

function payload(slug: string, overrides: Record<string, unknown> = {}) {
  return JSON.stringify({
    title: "Action test case",
    slug,
    organisationId,
    sector: "housing",
    sourceCitation: "Test source",
    evidenceLevel: "1",
    measures: [{ label: "Repairs", unit: "count", direction: "lower_is_better", before: "10", after: "5" }],
    ...overrides,
  });
}

const IDLE = { status: "idle" as const };

beforeAll(async () => {
  organisationId = (await prisma.organisation.create({ data: { slug: `act-${randomUUID().slice(0, 8)}`, name: "Actions org" } })).id;
  otherOrganisationId = (await prisma.organisation.create({ data: { slug: `act-${randomUUID().slice(0, 8)}`, name: "Other org" } })).id;
  analyst = await user("analyst", organisationId);
  session.user = analyst;
  const slug = `act-${randomUUID().slice(0, 8)}`;
  await expect(saveCaseAction(IDLE, form({ caseId: "", payload: payload(slug) }))).rejects.toMatchObject({ message: "NEXT_REDIRECT" });
  caseId = (await prisma.caseStudy.findUniqueOrThrow({ where: { slug } })).id;
});

beforeEach(() => {
  session.user = analyst;
});

afterAll(async () => {
  await prisma.$disconnect();
});

async function currentRevision() {
  return String((await prisma.caseStudy.findUniqueOrThrow({ where: { id: caseId } })).revision);
}

describe("field errors come back from the action, and nothing is written", () => {
  it("reports every bad field by path", async () => {
    const slug = `act-${randomUUID().slice(0, 8)}`;
    const state = await saveCaseAction(
      IDLE,
      form({
        caseId: "",
        payload: payload(slug, {
          title: "",
          measures: [
            { label: "Share", unit: "percent", direction: "higher_is_better", before: "120", after: "50" },
            { label: "Visits", unit: "count", direction: "lower_is_better", before: "abc" },
          ],
        }),
      }),
    );
    expect(state.status).toBe("error");
    expect(state.fieldErrors).toMatchObject({
      title: ["Enter a title"],
      "measures.0.before": ["A percentage must be between 0 and 100"],
      "measures.1.before": [expect.stringContaining("“abc” is not a number")],
    });
    expect(await prisma.caseStudy.findUnique({ where: { slug } })).toBeNull();
  });

  it("answers a malformed request with a message, not an exception", async () => {
    expect((await saveCaseAction(IDLE, form({ caseId: "not-a-uuid", payload: "{" }))).status).toBe("error");
    expect((await publishCaseAction(IDLE, form({ caseId: "x", revision: "y" }))).status).toBe("error");
    expect((await changeCaseStatusAction(IDLE, form({ caseId: caseId, revision: "1", action: "delete-everything" }))).status).toBe("error");
  });
});

describe("every case action refuses callers who may not use it", () => {
  const cases: Array<[string, () => Promise<CurrentUser | null>]> = [
    ["anonymous", async () => null],
    ["viewer", () => user("viewer", organisationId)],
    ["analyst of another organisation", () => user("analyst", otherOrganisationId)],
  ];

  for (const [who, makeUser] of cases) {
    it(`${who}: save, publish, status changes and restore all fail and change nothing`, async () => {
      const caller = await makeUser();
      const before = await prisma.caseStudy.findUniqueOrThrow({ where: { id: caseId }, include: { draftVersion: true } });
      const audits = await prisma.auditEvent.count({ where: { caseStudyId: caseId } });
      session.user = caller;
      const revision = String(before.revision);
      const results = [
        await saveCaseAction(IDLE, form({ caseId, revision, payload: payload(before.slug, { title: "Hijacked" }) })),
        await saveCaseAction(IDLE, form({ caseId: "", payload: payload(`act-${randomUUID().slice(0, 8)}`) })),
        await publishCaseAction(IDLE, form({ caseId, revision })),
        ...(await Promise.all(
          ["unpublish", "archive", "restore", "discard_draft"].map((action) =>
            changeCaseStatusAction(IDLE, form({ caseId, revision, action })),
          ),
        )),
        await restoreVersionAction(IDLE, form({ caseId, revision, version: "1" })),
      ];
      for (const r of results) expect(r.status).toBe("error");
      if (who === "anonymous") expect(results[0]?.message).toContain("sign in");
      const after = await prisma.caseStudy.findUniqueOrThrow({ where: { id: caseId }, include: { draftVersion: true } });
      expect(after.revision).toBe(before.revision);
      expect(after.draftVersion?.title).toBe(before.draftVersion?.title);
      expect(after.status).toBe(before.status);
      expect(await prisma.auditEvent.count({ where: { caseStudyId: caseId } })).toBe(audits);
    });
  }

  it("the analyst of the organisation and an admin can", async () => {
    expect((await publishCaseAction(IDLE, form({ caseId, revision: await currentRevision() }))).status).toBe("success");
    session.user = await user("admin", null);
    expect((await changeCaseStatusAction(IDLE, form({ caseId, revision: await currentRevision(), action: "unpublish" }))).status).toBe(
      "success",
    );
  });
});

describe("a conflict is merged field by field (issue 19)", () => {
  /** The editor's own JSON for the case as it stands: every value a string, as the form holds it. */
  async function editorJson(slug: string, overrides: Record<string, unknown> = {}) {
    const c = await prisma.caseStudy.findUniqueOrThrow({ where: { slug }, include: { draftVersion: { include: { measures: true } } } });
    const m = c.draftVersion!.measures[0]!;
    return {
      title: c.draftVersion!.title,
      slug,
      summary: c.draftVersion!.summary ?? "",
      organisationId,
      sector: "housing",
      approachKey: "",
      reformShifts: [],
      interventionDate: "",
      baselinePeriod: "",
      followUpPeriod: "",
      sourceCitation: "Test source",
      sourceUrl: "",
      evidenceLevel: "1",
      reportingOrganisation: "",
      country: "",
      measures: [{ id: m.id, label: "Repairs", unit: "count", direction: "lower_is_better", before: "10", after: "5" }],
      ...overrides,
    };
  }

  it("save again after a conflict keeps the other person's title", async () => {
    const slug = `merge-${randomUUID().slice(0, 8)}`;
    await expect(saveCaseAction(IDLE, form({ caseId: "", payload: payload(slug) }))).rejects.toMatchObject({ message: "NEXT_REDIRECT" });
    const id = (await prisma.caseStudy.findUniqueOrThrow({ where: { slug } })).id;
    const revision = String((await prisma.caseStudy.findUniqueOrThrow({ where: { id } })).revision);
    const base = await editorJson(slug);

    // A renames the case.
    const a = await saveCaseAction(
      IDLE,
      form({ caseId: id, revision, base: JSON.stringify(base), payload: JSON.stringify({ ...base, title: "A's title" }) }),
    );
    expect(a.status).toBe("success");

    // B, from the same revision, changed only the summary: refused, merged.
    const mine = { ...base, summary: "B's summary" };
    const b = await saveCaseAction(IDLE, form({ caseId: id, revision, base: JSON.stringify(base), payload: JSON.stringify(mine) }));
    expect(b.status).toBe("error");
    expect(b.message).toMatch(/Their changes are now in the form together with yours/);
    expect(b.merge?.conflicts).toEqual([]);
    expect(b.merge?.values).toMatchObject({ title: "A's title", summary: "B's summary" });

    // B saves again what the form now holds: both changes are kept.
    const again = await saveCaseAction(
      IDLE,
      form({ caseId: id, revision: String(b.revision), base: JSON.stringify(b.merge!.theirs), payload: JSON.stringify(b.merge!.values) }),
    );
    expect(again.status).toBe("success");
    const stored = await prisma.caseStudy.findUniqueOrThrow({ where: { id }, include: { draftVersion: true } });
    expect(stored.draftVersion).toMatchObject({ title: "A's title", summary: "B's summary" });
  });

  it("where both changed the same field, asks", async () => {
    const slug = `merge-${randomUUID().slice(0, 8)}`;
    await expect(saveCaseAction(IDLE, form({ caseId: "", payload: payload(slug) }))).rejects.toMatchObject({ message: "NEXT_REDIRECT" });
    const id = (await prisma.caseStudy.findUniqueOrThrow({ where: { slug } })).id;
    const revision = String((await prisma.caseStudy.findUniqueOrThrow({ where: { id } })).revision);
    const base = await editorJson(slug);
    await saveCaseAction(
      IDLE,
      form({ caseId: id, revision, base: JSON.stringify(base), payload: JSON.stringify({ ...base, title: "A's title" }) }),
    );
    const b = await saveCaseAction(
      IDLE,
      form({ caseId: id, revision, base: JSON.stringify(base), payload: JSON.stringify({ ...base, title: "B's title" }) }),
    );
    expect(b.message).toMatch(/you both changed one field/);
    expect(b.merge?.conflicts).toEqual([
      { path: "title", label: "title", theirs: "A's title", mine: "B's title", theirsValue: "A's title" },
    ]);
    const stored = await prisma.caseStudy.findUniqueOrThrow({ where: { id }, include: { draftVersion: true } });
    expect(stored.draftVersion?.title).toBe("A's title");
  });
});
