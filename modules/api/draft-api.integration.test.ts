import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { resetUserPassword } from "@/modules/admin/data/users";
import { MAX_BODY_BYTES } from "./routes/draft-routes";
import { authenticateApiToken, createApiToken, revokeApiToken, TOKEN_FAILURES_PER_MINUTE } from "./data/api-tokens";
import { generateApiToken } from "./present/token-format";
import { makeResponseValidator } from "./test-support/openapi-validator";

// Analysts' scripts writing drafts with a personal token, against a real
// PostgreSQL: the workspace's own write path (validation, locking, audit),
// organisation scoping, revoked / expired / disabled tokens, and every answer
// checked against the OpenAPI document.

vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  unstable_cache:
    (fn: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) =>
      fn(...args),
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
}));

const drafts = await import("@/app/api/v1/drafts/route");
const draft = await import("@/app/api/v1/drafts/[id]/route");
const series = await import("@/app/api/v1/drafts/[id]/measures/[measureId]/series/route");
const openapi = await import("@/app/api/v1/openapi.json/route");

const prisma = db();
const BASE = "http://localhost:3000";
const tag = randomUUID().slice(0, 8);
const orgs = {} as { a: string; b: string };
const users = {} as { a: CurrentUser; b: CurrentUser; viewer: CurrentUser };
const tokens = {} as { a: string; b: string };
let check: ReturnType<typeof makeResponseValidator>;
let address = 0;

async function makeUser(role: CurrentUser["role"], organisationId: string): Promise<CurrentUser> {
  const id = randomUUID();
  const email = `api-w-${id.slice(0, 8)}@example.test`;
  await prisma.user.create({ data: { id, name: `API ${role}`, email, role, organisationId } });
  return { id, email, name: `API ${role}`, role, organisationId, organisationName: null };
}

/** Each request from its own client address, so the failed-attempt limit of one test does not reach another. */
function request(method: string, path: string, token: string | null, body?: unknown, ip = `198.51.100.${(address++ % 250) + 1}`) {
  const headers: Record<string, string> = { "x-forwarded-for": ip };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${BASE}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}
const params = <P>(p: P) => ({ params: Promise.resolve(p) });

function caseBody(slug: string, extra: Record<string, unknown> = {}) {
  return {
    title: `Scripted case ${slug}`,
    slug,
    sector: "housing",
    sourceCitation: "Council report, 2024",
    evidenceLevel: 1,
    measures: [{ label: "Repairs chased", unit: "count", direction: "lower_is_better", before: 100, after: 59 }],
    ...extra,
  };
}

async function caseCount() {
  return prisma.caseStudy.count();
}

async function create(token: string, slug: string) {
  const res = await drafts.POST(request("POST", "/api/v1/drafts", token, caseBody(slug)));
  const r = await check("/api/v1/drafts", "post", res);
  expect(r.errors).toEqual([]);
  expect(r.status).toBe(201);
  return (r.body as { data: { id: string; revision: number } }).data;
}

beforeAll(async () => {
  orgs.a = (await prisma.organisation.create({ data: { slug: `api-w-a-${tag}`, name: "Writer A" } })).id;
  orgs.b = (await prisma.organisation.create({ data: { slug: `api-w-b-${tag}`, name: "Writer B" } })).id;
  users.a = await makeUser("analyst", orgs.a);
  users.b = await makeUser("analyst", orgs.b);
  users.viewer = await makeUser("viewer", orgs.a);
  tokens.a = (await createApiToken(users.a, { name: "A's pipeline", days: 30 })).token;
  tokens.b = (await createApiToken(users.b, { name: "B's pipeline", days: 30 })).token;
  const doc = (await (await openapi.GET(new Request(`${BASE}/api/v1/openapi.json`), params({}))).json()) as Record<string, unknown>;
  check = makeResponseValidator(doc);
}, 120_000);

afterAll(async () => {
  await prisma.$disconnect();
});

