// Email + password sign-in, shared by the sign-in server action and the integration test.
//
// Why through auth.handler rather than auth.api.signInEmail: better-auth applies its rate
// limit (and origin check) only to requests that go through its HTTP router; direct
// auth.api calls skip both, which would leave the sign-in form unlimited. So the action
// builds the same request a browser would send to /api/auth/sign-in/email, on behalf of
// the client address it was called from, and hands the Set-Cookie back to the caller.
import type { Auth } from "@/modules/auth/auth";

export type SignInResult = { ok: true; setCookie: string } | { ok: false; reason: "invalid" | "disabled" | "rate_limited" | "unavailable" };

export const SIGN_IN_MESSAGES: Record<Exclude<SignInResult, { ok: true }>["reason"], string> = {
  invalid: "Email or password is not right",
  disabled: "This account has been disabled. Ask an administrator if you need access again.",
  rate_limited: "Too many sign-in attempts: wait a minute and try again.",
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
