import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

// Issue 17 and 19: every exported server action is a public endpoint. Called
// the way a hand-made request can call it — `[null, null]`, a string, a JSON
// object instead of the form, a non-UUID id, a NUL character in every field —
// each answers with a form error (the 4xx of a server action), never a thrown
// error (the 500), and stores nothing.

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/modules/auth/session", () => ({ getCurrentUser: async () => session.user, getSessionUser: async () => session.user }));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
}));
vi.mock("@/modules/cases/cache", () => ({ revalidatePublicCase: vi.fn(), revalidateMovedCase: vi.fn() }));
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url, digest: `NEXT_REDIRECT;replace;${url};307;` });
  },
}));

const actions = {
  ...(await import("@/modules/admin/actions/organisations")),
  ...(await import("@/modules/admin/actions/users")),
  ...(await import("@/modules/compare/actions/approach-actions")),
  ...(await import("@/modules/compare/actions/comparison-actions")),
  ...(await import("@/modules/compare/actions/measure-type-actions")),
  ...(await import("@/modules/import/actions/import-actions")),
  ...(await import("@/modules/spc/actions/series-actions")),
  ...(await import("@/modules/workspace/actions/case-actions")),
  ...(await import("@/modules/auth/actions")),
  ...(await import("@/modules/auth/password-actions")),
  ...(await import("@/modules/api/actions/token-actions")),
};
type AnyAction = (...args: unknown[]) => Promise<unknown>;
const formActions = Object.entries(actions).filter(([name]) => !["deleteComparisonAction", "signOutAction"].includes(name)) as Array<
  [string, AnyAction]
>;

const prisma = db();
const NUL = "\u0000";
let organisationId: string;

async function counts() {
  const [cases, organisations, users, comparisons, types, approaches, audit] = await Promise.all([
    prisma.caseStudy.count(),
    prisma.organisation.count(),
    prisma.user.count(),
    prisma.savedComparison.count(),
    prisma.measureType.count(),
    prisma.approach.count(),
    prisma.auditEvent.count(),
  ]);
  return { cases, organisations, users, comparisons, types, approaches, audit };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

/** Every field any action reads, each holding a NUL or a non-UUID id. */
function junkForm(): FormData {
  const text = `x${NUL}y`;
  return form({
    caseId: "not-a-uuid",
    measureId: "1; drop table case_study",
    id: "../../etc",
    userId: text,
    organisationId: "not-a-uuid",
    revision: "NaN",
    version: "-1",
    action: text,
    payload: JSON.stringify({ title: text, measures: [{ label: text }] }),
    base: "{",
    name: text,
    slug: text,
    email: `a${NUL}@example.org`,
    password: text,
    role: text,
    disabled: text,
    key: text,
    decision: text,
    description: text,
    sourceCitation: text,
    sourceUrl: text,
    definition: text,
    countingUnit: text,
    unit: text,
    direction: text,
    category: text,
    cases: text,
    changeNote: text,
    next: text,
  });
}

beforeAll(async () => {
  organisationId = (await prisma.organisation.create({ data: { slug: `bad-${randomUUID().slice(0, 8)}`, name: "Bad input org" } })).id;
  const id = randomUUID();
  await prisma.user.create({ data: { id, name: "admin", email: `${id}@example.test`, role: "admin", organisationId } });
  session.user = { id, email: `${id}@example.test`, name: "admin", role: "admin", organisationId, organisationName: null };
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("malformed action bodies", () => {
  it("there are actions to check", () => {
    expect(formActions.length).toBeGreaterThanOrEqual(20);
  });

  it.each([
    ["[null, null]", [null, null]],
    ["no arguments", []],
    ["a string", ["x", "caseId=1"]],
    ["a JSON object", [{ status: "idle" }, { caseId: "x", payload: "{}" }]],
    ["an array", [{ status: "idle" }, [["caseId", "x"]]]],
  ])("%s: every form action answers with a form error", async (_what, args) => {
    const before = await counts();
    for (const [name, action] of formActions) {
      const result = await action(...args).catch((e: unknown) => ({ thrown: String(e) }));
      expect(result, name).toMatchObject({ status: "error", message: expect.stringMatching(/form could not be read/) });
    }
    await expect(actions.deleteComparisonAction(null as unknown as FormData)).resolves.toBeUndefined();
    expect(await counts()).toEqual(before);
  });

  it("non-UUID ids, NUL characters and broken JSON in every field: form errors, nothing stored", async () => {
    const before = await counts();
    for (const [name, action] of formActions) {
      const result = (await action({ status: "idle" }, junkForm()).catch((e: unknown) => ({ thrown: String(e) }))) as {
        status?: string;
        message?: string;
      };
      expect(result, name).toMatchObject({ status: "error", message: expect.any(String) });
      expect(result.message, name).not.toMatch(/service had a problem/);
    }
    await expect(actions.deleteComparisonAction(junkForm())).resolves.toBeUndefined();
    expect(await counts()).toEqual(before);
  });

  it("a NUL character in a free-text field is a message next to the field", async () => {
    const organisation = (await actions.createOrganisationAction({ status: "idle" }, form({ name: `Caf${NUL}é`, slug: "cafe-nul" }))) as {
      fieldErrors?: Record<string, string[]>;
    };
    expect(organisation.fieldErrors?.name?.[0]).toMatch(/control character/);
    const approach = (await actions.proposeApproachAction(
      { status: "idle" },
      form({ name: "Abc", description: `${"x".repeat(90)}${NUL}`, sourceCitation: "A source", sourceUrl: "https://example.org" }),
    )) as { fieldErrors?: Record<string, string[]> };
    expect(approach.fieldErrors?.description?.[0]).toMatch(/control character/);
    const signIn = (await actions.signInAction({ status: "idle" }, form({ email: `a${NUL}@example.org`, password: "x" }))) as {
      status: string;
    };
    expect(signIn.status).toBe("error");
  });
});
