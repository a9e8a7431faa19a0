"use server";

import { guardFormAction } from "@/lib/action-guard";
import { cookies, headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { actionError, fieldErrorsFrom, type ActionState } from "@/lib/action-state";
import { getAuth } from "@/modules/auth/instance";
import { safeNextPath } from "@/modules/auth/next-path";
import { SIGN_IN_MESSAGES, signInAndRecord } from "@/modules/auth/sign-in";
import { clientAddress } from "@/modules/auth/client-address";
import { signInSchema } from "@/lib/schemas/user";
import { readAuthEnv } from "@/lib/env";
import { db } from "@/lib/db";

export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return guardFormAction("signIn", formData, handleSignIn);
}

async function handleSignIn(formData: FormData): Promise<ActionState> {
  const parsed = signInSchema.safeParse({
    email: formData.get("email") ?? "",
    password: formData.get("password") ?? "",
    next: formData.get("next") ?? undefined,
  });
  if (!parsed.success) return actionError("Enter your email address and password.", fieldErrorsFrom(parsed.error));

  const requestHeaders = await headers();
  const result = await signInAndRecord(
    getAuth(),
    db(),
    {
      email: parsed.data.email,
      password: parsed.data.password,
      clientIp: clientAddress(requestHeaders),
      userAgent: requestHeaders.get("user-agent"),
    },
    readAuthEnv().accountMaxFailures,
  );
  if (!result.ok) return actionError(SIGN_IN_MESSAGES[result.reason]);

  const cookieStore = await cookies();
  for (const [name, attributes] of parseSetCookieHeader(result.setCookie)) {
    cookieStore.set(name, attributes.value, toCookieOptions(attributes));
  }
  // A one-time password from an admin: choose one's own before anything else.
  if (result.mustChangePassword) redirect(`/account/password?next=${encodeURIComponent(safeNextPath(parsed.data.next))}`);
  redirect(safeNextPath(parsed.data.next));
}

export async function signOutAction(): Promise<void> {
  // Deletes the session row; the nextCookies plugin clears the cookie.
  // Whatever it is called with, it only signs the caller out (arguments are ignored).
  try {
    await getAuth().api.signOut({ headers: await headers() });
  } catch (error) {
    // No session, or a session already gone: signing out has nothing left to do.
    unstable_rethrow(error);
  }
  redirect("/");
}
