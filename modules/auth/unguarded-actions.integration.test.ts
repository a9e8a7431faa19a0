// Every server action and every mutating route handler, found by reading the source
// tree (not listed by hand), called as three kinds of stranger: nobody signed in, a
// viewer, and an analyst of another organisation. Each must refuse, consult the session
// before anything else, and leave the database exactly as it was. An action added later
// without a permission check fails here. The only hand-written list is EXPECTED below:
// the actions that are open to a caller by design, with the reason.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

const ROOT = path.resolve(__dirname, "../..");
const SOURCE_DIRS = ["app", "modules", "components", "lib"];

const session = vi.hoisted(() => ({ user: null as CurrentUser | null, consulted: 0 }));
vi.mock("@/modules/auth/session", () => {
  const current = async () => {
    session.consulted++;
    return session.user;
  };
  const refuse = () => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;/sign-in" });
  };
  return {
    getCurrentUser: current,
    getSessionUser: async () => {
      const user = await current();
      return user ? { ...user, mustChangePassword: false } : null;
    },
    requireUser: async () => (await current()) ?? refuse(),
    requireRole: async (...roles: string[]) => {
      const user = await current();
      if (!user || !roles.includes(user.role)) refuse();
      return user;
    },
  };
});
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.50", "user-agent": "unguarded-actions test" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
  refresh: vi.fn(),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  },
  notFound: () => {
    throw Object.assign(new Error("NEXT_NOT_FOUND"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
  },
}));

type Stranger = "anonymous" | "viewer" | "otherAnalyst";

/**
 * Actions open to a caller by design. Everything else must refuse all three strangers.
 * Keyed "<file>#<export>"; the value lists the callers it is open to and why.
 */
const EXPECTED: Record<string, { openTo: Stranger[]; why: string }> = {
  "modules/auth/actions.ts#signInAction": {
    openTo: ["anonymous", "viewer", "otherAnalyst"],
    why: "signing in is for people without a session",
  },
  "modules/auth/actions.ts#signOutAction": { openTo: ["anonymous", "viewer", "otherAnalyst"], why: "ends only the caller's own session" },
  "modules/auth/password-actions.ts#changePasswordAction": {
    openTo: ["viewer", "otherAnalyst"],
    why: "changes only the caller's own password, and needs the current one",
  },
  "modules/compare/actions/comparison-actions.ts#saveComparisonAction": {
    openTo: ["viewer", "otherAnalyst"],
    why: "saves a public comparison for the caller's own organisation",
  },
  "modules/compare/actions/comparison-actions.ts#deleteComparisonAction": {
    openTo: ["viewer"],
    why: "any member may delete their own organisation's saved comparisons (the viewer is in the target's organisation)",
  },
  "modules/compare/actions/approach-actions.ts#proposeApproachAction": {
    openTo: ["otherAnalyst"],
    why: "any analyst may propose an approach; an admin accepts it",
  },
  "modules/import/actions/import-actions.ts#inspectImportAction": {
    openTo: ["otherAnalyst"],
    why: "reads only the uploaded file's columns; writes nothing",
  },
  "modules/import/actions/import-actions.ts#previewImportAction": {
    openTo: ["otherAnalyst"],
    why: "imports go into the caller's own organisation",
  },
  "modules/import/actions/import-actions.ts#commitImportAction": {
    openTo: ["otherAnalyst"],
    why: "imports go into the caller's own organisation",
  },
  "modules/api/actions/token-actions.ts#createApiTokenAction": {
    openTo: ["otherAnalyst"],
    why: "any analyst may make a token for their own account, scoped to their own organisation",
  },
};

