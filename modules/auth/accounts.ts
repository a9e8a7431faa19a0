// Creating an account, the one way every caller does it: the admin page, `npm run
// user:create`, the demo seed and the test factories. better-auth hashes the password
// and writes the user and credential rows. Not "server-only" because scripts run it under
// tsx outside Next; the caller has already checked that the actor may create users.
import { randomBytes } from "node:crypto";
import { isAPIError } from "better-auth/api";
import type { Auth } from "@/modules/auth/auth";
import type { Role } from "@/lib/auth/permissions";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export interface NewAccount {
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  password: string;
  /** A one-time password: the user must choose their own at the first sign-in. */
  mustChangePassword?: boolean;
}

export type CreateAccountResult = { ok: true; userId: string } | { ok: false; reason: "duplicate_email" };

export async function createAccount(
  auth: Auth,
  prisma: PrismaClient,
  account: NewAccount,
  actorId: string | null,
): Promise<CreateAccountResult> {
  let userId: string;
  try {
    // No request headers: a trusted server-side call (the admin plugin then skips its own
    // session check, which the caller has done with canManageUsers).
    const { user } = await auth.api.createUser({
      body: {
        email: account.email,
        name: account.name,
        password: account.password,
        role: account.role,
        data: { organisationId: account.organisationId },
      },
    });
    userId = user.id;
  } catch (error) {
    if (isAPIError(error) && /USER_ALREADY_EXISTS/.test(String(error.body?.code))) return { ok: false, reason: "duplicate_email" };
    throw error;
  }
  // better-auth wrote the user in its own calls, outside any transaction of ours, so the
  // audit row follows straight after.
  const changes = [
    { field: "email", from: null, to: account.email },
    { field: "name", from: null, to: account.name },
    { field: "role", from: null, to: account.role },
    { field: "organisationId", from: null, to: account.organisationId },
  ];
  // The audit row and the one-time flag together; if they cannot be written, the
  // account is removed again rather than left without its flag or its audit row.
  try {
    await prisma.$transaction([
      prisma.auditEvent.create({
        data: { actorId, action: "create", entityType: "user", entityId: userId, changes: changes as Prisma.InputJsonValue },
      }),
      ...(account.mustChangePassword ? [prisma.user.update({ where: { id: userId }, data: { mustChangePassword: true } })] : []),
    ]);
  } catch (error) {
    await prisma.user.delete({ where: { id: userId } }).catch(() => undefined);
    throw error;
  }
  return { ok: true, userId };
}

/** A password for "invite": shown once to the admin, who passes it on. 16 characters, ~96 bits. */
export function generateOneTimePassword(): string {
  return randomBytes(12).toString("base64url");
}
