import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

// The admin-only and organisation-scoped mutations, called as a browser would
// (FormData in, state out) by each kind of caller. A refused call must return a
// message and leave the database exactly as it was. Next's request-bound
// functions need a running server, so they are stubbed; the database is real.

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/modules/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
// A redirect as Next throws it (the digest is how the action guard knows to let it through).
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url, digest: `NEXT_REDIRECT;replace;${url};307;` });
  },
}));

const users = await import("./users");
const { createOrganisationAction } = await import("./organisations");
const { createMeasureTypeAction, updateMeasureTypeAction } = await import("@/modules/compare/actions/measure-type-actions");
const { saveComparisonAction, deleteComparisonAction } = await import("@/modules/compare/actions/comparison-actions");

const prisma = db();
const IDLE = { status: "idle" as const };
let orgA: string;
let orgB: string;
let target: { id: string };
let measureTypeId: string;
const callers: Record<string, CurrentUser | null> = {};

async function makeUser(role: CurrentUser["role"], organisationId: string | null): Promise<CurrentUser> {
  const id = randomUUID();
  await prisma.user.create({ data: { id, name: `${role} ${id.slice(0, 6)}`, email: `${id}@example.test`, role, organisationId } });
  return { id, email: `${id}@example.test`, name: role, role, organisationId, organisationName: null };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

/** Everything these actions can change, to compare before and after a refused call. */
async function snapshot() {
  const [userRows, organisations, types, comparisons, audits] = await Promise.all([
    prisma.user.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, organisationId: true, banned: true } }),
    prisma.organisation.count(),
    prisma.measureType.findMany({ orderBy: { key: "asc" }, select: { key: true, name: true, definition: true } }),
    prisma.savedComparison.count(),
    prisma.auditEvent.count(),
  ]);
  return { userRows, organisations, types, comparisons, audits };
}

beforeAll(async () => {
  orgA = (await prisma.organisation.create({ data: { slug: `adm-a-${randomUUID().slice(0, 8)}`, name: "Admin test A" } })).id;
  orgB = (await prisma.organisation.create({ data: { slug: `adm-b-${randomUUID().slice(0, 8)}`, name: "Admin test B" } })).id;
  callers.anonymous = null;
  callers.viewer = await makeUser("viewer", orgA);
  callers.analyst = await makeUser("analyst", orgA);
  callers.admin = await makeUser("admin", null);
  target = await makeUser("viewer", orgA);
  measureTypeId = (
    await prisma.measureType.create({
      data: {
        key: `adm-type-${randomUUID().slice(0, 8)}`,
        name: "Admin test type",
        definition: "A type for the admin tests.",
        countingUnit: "one thing",
        unit: "count",
        direction: "lower_is_better",
        category: "activity",
      },
    })
  ).id;
});

afterAll(async () => {
  await prisma.$disconnect();
});

const adminOnly: Array<[string, () => Promise<{ status: string }>]> = [
  [
    "create a user",
    () =>
      users.createUserAction(
        IDLE,
        form({ email: `new-${randomUUID()}@example.test`, name: "New", role: "viewer", organisationId: "", password: "" }),
      ),
  ],
  ["change a role", () => users.changeRoleAction(IDLE, form({ userId: target.id, role: "admin" }))],
  ["change an organisation", () => users.changeOrganisationAction(IDLE, form({ userId: target.id, organisationId: orgB }))],
  ["disable an account", () => users.setDisabledAction(IDLE, form({ userId: target.id, disabled: "true" }))],
  ["create an organisation", () => createOrganisationAction(IDLE, form({ name: "Sneaky", slug: `sneaky-${randomUUID().slice(0, 8)}` }))],
  [
    "create a measure type",
    () =>
      createMeasureTypeAction(
        IDLE,
        form({
          key: `sneaky-${randomUUID().slice(0, 8)}`,
          name: "Sneaky",
          definition: "Should never be created.",
          countingUnit: "one",
          unit: "count",
          direction: "lower_is_better",
          category: "activity",
        }),
      ),
  ],
  [
    "edit a measure type",
    () =>
      updateMeasureTypeAction(
        IDLE,
        form({
          id: measureTypeId,
          name: "Renamed",
          definition: "Should never be renamed.",
          countingUnit: "one",
          unit: "count",
          direction: "lower_is_better",
          category: "activity",
        }),
      ),
  ],
];