/** Route handlers that are not ours to guard this way, with the reason. */
const EXPECTED_ROUTES: Record<string, string> = {
  "app/api/auth/[...all]/route.ts":
    "better-auth's own endpoints (sign-in, sign-out); its account endpoints are switched off in modules/auth/auth.ts",
};

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : walk(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const sources = SOURCE_DIRS.flatMap((d) => walk(path.join(ROOT, d))).map((file) => ({
  file: path.relative(ROOT, file),
  text: fs.readFileSync(file, "utf8"),
}));

/** A file whose first statement is the "use server" directive (comments allowed before it). */
function isActionFile(text: string): boolean {
  const withoutComments = text.replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, "");
  return /^["']use server["']/.test(withoutComments);
}

const actionFiles = sources.filter((s) => isActionFile(s.text)).map((s) => s.file);
const routeFiles = sources.filter((s) => /(^|\/)route\.ts$/.test(s.file)).map((s) => s.file);

const prisma = db();
const ids = {} as { orgA: string; orgB: string; caseId: string; caseSlug: string; comparisonId: string; analystA: string };
const users = {} as Record<Stranger, CurrentUser | null>;

async function makeUser(role: CurrentUser["role"], organisationId: string | null): Promise<CurrentUser> {
  const id = randomUUID();
  const email = `unguarded-${id.slice(0, 8)}@example.test`;
  await prisma.user.create({ data: { id, name: `Unguarded ${role}`, email, role, organisationId } });
  return { id, email, name: `Unguarded ${role}`, role, organisationId, organisationName: null };
}

/** One form carrying every field the actions read, pointing at organisation A's things. */
function formAimedAtOrganisationA(): FormData {
  const form = new FormData();
  const fields: Record<string, string> = {
    caseId: ids.caseId,
    id: ids.comparisonId,
    userId: ids.analystA,
    organisationId: ids.orgA,
    role: "admin",
    disabled: "true",
    status: "archived",
    version: "1",
    revision: "0",
    slug: `unguarded-${randomUUID().slice(0, 8)}`,
    name: "Unguarded test",
    email: `new-${randomUUID().slice(0, 8)}@example.test`,
    password: "",
    currentPassword: "not the password at all",
    newPassword: "a brand new passphrase here",
    confirmPassword: "a brand new passphrase here",
    cases: ids.caseSlug,
    decision: "accept",
    payload: JSON.stringify({
      title: "Taken over",
      slug: ids.caseSlug,
      organisationId: ids.orgA,
      sector: "housing",
      sourceCitation: "Unguarded test",
      evidenceLevel: "1",
      measures: [{ label: "Repairs", unit: "count", direction: "lower_is_better", before: "10", after: "5" }],
    }),
  };
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("file", new File(["title,slug\nA,b\n"], "cases.csv", { type: "text/csv" }));
  return form;
}

/** A digest of every table's rows: equal digests, unchanged database. */
async function databaseDigest(): Promise<string> {
  const tables = await prisma.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1`,
  );
  const parts = await Promise.all(
    tables.map(async ({ name }) => {
      const [row] = await prisma.$queryRawUnsafe<Array<{ d: string | null }>>(
        `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d FROM ${name} t`,
      );
      return `${name}:${row?.d}`;
    }),
  );
  return parts.join("\n");
}

async function outcome(call: () => Promise<unknown>): Promise<{ refused: boolean; detail: string }> {
  try {
    const result = (await call()) as { status?: string; message?: string } | Response | undefined;
    if (result instanceof Response) return { refused: result.status >= 400, detail: `HTTP ${result.status}` };
    return { refused: result?.status !== "success", detail: JSON.stringify(result ?? null).slice(0, 200) };
  } catch (error) {
    // redirect() to sign-in, notFound(), or a thrown refusal.
    return { refused: true, detail: String((error as Error).message) };
  }
}

beforeAll(async () => {
  ids.orgA = (await prisma.organisation.create({ data: { slug: `ug-a-${randomUUID().slice(0, 8)}`, name: "Unguarded A" } })).id;
  ids.orgB = (await prisma.organisation.create({ data: { slug: `ug-b-${randomUUID().slice(0, 8)}`, name: "Unguarded B" } })).id;
  const analystA = await makeUser("analyst", ids.orgA);
  ids.analystA = analystA.id;
  users.anonymous = null;
  users.viewer = await makeUser("viewer", ids.orgA);
  users.otherAnalyst = await makeUser("analyst", ids.orgB);

  // Organisation A's draft case and saved comparison, made through the real action.
  session.user = analystA;
  ids.caseSlug = `ug-case-${randomUUID().slice(0, 8)}`;
  const { saveCaseAction } = await import("@/modules/workspace/actions/case-actions");
  const created = new FormData();
  created.set("caseId", "");
  created.set(
    "payload",
    JSON.stringify({
      title: "Unguarded target",
      slug: ids.caseSlug,
      organisationId: ids.orgA,
      sector: "housing",
      sourceCitation: "Test source",
      evidenceLevel: "1",
      measures: [{ label: "Repairs", unit: "count", direction: "lower_is_better", before: "10", after: "5" }],
    }),
  );
  await saveCaseAction({ status: "idle" }, created).catch(() => undefined);
  ids.caseId = (await prisma.caseStudy.findUniqueOrThrow({ where: { slug: ids.caseSlug } })).id;
  ids.comparisonId = (
    await prisma.savedComparison.create({ data: { name: "A's comparison", organisationId: ids.orgA, caseSlugs: [ids.caseSlug] } })
  ).id;
  session.user = null;
}, 120_000);

afterAll(async () => {
  await prisma.$disconnect();
});

describe("the enumeration", () => {
  it("finds the action files and route handlers", () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(8);
    expect(actionFiles).toContain("modules/workspace/actions/case-actions.ts");
    expect(routeFiles).toContain("app/api/auth/[...all]/route.ts");
  });

  it('finds no inline server action (a function-level "use server" cannot be enumerated; move it to an actions file)', () => {
    const inline = sources.filter((s) => !isActionFile(s.text) && /^\s+["']use server["'];?\s*$/m.test(s.text)).map((s) => s.file);
    expect(inline).toEqual([]);
  });

  it("every expected exception still exists (a stale entry would hide nothing, but misleads)", async () => {
    for (const key of Object.keys(EXPECTED)) {
      const [file, name] = key.split("#") as [string, string];
      expect(actionFiles, key).toContain(file);
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      expect(typeof mod[name], key).toBe("function");
    }
  });
});

describe.each(["anonymous", "viewer", "otherAnalyst"] as const)("every server action called by a stranger (%s)", (stranger) => {
  it("is refused, after consulting the session, and changes nothing in the database", async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const file of actionFiles) {
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value !== "function") continue;
        const key = `${file}#${name}`;
        if (EXPECTED[key]?.openTo.includes(stranger)) continue;
        checked++;
        const action = value as (...args: unknown[]) => Promise<unknown>;
        session.user = users[stranger];
        session.consulted = 0;
        const before = await databaseDigest();
        const result = await outcome(() =>
          action.length === 1 ? action(formAimedAtOrganisationA()) : action({ status: "idle" }, formAimedAtOrganisationA()),
        );
        const after = await databaseDigest();
        if (session.consulted === 0) failures.push(`${key}: never asked who the caller is`);
        if (!result.refused) failures.push(`${key}: not refused (${result.detail})`);
        if (before !== after) failures.push(`${key}: changed the database`);
      }
    }
    session.user = null;
    expect(checked).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  });
});

describe.each(["anonymous", "viewer", "otherAnalyst"] as const)("every mutating route handler called by a stranger (%s)", (stranger) => {
  it("answers 4xx and changes nothing in the database", async () => {
    const failures: string[] = [];
    for (const file of routeFiles) {
      if (EXPECTED_ROUTES[file]) continue;
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const handler = mod[method];
        if (typeof handler !== "function") continue;
        session.user = users[stranger];
        const before = await databaseDigest();
        const request = new Request(`http://localhost/${file}`, { method, body: formAimedAtOrganisationA() });
        const params = Promise.resolve(new Proxy({}, { get: () => ids.caseSlug }));
        const result = await outcome(() => (handler as (r: Request, c: unknown) => Promise<unknown>)(request, { params }));
        const after = await databaseDigest();
        if (!result.refused) failures.push(`${method} ${file}: not refused (${result.detail})`);
        if (before !== after) failures.push(`${method} ${file}: changed the database`);
      }
    }
    session.user = null;
    expect(failures).toEqual([]);
  });
});
