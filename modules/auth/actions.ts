"use server";

import { guardFormAction } from "@/lib/action-guard";
import { cookies, headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { actionError, fieldErrorsFrom, type ActionState } from "@/lib/action-state";
import { getAuth } from "@/modules/auth/instance";
import { safeNextPath } from "@/modules/auth/next-path";
import { SIGN_IN_MESSAGES, signInWithPassword } from "@/modules/auth/sign-in";
import { signInSchema } from "@/lib/schemas/user";

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
  const result = await signInWithPassword(getAuth(), {
    email: parsed.data.email,
    password: parsed.data.password,
    // Next puts the client's address here (or a trusted proxy in front of it does).
    clientIp: requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim() || null,
    userAgent: requestHeaders.get("user-agent"),
  });
  if (!result.ok) return actionError(SIGN_IN_MESSAGES[result.reason]);

  const cookieStore = await cookies();
  for (const [name, attributes] of parseSetCookieHeader(result.setCookie)) {
    cookieStore.set(name, attributes.value, toCookieOptions(attributes));
  }
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
