// Email + password sign-in, shared by the sign-in server action and the integration test.
//
// Why through auth.handler rather than auth.api.signInEmail: better-auth applies its rate
// limit (and origin check) only to requests that go through its HTTP router; direct
// auth.api calls skip both, which would leave the sign-in form unlimited. So the action
// builds the same request a browser would send to /api/auth/sign-in/email, on behalf of
// the client address it was called from, and hands the Set-Cookie back to the caller.
import type { Auth } from "@/modules/auth/auth";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export type SignInResult =
  | { ok: true; setCookie: string; mustChangePassword?: boolean }
  | { ok: false; reason: "invalid" | "disabled" | "rate_limited" | "account_locked" | "unavailable" };

/** How long an account stays locked after too many failed sign-ins, and the window they are counted in. */
export const ACCOUNT_LOCK_MINUTES = 15;

export const SIGN_IN_MESSAGES: Record<Exclude<SignInResult, { ok: true }>["reason"], string> = {
  invalid: "Email or password is not right",
  disabled: "This account has been disabled. Ask an administrator if you need access again.",
  rate_limited: "Too many sign-in attempts: wait a minute and try again.",
  account_locked: `Too many failed sign-ins for this account: it is locked for ${ACCOUNT_LOCK_MINUTES} minutes. Wait and try again, or ask an administrator to reset your password.`,
  unavailable: "Signing in is not working at the moment. Try again shortly.",
};

export interface SignInInput {
  email: string;
  password: string;
  /** The caller's address, for the per-client rate limit; null when unknown. */
  clientIp: string | null;
  userAgent?: string | null;
}

export async function signInWithPassword(auth: Auth, input: SignInInput): Promise<SignInResult> {
  const origin = auth.options.baseURL as string;
  const headers = new Headers({ "content-type": "application/json", origin });
  if (input.clientIp) headers.set("x-forwarded-for", input.clientIp);
  if (input.userAgent) headers.set("user-agent", input.userAgent);

  const response = await auth.handler(
    new Request(`${origin}/api/auth/sign-in/email`, {
      method: "POST",
      headers,
      // rememberMe false: the cookie ends with the browser session (shared desks), and the
      // server-side session still ends after the configured eight hours.
      body: JSON.stringify({ email: input.email, password: input.password, rememberMe: false }),
    }),
  );
  if (response.ok) {
    return { ok: true, setCookie: response.headers.get("set-cookie") ?? "" };
  }
  if (response.status === 429) return { ok: false, reason: "rate_limited" };
  const body = (await response.json().catch(() => null)) as { code?: string } | null;
  if (body?.code === "BANNED_USER") return { ok: false, reason: "disabled" };
  // 401 (wrong email or password) and 400 (not an email address) read the same to the
  // user, so the form never reveals which accounts exist.
  if (response.status === 401 || response.status === 400) return { ok: false, reason: "invalid" };
  return { ok: false, reason: "unavailable" };
}

/** Audit actions of account events that end a run of failed sign-ins. */
const FRESH_START_ACTIONS = ["sign_in", "password_change", "password_reset"];

/**
 * Failed sign-ins for this account in the last ACCOUNT_LOCK_MINUTES, not counting those
 * before its latest successful sign-in or password change or reset.
 */
async function recentFailures(prisma: PrismaClient, userId: string): Promise<number> {
  const windowStart = new Date(Date.now() - ACCOUNT_LOCK_MINUTES * 60_000);
  const fresh = await prisma.auditEvent.findFirst({
    where: { entityType: "user", entityId: userId, action: { in: FRESH_START_ACTIONS }, occurredAt: { gte: windowStart } },
    orderBy: { occurredAt: "desc" },
    select: { occurredAt: true },
  });
  return prisma.auditEvent.count({
    where: {
      entityType: "user",
      entityId: userId,
      action: "sign_in_failed",
      occurredAt: { gte: fresh && fresh.occurredAt > windowStart ? fresh.occurredAt : windowStart },
    },
  });
}

/**
 * Sign-in as the form does it: the per-address limit (better-auth, by the client's
 * address), a per-account limit on failed attempts (so rotating addresses does not help
 * either), and an audit row for each sign-in and each failure with the client's address.
 * `maxFailures` is AUTH_ACCOUNT_MAX_FAILURES.
 */
export async function signInAndRecord(auth: Auth, prisma: PrismaClient, input: SignInInput, maxFailures: number): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, mustChangePassword: true } });
  const record = (action: string, changes: Array<{ field: string; from: unknown; to: unknown }> = []) =>
    prisma.auditEvent.create({
      data: {
        actorId: action === "sign_in" ? user!.id : null,
        action,
        entityType: "user",
        entityId: user?.id ?? "unknown",
        changes: changes as Prisma.InputJsonValue,
        ipAddress: input.clientIp,
      },
    });

  // A locked account is refused before its password is checked: guessing stops paying.
  // The refusal is audited but not counted as a failure, or anyone could keep an account
  // locked for ever by trying it once every few minutes: the lock ends
  // ACCOUNT_LOCK_MINUTES after the last real failure.
  if (user && (await recentFailures(prisma, user.id)) >= maxFailures) {
    await record("sign_in_refused", [{ field: "reason", from: null, to: "account_locked" }]);
    return { ok: false, reason: "account_locked" };
  }
  const result = await signInWithPassword(auth, { ...input, email });
  if (result.ok) {
    await record("sign_in");
    return { ...result, mustChangePassword: user?.mustChangePassword ?? false };
  }
  // Rate-limited attempts never reached the password check; "unavailable" is ours.
  if (result.reason === "invalid" || result.reason === "disabled") {
    await record("sign_in_failed", [{ field: "reason", from: null, to: user ? result.reason : "unknown_email" }]);
  }
  return result;
}
