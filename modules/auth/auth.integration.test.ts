// Accounts and sign-in against a real, migrated PostgreSQL (from the integration global
// setup): better-auth on our Prisma schema, our account creation, the sign-in path the
// server action uses, disabling, session expiry and the shared rate-limit table.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "@/modules/auth/accounts";
import { createAuth, type Auth } from "@/modules/auth/auth";
import { signInWithPassword } from "@/modules/auth/sign-in";
import { readAuthEnv } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/prisma-client";

const PASSWORD = "correct horse battery";
const MAX_PER_MINUTE = 4;

let prisma: PrismaClient;
let auth: Auth;
let organisationId: string;

const email = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;
// Each test signs in from its own address so the rate limit of one never affects another.
// Each call a different address (the run's database is fresh, so counts start at
// zero): a random pick could repeat an address and trip the limit early.
let lastIp = 0;
const newIp = () => `198.51.${100 + Math.floor(++lastIp / 250)}.${(lastIp % 250) + 1}`;

async function newAccount(role: "admin" | "analyst" | "viewer", label = role) {
  const address = email(label);
  const result = await createAccount(
    auth,
    prisma,
    { email: address, name: `Test ${label}`, role, organisationId, password: PASSWORD },
    null,
  );
  if (!result.ok) throw new Error(result.reason);
  return { email: address, userId: result.userId };
}

/** The Cookie header a browser would send back after this Set-Cookie. */
function cookieFrom(setCookie: string): string {
  return setCookie
    .split(/,(?=\s*[^;,=\s]+=)/)
    .map((c) => c.split(";")[0]!.trim())
    .join("; ");
}

beforeAll(async () => {
  prisma = createPrismaClient(process.env.DATABASE_URL);
  auth = createAuth(prisma, readAuthEnv({ BETTER_AUTH_URL: "http://localhost:3399", AUTH_SIGN_IN_MAX_PER_MINUTE: String(MAX_PER_MINUTE) }));
  const slug = `auth-test-${randomUUID().slice(0, 8)}`;
  organisationId = (await prisma.organisation.create({ data: { slug, name: "Auth test trust" } })).id;
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("creating an account", () => {
  it("stores the user with role and organisation, a hashed password, and an audit row", async () => {
    const { email: address, userId } = await newAccount("analyst");
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { accounts: true } });
    expect(user).toMatchObject({ email: address, role: "analyst", organisationId, banned: false });
    expect(user.accounts).toHaveLength(1);
    expect(user.accounts[0]!.providerId).toBe("credential");
    expect(user.accounts[0]!.password).not.toContain(PASSWORD);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "user", entityId: userId } });
    expect(audit.action).toBe("create");
    expect(audit.changes).toContainEqual({ field: "role", from: null, to: "analyst" });
  });

  it("refuses a second account with the same email, whatever its case", async () => {
    const { email: address } = await newAccount("viewer");
    const again = await createAccount(
      auth,
      prisma,
      { email: address.toUpperCase(), name: "Dup", role: "viewer", organisationId, password: PASSWORD },
      null,
    );
    expect(again).toEqual({ ok: false, reason: "duplicate_email" });
  });
});

describe("signing in", () => {
  it("with the right password gives a session cookie that lasts eight hours on the server", async () => {
    const { email: address, userId } = await newAccount("analyst");
    const result = await signInWithPassword(auth, { email: address, password: PASSWORD, clientIp: newIp() });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.setCookie).toContain("better-auth.session_token=");
    // A browser-session cookie (no Max-Age): closing the browser on a shared desk signs out.
    const sessionCookie = result.setCookie.split(/,(?=\s*[^;,=\s]+=)/).find((c) => c.includes("session_token="))!;
    expect(sessionCookie).not.toMatch(/max-age|expires/i);
    expect(sessionCookie).toMatch(/httponly/i);

    const session = await auth.api.getSession({ headers: new Headers({ cookie: cookieFrom(result.setCookie) }) });
    expect(session?.user.id).toBe(userId);
    const hours = (new Date(session!.session.expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
  });

  it("with a wrong password, or an unknown email, is refused the same way", async () => {
    const { email: address } = await newAccount("viewer");
    const ip = newIp();
    expect(await signInWithPassword(auth, { email: address, password: "not the password", clientIp: ip })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await signInWithPassword(auth, { email: email("nobody"), password: PASSWORD, clientIp: ip })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("is refused for a disabled account, whose open sessions end at once", async () => {
    const admin = await newAccount("admin");
    const analyst = await newAccount("analyst");
    const adminSignIn = await signInWithPassword(auth, { email: admin.email, password: PASSWORD, clientIp: newIp() });
    const analystSignIn = await signInWithPassword(auth, { email: analyst.email, password: PASSWORD, clientIp: newIp() });
    if (!adminSignIn.ok || !analystSignIn.ok) throw new Error("sign-in failed");

    await auth.api.banUser({ headers: new Headers({ cookie: cookieFrom(adminSignIn.setCookie) }), body: { userId: analyst.userId } });

    expect(await auth.api.getSession({ headers: new Headers({ cookie: cookieFrom(analystSignIn.setCookie) }) })).toBeNull();
    expect(await signInWithPassword(auth, { email: analyst.email, password: PASSWORD, clientIp: newIp() })).toEqual({
      ok: false,
      reason: "disabled",
    });

    await auth.api.unbanUser({ headers: new Headers({ cookie: cookieFrom(adminSignIn.setCookie) }), body: { userId: analyst.userId } });
    expect((await signInWithPassword(auth, { email: analyst.email, password: PASSWORD, clientIp: newIp() })).ok).toBe(true);
  });

  it("is rate limited per client address, counted in the database so all app instances share it", async () => {
    const { email: address } = await newAccount("viewer");
    const ip = newIp();
    for (let i = 0; i < MAX_PER_MINUTE; i++) {
      expect(await signInWithPassword(auth, { email: address, password: "wrong password!", clientIp: ip })).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    // Even the right password is refused until the minute is up…
    expect(await signInWithPassword(auth, { email: address, password: PASSWORD, clientIp: ip })).toEqual({
      ok: false,
      reason: "rate_limited",
    });
    // …from that address only.
    expect((await signInWithPassword(auth, { email: address, password: PASSWORD, clientIp: newIp() })).ok).toBe(true);

    // A second instance (its own better-auth, its own Prisma pool) sees the same count.
    const otherPrisma = createPrismaClient(process.env.DATABASE_URL);
    try {
      const otherInstance = createAuth(
        otherPrisma,
        readAuthEnv({ BETTER_AUTH_URL: "http://localhost:3399", AUTH_SIGN_IN_MAX_PER_MINUTE: String(MAX_PER_MINUTE) }),
      );
      expect(await signInWithPassword(otherInstance, { email: address, password: PASSWORD, clientIp: ip })).toEqual({
        ok: false,
        reason: "rate_limited",
      });
    } finally {
      await otherPrisma.$disconnect();
    }
  });

  it("cannot be bypassed by signing up: public sign-up is off", async () => {
    const response = await auth.handler(
      new Request("http://localhost:3399/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3399", "x-forwarded-for": newIp() },
        body: JSON.stringify({ email: email("stranger"), password: PASSWORD, name: "Stranger" }),
      }),
    );
    expect(response.status).toBe(404);
  });
});
