import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { getAuth } from "@/modules/auth/instance";
import { isRole, type CurrentUser, type Role } from "@/lib/auth/permissions";

/**
 * The signed-in user, or null. Read once per request (React cache) from the session
 * cookie and the database, so a role change or a disabled account takes effect on the
 * next request, not when a cached cookie expires.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const user = await getSessionUser();
  // Signed in with a one-time password: nothing but choosing a new one (requireUser
  // sends them there; every action and page refuses them until then).
  if (!user || user.mustChangePassword) return null;
  const { mustChangePassword: _forced, ...current } = user;
  void _forced;
  return current;
});

/** The session's user even when they still have to replace a one-time password. */
export const getSessionUser = cache(async (): Promise<(CurrentUser & { mustChangePassword: boolean }) | null> => {
  // headers() first: during `next build` it marks the page dynamic before the auth
  // instance (which needs the secret) is ever created.
  const requestHeaders = await headers();
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const user = await db().user.findUnique({
    where: { id: session.user.id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      banned: true,
      banExpires: true,
      mustChangePassword: true,
      organisation: { select: { id: true, name: true } },
    },
  });
  // Disabling revokes sessions too; this also covers a session read in the same instant.
  if (!user || isDisabled(user) || !isRole(user.role)) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisationId: user.organisation?.id ?? null,
    organisationName: user.organisation?.name ?? null,
    mustChangePassword: user.mustChangePassword,
  };
});

function isDisabled(user: { banned: boolean | null; banExpires: Date | null }): boolean {
  return user.banned === true && (user.banExpires === null || user.banExpires > new Date());
}

/** The signed-in user; anyone else is sent to sign in and brought back to `nextPath`. */
export async function requireUser(nextPath?: string): Promise<CurrentUser> {
  const sessionUser = await getSessionUser();
  if (!sessionUser) redirect(nextPath ? `/sign-in?next=${encodeURIComponent(nextPath)}` : "/sign-in");
  const user = await getCurrentUser();
  if (!user) redirect(nextPath ? `/account/password?next=${encodeURIComponent(nextPath)}` : "/account/password");
  return user;
}

/**
 * The signed-in user if their role is one of `roles`. Others get a 404, not a 403, so
 * the page does not confirm to them that it exists.
 */
export async function requireRole(...roles: Role[]): Promise<CurrentUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) notFound();
  return user;
}