describe("tokens", () => {
  it("are stored hashed, never in clear, and only analysts of an organisation get one", async () => {
    const stored = await prisma.apiToken.findMany({ where: { userId: users.a.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(tokens.a.slice(7));
    expect(JSON.stringify(stored)).not.toContain(tokens.a);
    await expect(createApiToken(users.viewer, { name: "x", days: 30 })).rejects.toThrow(/analysts/);
    const audit = await prisma.auditEvent.findFirst({
      where: { entityType: "api_token", entityId: stored[0]!.id, action: "token_create" },
    });
    expect(audit).not.toBeNull();
  });
});

describe("POST /api/v1/drafts", () => {
  it("creates a draft through the workspace's path, audited, in the token's organisation", async () => {
    const slug = `api-w-${tag}-1`;
    const created = await create(tokens.a, slug);
    const c = await prisma.caseStudy.findUniqueOrThrow({ where: { id: created.id } });
    expect(c).toMatchObject({ slug, organisationId: orgs.a, status: "draft", createdById: users.a.id });
    const audit = await prisma.auditEvent.findFirst({ where: { caseStudyId: created.id, action: "create", actorId: users.a.id } });
    expect(audit).not.toBeNull();
  });

  it("refuses a bad body with a 400 problem naming each field, and writes nothing", async () => {
    const before = await caseCount();
    const auditBefore = await prisma.auditEvent.count();
    const res = await drafts.POST(
      request(
        "POST",
        "/api/v1/drafts",
        tokens.a,
        caseBody(`api-w-${tag}-bad`, { title: "", measures: [{ label: "x", unit: "furlongs" }] }),
      ),
    );
    const r = await check("/api/v1/drafts", "post", res);
    expect(r.errors).toEqual([]);
    expect(r.status).toBe(400);
    const paths = (r.body as { errors: Array<{ path: string; pointer: string }> }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["title", "measures.0.unit"]));
    expect(await caseCount()).toBe(before);
    expect(await prisma.auditEvent.count()).toBe(auditBefore);

    const notJson = await drafts.POST(request("POST", "/api/v1/drafts", tokens.a, "{not json"));
    expect((await check("/api/v1/drafts", "post", notJson)).status).toBe(400);
    expect(await caseCount()).toBe(before);

    // A body over the cap is refused before it is parsed.
    const huge = caseBody(`api-w-${tag}-huge`, { summary: "x".repeat(MAX_BODY_BYTES) });
    const tooLarge = await check("/api/v1/drafts", "post", await drafts.POST(request("POST", "/api/v1/drafts", tokens.a, huge)));
    expect(tooLarge.errors).toEqual([]);
    expect(tooLarge.status).toBe(413);
    expect(await caseCount()).toBe(before);
  });

  it("refuses to create a case in another organisation (403), writing nothing", async () => {
    const before = await caseCount();
    const res = await drafts.POST(request("POST", "/api/v1/drafts", tokens.a, caseBody(`api-w-${tag}-x`, { organisationId: orgs.b })));
    const r = await check("/api/v1/drafts", "post", res);
    expect(r.errors).toEqual([]);
    expect(r.status).toBe(403);
    expect(await caseCount()).toBe(before);
  });
});

describe("GET and PUT /api/v1/drafts/{id}", () => {
  it("reads and saves with the revision; a stale revision is a 409 and saves nothing", async () => {
    const created = await create(tokens.a, `api-w-${tag}-2`);
    const got = await check(
      "/api/v1/drafts/{id}",
      "get",
      await draft.GET(request("GET", `/api/v1/drafts/${created.id}`, tokens.a), params({ id: created.id })),
    );
    expect(got.errors).toEqual([]);
    const data = (got.body as { data: { revision: number; case: Record<string, unknown> } }).data;

    const body = { revision: data.revision, case: { ...data.case, title: "Renamed by the script" } };
    const saved = await check(
      "/api/v1/drafts/{id}",
      "put",
      await draft.PUT(request("PUT", `/api/v1/drafts/${created.id}`, tokens.a, body), params({ id: created.id })),
    );
    expect(saved.errors).toEqual([]);
    expect(saved.status).toBe(200);
    expect((saved.body as { data: { revision: number; changes: number } }).data).toMatchObject({ revision: data.revision + 1, changes: 1 });

    const stale = await check(
      "/api/v1/drafts/{id}",
      "put",
      await draft.PUT(
        request("PUT", `/api/v1/drafts/${created.id}`, tokens.a, { revision: data.revision, case: { ...data.case, title: "Stale" } }),
        params({ id: created.id }),
      ),
    );
    expect(stale.errors).toEqual([]);
    expect(stale.status).toBe(409);
    expect((stale.body as { current_revision: number }).current_revision).toBe(data.revision + 1);
    const v = await prisma.caseVersion.findFirstOrThrow({ where: { caseStudyId: created.id, number: null } });
    expect(v.title).toBe("Renamed by the script");
  });

  it("organisation B's token cannot read or touch A's draft: 404, nothing written", async () => {
    const created = await create(tokens.a, `api-w-${tag}-3`);
    const got = await draft.GET(request("GET", `/api/v1/drafts/${created.id}`, tokens.b), params({ id: created.id }));
    expect((await check("/api/v1/drafts/{id}", "get", got)).status).toBe(404);
    const audits = await prisma.auditEvent.count({ where: { caseStudyId: created.id } });
    const put = await draft.PUT(
      request("PUT", `/api/v1/drafts/${created.id}`, tokens.b, {
        revision: created.revision,
        case: { ...caseBody(`api-w-${tag}-3`), title: "Taken over" },
      }),
      params({ id: created.id }),
    );
    const r = await check("/api/v1/drafts/{id}", "put", put);
    expect(r.errors).toEqual([]);
    expect(r.status).toBe(404);
    const v = await prisma.caseVersion.findFirstOrThrow({ where: { caseStudyId: created.id, number: null } });
    expect(v.title).toBe(`Scripted case api-w-${tag}-3`);
    expect(await prisma.auditEvent.count({ where: { caseStudyId: created.id } })).toBe(audits);
  });
});

describe("PUT /api/v1/drafts/{id}/measures/{measureId}/series", () => {
  it("uploads a series through the series editor's rules, and refuses a bad one with field paths", async () => {
    const created = await create(tokens.a, `api-w-${tag}-4`);
    const got = (await (await draft.GET(request("GET", `/api/v1/drafts/${created.id}`, tokens.a), params({ id: created.id }))).json()) as {
      data: { revision: number; measures: Array<{ id: string }> };
    };
    const measureId = got.data.measures[0]!.id;
    const path = `/api/v1/drafts/${created.id}/measures/${measureId}/series`;
    const points = Array.from({ length: 6 }, (_, i) => ({ date: `2024-0${i + 1}-01`, value: 100 - i * 5 }));
    const body = {
      revision: got.data.revision,
      points,
      rebaseDates: [],
      target: null,
      runLength: 7,
      headlineMethod: "figures",
      frequency: "monthly",
    };
    const ok = await check(
      "/api/v1/drafts/{id}/measures/{measureId}/series",
      "put",
      await series.PUT(request("PUT", path, tokens.a, body), params({ id: created.id, measureId })),
    );
    expect(ok.errors).toEqual([]);
    expect(ok.status).toBe(200);
    expect(await prisma.observation.count({ where: { measureId } })).toBe(6);

    const bad = { ...body, revision: got.data.revision + 1, points: [...points, { date: "2024-01-01", value: 1 }] };
    const refused = await check(
      "/api/v1/drafts/{id}/measures/{measureId}/series",
      "put",
      await series.PUT(request("PUT", path, tokens.a, bad), params({ id: created.id, measureId })),
    );
    expect(refused.errors).toEqual([]);
    expect(refused.status).toBe(400);
    expect((refused.body as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toContain("points.6.date");
    expect(await prisma.observation.count({ where: { measureId } })).toBe(6);

    const other = await series.PUT(
      request("PUT", path, tokens.b, { ...body, revision: got.data.revision + 1 }),
      params({ id: created.id, measureId }),
    );
    expect(other.status).toBe(404);
  });
});

describe("refused tokens", () => {
  it("no token, an unknown token, a revoked, an expired one, a disabled user's and one whose password was reset are 401 problems, writing nothing", async () => {
    const revoked = await createApiToken(users.a, { name: "To revoke", days: 30 });
    expect(await revokeApiToken(users.a, revoked.id)).toBe(true);
    const expired = await createApiToken(users.a, { name: "Old", days: 30 }, new Date(Date.now() - 31 * 86_400_000));
    const disabledUser = await makeUser("analyst", orgs.a);
    const disabled = await createApiToken(disabledUser, { name: "Disabled's", days: 30 });
    await prisma.user.update({ where: { id: disabledUser.id }, data: { banned: true } });
    const resetUser = await makeUser("analyst", orgs.a);
    const pending = await createApiToken(resetUser, { name: "Reset's", days: 30 });
    await prisma.user.update({ where: { id: resetUser.id }, data: { mustChangePassword: true } });

    const before = await caseCount();
    for (const [name, token] of [
      ["none", null],
      ["unknown", generateApiToken()],
      ["revoked", revoked.token],
      ["expired", expired.token],
      ["disabled", disabled.token],
      ["password reset pending", pending.token],
    ] as const) {
      const res = await drafts.POST(request("POST", "/api/v1/drafts", token, caseBody(`api-w-${tag}-${name}`)));
      const r = await check("/api/v1/drafts", "post", res);
      expect(r.errors, name).toEqual([]);
      expect(r.status, name).toBe(401);
      expect(res.headers.get("www-authenticate"), name).toContain("Bearer");
    }
    expect(await caseCount()).toBe(before);
  });

  it("an admin's password reset revokes the account's tokens for good", async () => {
    const user = await makeUser("analyst", orgs.a);
    const made = await createApiToken(user, { name: "Before the reset", days: 30 });
    expect((await authenticateApiToken(made.token)).ok).toBe(true);
    expect(await resetUserPassword(users.a.id, user.id, "not-a-real-hash", null)).toMatchObject({ ok: true });
    // Even once the owner has chosen a new password, the old token stays revoked.
    await prisma.user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
    expect(await authenticateApiToken(made.token)).toEqual({ ok: false, reason: "revoked" });
  });

  it("an address with too many failed attempts is told to wait (429), even with a good token", async () => {
    const ip = "203.0.113.77";
    for (let i = 0; i < TOKEN_FAILURES_PER_MINUTE; i++) {
      expect((await drafts.POST(request("POST", "/api/v1/drafts", generateApiToken(), caseBody(`x-${i}`), ip))).status).toBe(401);
    }
    const res = await drafts.POST(request("POST", "/api/v1/drafts", tokens.a, caseBody(`api-w-${tag}-limited`), ip));
    const r = await check("/api/v1/drafts", "post", res);
    expect(r.errors).toEqual([]);
    expect(r.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
