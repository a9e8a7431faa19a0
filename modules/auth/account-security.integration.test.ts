// The client address and the account rules against a real PostgreSQL and a real HTTP
// server: X-Forwarded-For as the sign-in limit sees it (TRUST_PROXY), the per-account
// limit on failed sign-ins, the audit rows with the client's address, and sessions that
// end when an admin resets a password or changes a role or organisation.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "@/modules/auth/accounts";
import { createAuth, type Auth } from "@/modules/auth/auth";
import { ACCOUNT_LOCK_MINUTES, signInAndRecord, signInWithPassword } from "@/modules/auth/sign-in";
import { changeUserOrganisation, changeUserRole, resetUserPassword } from "@/modules/admin/data/users";
import { readAuthEnv } from "@/lib/env";
import { installClientAddress } from "@/lib/security/client-address.cjs";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/prisma-client";

const PASSWORD = "kettle orbit lantern moss";
const MAX_PER_MINUTE = 4;
const MAX_FAILURES = 3;

let prisma: PrismaClient;
let auth: Auth;
let organisationId: string;
let otherOrganisationId: string;

const email = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;

async function newAccount(role: "admin" | "analyst" | "viewer" = "analyst") {
  const address = email(role);
  const result = await createAccount(
    auth,
    prisma,
    { email: address, name: `Test ${role}`, role, organisationId, password: PASSWORD },
    null,
  );
  if (!result.ok) throw new Error(result.reason);
  return { email: address, userId: result.userId };
}

function cookieFrom(setCookie: string): string {
  return setCookie
    .split(/,(?=\s*[^;,=\s]+=)/)
    .map((c) => c.split(";")[0]!.trim())
    .join("; ");
}

async function signedIn(address: string, ip = `192.0.2.${Math.floor(Math.random() * 250) + 1}`) {
  const result = await signInWithPassword(auth, { email: address, password: PASSWORD, clientIp: ip });
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return new Headers({ cookie: cookieFrom(result.setCookie) });
}

/**
 * An HTTP server in front of the sign-in, as the app's is: the address it resolves
 * (X-Forwarded-For after installClientAddress) is the one the limit counts.
 */
async function startSignInServer() {
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", async () => {
      const { email: address, password } = JSON.parse(body) as { email: string; password: string };
      const clientIp = String(req.headers["x-forwarded-for"] ?? "");
      const result = await signInAndRecord(auth, prisma, { email: address, password, clientIp }, 1000);
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ clientIp, result: result.ok ? "ok" : result.reason }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    post: async (forwardedFor: string, address: string, password = "wrong password here") =>
      (await (
        await fetch(url, {
          method: "POST",
          headers: { "x-forwarded-for": forwardedFor },
          body: JSON.stringify({ email: address, password }),
        })
      ).json()) as { clientIp: string; result: string },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

beforeAll(async () => {
  prisma = createPrismaClient(process.env.DATABASE_URL);
  auth = createAuth(prisma, readAuthEnv({ BETTER_AUTH_URL: "http://localhost:3398", AUTH_SIGN_IN_MAX_PER_MINUTE: String(MAX_PER_MINUTE) }));
  organisationId = (await prisma.organisation.create({ data: { slug: `acct-${randomUUID().slice(0, 8)}`, name: "Account test trust" } }))
    .id;
  otherOrganisationId = (await prisma.organisation.create({ data: { slug: `acct-${randomUUID().slice(0, 8)}`, name: "Other trust" } })).id;
});

afterAll(async () => {
  installClientAddress(http, 0);
  await prisma.$disconnect();
});

describe("the sign-in limit and X-Forwarded-For", () => {
  it("with TRUST_PROXY unset, rotating X-Forwarded-For does not escape the per-address limit", async () => {
    installClientAddress(http, 0);
    const server = await startSignInServer();
    try {
      const answers = [];
      for (let i = 0; i < MAX_PER_MINUTE + 3; i++) answers.push(await server.post(`203.0.113.${i + 1}`, email("nobody")));
      // Every attempt counted against the socket's address, whatever the header said.
      expect(new Set(answers.map((a) => a.clientIp))).toEqual(new Set(["127.0.0.1"]));
      expect(answers.slice(0, MAX_PER_MINUTE).map((a) => a.result)).toEqual(Array(MAX_PER_MINUTE).fill("invalid"));
      expect(answers.slice(MAX_PER_MINUTE).map((a) => a.result)).toEqual(["rate_limited", "rate_limited", "rate_limited"]);
    } finally {
      await server.close();
    }
  });

  it("with TRUST_PROXY=1 the right-most untrusted address is the client: a forged prefix changes nothing", async () => {
    installClientAddress(http, 1);
    const server = await startSignInServer();
    try {
      const client = "198.51.100.77";
      const answers = [];
      // The proxy appends the address it saw; the client forges whatever comes before.
      for (let i = 0; i < MAX_PER_MINUTE + 2; i++) answers.push(await server.post(`10.9.9.${i + 1}, ${client}`, email("nobody")));
      expect(new Set(answers.map((a) => a.clientIp))).toEqual(new Set([client]));
      expect(answers.at(-1)!.result).toBe("rate_limited");
      // Another client behind the same proxy has its own count.
      expect(await server.post("198.51.100.78", email("nobody"))).toEqual({ clientIp: "198.51.100.78", result: "invalid" });
      // The audit row carries the resolved address.
      const { userId, email: address } = await newAccount();
      await server.post("6.6.6.6, 198.51.100.79", address);
      const failure = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: userId, action: "sign_in_failed" } });
      expect(failure.ipAddress).toBe("198.51.100.79");
    } finally {
      installClientAddress(http, 0);
      await server.close();
    }
  });
});

