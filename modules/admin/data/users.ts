import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/modules/workspace/data/audit";
import type { Role } from "@/lib/auth/permissions";
import { ORGANISATION_REQUIRED, organisationRequiredFor } from "@/lib/schemas/user";
import type { FieldChange } from "@/lib/domain/case-diff";

// Accounts for the admin pages. Passwords and sessions are better-auth's business and
// are never selected here.

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  disabled: boolean;
}

export async function listUsersForAdmin(): Promise<UserRow[]> {
  const rows = await db().user.findMany({
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, role: true, banned: true, organisation: { select: { id: true, name: true } } },
  });
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    organisationId: u.organisation?.id ?? null,
    organisationName: u.organisation?.name ?? null,
    disabled: u.banned === true,
  }));
}

export async function getUserState(userId: string) {
  return db().user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, banned: true, organisationId: true } });
}

export type UserChangeResult = { ok: true; changed: boolean } | { ok: false; field: "userId" | "role" | "organisationId"; message: string };

const NO_SUCH_USER = { ok: false, field: "userId", message: "That user no longer exists. Reload the page." } as const;

/** Changes a user's role and records it, in one transaction. */
export async function changeUserRole(actorId: string, userId: string, role: Role): Promise<UserChangeResult> {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, organisationId: true } });
    if (!user) return NO_SUCH_USER;
    if (user.role === role) return { ok: true, changed: false };
    if (organisationRequiredFor(role) && !user.organisationId) return { ok: false, field: "role", message: ORGANISATION_REQUIRED };
    await tx.user.update({ where: { id: userId }, data: { role } });
    // Signed out everywhere: whatever they had open was shown under the old role.
    await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      actorId,
      action: "role_change",
      entityType: "user",
      entityId: userId,
      changes: [{ field: "role", from: user.role, to: role }],
    });
    return { ok: true, changed: true };
  });
}

/** Moves a user to another organisation (or none) and records it, in one transaction. */
export async function changeUserOrganisation(actorId: string, userId: string, organisationId: string | null): Promise<UserChangeResult> {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { role: true, organisation: { select: { id: true, slug: true } } },
    });
    if (!user) return NO_SUCH_USER;
    if ((user.organisation?.id ?? null) === organisationId) return { ok: true, changed: false };
    if (organisationRequiredFor(user.role) && !organisationId)
      return { ok: false, field: "organisationId", message: ORGANISATION_REQUIRED };
    const target = organisationId ? await tx.organisation.findUnique({ where: { id: organisationId }, select: { slug: true } }) : null;
    if (organisationId && !target)
      return { ok: false, field: "organisationId", message: "That organisation no longer exists. Reload the page." };
    await tx.user.update({ where: { id: userId }, data: { organisationId } });
    // Signed out everywhere: whatever they had open belonged to the old organisation.
    await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      actorId,
      action: "organisation_change",
      entityType: "user",
      entityId: userId,
      changes: [{ field: "organisation", from: user.organisation?.slug ?? null, to: target?.slug ?? null }],
    });
    return { ok: true, changed: true };
  });
}

/**
 * For changes better-auth writes itself (disabling and re-enabling; creating is in
 * modules/auth/accounts.ts): it uses its own database calls, outside any transaction of
 * ours, so the audit row is written straight after the change succeeds.
 */
export async function recordUserEvent(actorId: string | null, action: "disable" | "enable", userId: string, changes: FieldChange[]) {
  await recordAudit(db(), { actorId, action, entityType: "user", entityId: userId, changes });
}

/**
 * An admin's password reset: the new (one-time) password's hash replaces the old, the
 * user must choose their own at the next sign-in, every session and API token of theirs ends, and the
 * audit log records who did it, in one transaction.
 */
export async function resetUserPassword(
  actorId: string,
  userId: string,
  passwordHash: string,
  ipAddress: string | null,
): Promise<{ ok: true; email: string } | { ok: false; message: string }> {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) return { ok: false, message: "That user no longer exists. Reload the page." };
    const updated = await tx.account.updateMany({ where: { userId, providerId: "credential" }, data: { password: passwordHash } });
    if (updated.count === 0) {
      await tx.account.create({
        data: { id: crypto.randomUUID(), accountId: userId, providerId: "credential", userId, password: passwordHash },
      });
    }
    await tx.user.update({ where: { id: userId }, data: { mustChangePassword: true } });
    await tx.session.deleteMany({ where: { userId } });
    // A reset is what an admin does when an account may be in the wrong hands: its
    // API tokens end with its sessions.
    await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { actorId, action: "password_reset", entityType: "user", entityId: userId, changes: [], ipAddress });
    return { ok: true, email: user.email };
  });
}
