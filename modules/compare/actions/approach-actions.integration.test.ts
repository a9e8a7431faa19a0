import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

// Issue 16: analysts propose approaches that real write-ups name; an admin
// accepts them into the library. Called as a browser would (FormData in,
// state out); Next's request-bound functions are stubbed, the database is real.

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/modules/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
}));
// A redirect as Next throws it (the digest is how the action guard knows to let it through).
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url, digest: `NEXT_REDIRECT;replace;${url};307;` });
  },
}));

const { proposeApproachAction, decideApproachAction } = await import("./approach-actions");
const { listApproaches } = await import("@/modules/compare/data/approach-overview");
const prisma = db();
const IDLE = { status: "idle" as const };
const users: Record<string, CurrentUser> = {};

async function makeUser(role: CurrentUser["role"]): Promise<CurrentUser> {
  const id = randomUUID();
  const org = await prisma.organisation.create({ data: { slug: `ap-${id.slice(0, 8)}`, name: "Approach org" } });
  await prisma.user.create({
    data: { id, name: role, email: `${id}@example.test`, role, organisationId: role === "admin" ? null : org.id },
  });
  return { id, email: `${id}@example.test`, name: role, role, organisationId: role === "admin" ? null : org.id, organisationName: null };
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

async function call<T>(user: CurrentUser | null, action: () => Promise<T>): Promise<T | { redirect: string }> {
  session.user = user;
  try {
    return await action();
  } catch (error) {
    if (error instanceof Error && "url" in error) return { redirect: String((error as { url: string }).url) };
    throw error;
  }
}

const name = `Neighbourhood circles ${randomUUID().slice(0, 6)}`;
const proposal = {
  name,
  description:
    "Small groups of neighbours agree to look out for one another and meet monthly with a paid connector, who links them to services when needed.",
  sourceCitation: "A council report, 2024",
  sourceUrl: "https://example.org/circles",
};

beforeAll(async () => {
  users.analyst = await makeUser("analyst");
  users.viewer = await makeUser("viewer");
  users.admin = await makeUser("admin");
});

describe("proposing and accepting an approach", () => {
  it("a viewer or anonymous caller cannot propose, and nothing is written", async () => {
    const before = await prisma.approach.count();
    for (const user of [null, users.viewer!]) {
      const result = await call(user, () => proposeApproachAction(IDLE, form(proposal)));
      expect(result).toMatchObject({ status: "error" });
    }
    expect(await prisma.approach.count()).toBe(before);
  });

  it("a short definition or a missing source is refused beside its field", async () => {
    const result = await call(users.analyst!, () =>
      proposeApproachAction(IDLE, form({ ...proposal, description: "Too short", sourceUrl: "" })),
    );
    expect(result).toMatchObject({ status: "error", fieldErrors: { description: [expect.any(String)], sourceUrl: [expect.any(String)] } });
  });

  it("an analyst's proposal waits for an admin: not offered, not on the overview; then accepted with an audit trail", async () => {
    expect(await call(users.analyst!, () => proposeApproachAction(IDLE, form(proposal)))).toMatchObject({
      redirect: expect.stringContaining("proposed="),
    });
    const stored = await prisma.approach.findFirstOrThrow({ where: { name } });
    expect(stored.status).toBe("proposed");
    expect((await listApproaches()).some((a) => a.key === stored.key)).toBe(false);
    // The same name again is refused.
    expect(await call(users.analyst!, () => proposeApproachAction(IDLE, form(proposal)))).toMatchObject({ status: "error" });
    // Only an admin decides.
    expect(await call(users.analyst!, () => decideApproachAction(IDLE, form({ key: stored.key, decision: "accept" })))).toMatchObject({
      status: "error",
    });
    expect(await call(users.admin!, () => decideApproachAction(IDLE, form({ key: stored.key, decision: "accept" })))).toMatchObject({
      redirect: expect.stringContaining("accepted="),
    });
    expect((await listApproaches()).some((a) => a.key === stored.key)).toBe(true);
    const audit = await prisma.auditEvent.findMany({ where: { entityType: "approach", entityId: stored.key }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["propose", "accept"]);
  });

  it("a rejected proposal is removed", async () => {
    const other = { ...proposal, name: `${name} (rejected)` };
    await call(users.analyst!, () => proposeApproachAction(IDLE, form(other)));
    const stored = await prisma.approach.findFirstOrThrow({ where: { name: other.name } });
    await call(users.admin!, () => decideApproachAction(IDLE, form({ key: stored.key, decision: "reject" })));
    expect(await prisma.approach.findUnique({ where: { key: stored.key } })).toBeNull();
  });
});