describe("the per-account limit", () => {
  it("locks an account after repeated failures from any addresses, with a clear reason, until a reset", async () => {
    const { email: address, userId } = await newAccount();
    for (let i = 0; i < MAX_FAILURES; i++) {
      const r = await signInAndRecord(
        auth,
        prisma,
        { email: address, password: "wrong password here", clientIp: `203.0.113.${100 + i}` },
        MAX_FAILURES,
      );
      expect(r).toEqual({ ok: false, reason: "invalid" });
    }
    // The right password from a new address is refused too: guessing has stopped paying.
    expect(await signInAndRecord(auth, prisma, { email: address, password: PASSWORD, clientIp: "203.0.113.150" }, MAX_FAILURES)).toEqual({
      ok: false,
      reason: "account_locked",
    });
    const events = await prisma.auditEvent.findMany({
      where: { entityId: userId },
      orderBy: { id: "asc" },
      select: { action: true, ipAddress: true },
    });
    expect(events.filter((e) => e.action === "sign_in_failed")).toHaveLength(MAX_FAILURES);
    expect(events.filter((e) => e.action === "sign_in_refused")).toHaveLength(1);
    expect(events.map((e) => e.ipAddress)).toContain("203.0.113.101");

    // An admin's reset starts afresh: the one-time password works and must be changed.
    const admin = await newAccount("admin");
    const hash = await (await auth.$context).password.hash("one-time-pass-123");
    expect(await resetUserPassword(admin.userId, userId, hash, "192.0.2.9")).toMatchObject({ ok: true });
    const afterReset = await signInAndRecord(
      auth,
      prisma,
      { email: address, password: "one-time-pass-123", clientIp: "203.0.113.151" },
      MAX_FAILURES,
    );
    expect(afterReset).toMatchObject({ ok: true, mustChangePassword: true });
    const audit = await prisma.auditEvent.findMany({ where: { entityId: userId, action: { in: ["password_reset", "sign_in"] } } });
    expect(audit.map((e) => e.action).sort()).toEqual(["password_reset", "sign_in"]);
    expect(audit.find((e) => e.action === "password_reset")).toMatchObject({ actorId: admin.userId, ipAddress: "192.0.2.9" });
  });

  it("the lock ends a while after the last real failure, however often the locked account is tried", async () => {
    const { email: address, userId } = await newAccount();
    const attempt = (password: string, i: number) =>
      signInAndRecord(auth, prisma, { email: address, password, clientIp: `198.51.100.${10 + i}` }, MAX_FAILURES);
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    const moveFailures = (from: Date, to: Date) =>
      prisma.auditEvent.updateMany({
        where: { entityId: userId, action: "sign_in_failed", occurredAt: { lt: from } },
        data: { occurredAt: to },
      });
    for (let i = 0; i < MAX_FAILURES; i++) expect(await attempt("wrong password here", i)).toEqual({ ok: false, reason: "invalid" });
    // The real failures were a while ago, but still inside the lock's window…
    await moveFailures(new Date(), minutesAgo(ACCOUNT_LOCK_MINUTES - 1));
    // …and the locked account is tried again and again since.
    for (let i = 0; i < MAX_FAILURES; i++) expect(await attempt(PASSWORD, 50 + i)).toEqual({ ok: false, reason: "account_locked" });
    // Once the lock's time has passed for the real failures, the refusals since have not renewed it.
    await moveFailures(minutesAgo(ACCOUNT_LOCK_MINUTES - 2), minutesAgo(ACCOUNT_LOCK_MINUTES + 1));
    expect(await attempt(PASSWORD, 99)).toMatchObject({ ok: true });
  });

  it("a successful sign-in clears the count of earlier failures", async () => {
    const { email: address } = await newAccount();
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      await signInAndRecord(
        auth,
        prisma,
        { email: address, password: "wrong password here", clientIp: `203.0.113.${170 + i}` },
        MAX_FAILURES,
      );
    }
    expect((await signInAndRecord(auth, prisma, { email: address, password: PASSWORD, clientIp: "203.0.113.162" }, MAX_FAILURES)).ok).toBe(
      true,
    );
    await signInAndRecord(auth, prisma, { email: address, password: "wrong password here", clientIp: "203.0.113.163" }, MAX_FAILURES);
    expect((await signInAndRecord(auth, prisma, { email: address, password: PASSWORD, clientIp: "203.0.113.164" }, MAX_FAILURES)).ok).toBe(
      true,
    );
  });
});

describe("sessions end when an admin changes the account", () => {
  it("on a password reset, a role change and an organisation change", async () => {
    const admin = await newAccount("admin");
    const user = await newAccount("analyst");

    let cookie = await signedIn(user.email);
    expect(await auth.api.getSession({ headers: cookie })).not.toBeNull();
    expect(await changeUserRole(admin.userId, user.userId, "viewer")).toEqual({ ok: true, changed: true });
    expect(await auth.api.getSession({ headers: cookie })).toBeNull();

    cookie = await signedIn(user.email);
    expect(await changeUserOrganisation(admin.userId, user.userId, otherOrganisationId)).toEqual({ ok: true, changed: true });
    expect(await auth.api.getSession({ headers: cookie })).toBeNull();

    cookie = await signedIn(user.email);
    const hash = await (await auth.$context).password.hash("another-one-time-pw");
    await resetUserPassword(admin.userId, user.userId, hash, null);
    expect(await auth.api.getSession({ headers: cookie })).toBeNull();
    // The old password no longer works; the one-time one does.
    expect(await signInWithPassword(auth, { email: user.email, password: PASSWORD, clientIp: "192.0.2.200" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect((await signInWithPassword(auth, { email: user.email, password: "another-one-time-pw", clientIp: "192.0.2.201" })).ok).toBe(true);
  });
});