describe("admin-only mutations", () => {
  for (const role of ["anonymous", "viewer", "analyst"]) {
    for (const [what, call] of adminOnly) {
      it(`${role} cannot ${what}`, async () => {
        session.user = callers[role]!;
        const before = await snapshot();
        const state = await call();
        expect(state.status).toBe("error");
        expect(await snapshot()).toEqual(before);
      });
    }
  }

  it("an admin can change a role, move a user and create an organisation, each with an audit row", async () => {
    session.user = callers.admin!;
    const audits = await prisma.auditEvent.count();
    expect((await users.changeRoleAction(IDLE, form({ userId: target.id, role: "analyst" }))).status).toBe("success");
    expect((await users.changeOrganisationAction(IDLE, form({ userId: target.id, organisationId: orgB }))).status).toBe("success");
    expect((await createOrganisationAction(IDLE, form({ name: "New org", slug: `new-org-${randomUUID().slice(0, 8)}` }))).status).toBe(
      "success",
    );
    expect(await prisma.user.findUniqueOrThrow({ where: { id: target.id }, select: { role: true, organisationId: true } })).toEqual({
      role: "analyst",
      organisationId: orgB,
    });
    expect(await prisma.auditEvent.count()).toBe(audits + 3);
  });

  it("an admin can edit a measure type (and is sent back to the library)", async () => {
    session.user = callers.admin!;
    const call = updateMeasureTypeAction(
      IDLE,
      form({
        id: measureTypeId,
        name: "Renamed type",
        definition: "A type for the admin tests.",
        countingUnit: "one thing",
        unit: "count",
        direction: "lower_is_better",
        category: "activity",
      }),
    );
    await expect(call).rejects.toMatchObject({ message: "NEXT_REDIRECT" });
    expect((await prisma.measureType.findUniqueOrThrow({ where: { id: measureTypeId } })).name).toBe("Renamed type");
  });

  it("a measure type that would mix directions within its category is refused beside the direction field", async () => {
    session.user = callers.admin!;
    const fields = { definition: "A type that improves the other way.", countingUnit: "one thing", unit: "count", category: "activity" };
    const created = await createMeasureTypeAction(
      IDLE,
      form({ ...fields, key: `mixed-${randomUUID().slice(0, 8)}`, name: "Mixed type", direction: "higher_is_better" }),
    );
    expect(created.status).toBe("error");
    expect(created.fieldErrors?.direction?.[0]).toMatch(/must improve the same way.*lower is better/);
    // With a second type in the category, the first cannot turn the other way either.
    await expect(
      createMeasureTypeAction(
        IDLE,
        form({ ...fields, key: `same-${randomUUID().slice(0, 8)}`, name: "Same way", direction: "lower_is_better" }),
      ),
    ).rejects.toMatchObject({ message: "NEXT_REDIRECT" });
    const edited = await updateMeasureTypeAction(
      IDLE,
      form({ ...fields, id: measureTypeId, name: "Renamed type", direction: "higher_is_better" }),
    );
    expect(edited.fieldErrors?.direction?.[0]).toMatch(/must improve the same way/);
    expect((await prisma.measureType.findUniqueOrThrow({ where: { id: measureTypeId } })).direction).toBe("lower_is_better");
  });

  it("an admin cannot demote or disable themselves", async () => {
    session.user = callers.admin!;
    expect((await users.changeRoleAction(IDLE, form({ userId: callers.admin!.id, role: "viewer" }))).status).toBe("error");
    expect((await users.setDisabledAction(IDLE, form({ userId: callers.admin!.id, disabled: "true" }))).status).toBe("error");
  });
});

describe("saved comparisons belong to an organisation", () => {
  it("anonymous callers cannot save; another organisation cannot delete", async () => {
    session.user = null;
    const before = await prisma.savedComparison.count();
    expect((await saveComparisonAction(IDLE, form({ name: "Mine", cases: "a-case,b-case" }))).status).toBe("error");
    expect(await prisma.savedComparison.count()).toBe(before);

    session.user = callers.viewer!;
    expect((await saveComparisonAction(IDLE, form({ name: "Org A's", cases: "a-case,b-case" }))).status).toBe("success");
    const saved = await prisma.savedComparison.findFirstOrThrow({ where: { organisationId: orgA, name: "Org A's" } });

    session.user = await makeUser("analyst", orgB);
    await deleteComparisonAction(form({ id: saved.id }));
    expect(await prisma.savedComparison.findUnique({ where: { id: saved.id } })).not.toBeNull();

    session.user = callers.analyst!;
    await deleteComparisonAction(form({ id: saved.id }));
    expect(await prisma.savedComparison.findUnique({ where: { id: saved.id } })).toBeNull();
  });
});
