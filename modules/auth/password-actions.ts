"use server";

import { guardFormAction } from "@/lib/action-guard";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isAPIError } from "better-auth/api";
import { actionError, invalidInput, type ActionState } from "@/lib/action-state";
import { changePasswordSchema } from "@/lib/schemas/user";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/security/password-policy";
import { db } from "@/lib/db";
import { getAuth } from "@/modules/auth/instance";
import { getSessionUser } from "@/modules/auth/session";
import { clientAddress } from "@/modules/auth/client-address";
import { safeNextPath } from "@/modules/auth/next-path";
import { recordAudit } from "@/modules/workspace/data/audit";

/**
 * "Change my password", for every signed-in user, including one who signed in with a
 * one-time password and must replace it. The current password is required (a session
 * left open on a shared desk must not be enough); every other session of the account
 * ends, and this browser gets a fresh one.
 */
export async function changePasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return guardFormAction("changePassword", formData, handleChangePassword);
}

async function handleChangePassword(formData: FormData): Promise<ActionState> {
  const user = await getSessionUser();
  if (!user) return actionError("Your session has ended: sign in again to change your password.");
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formData.get("currentPassword") ?? "",
    newPassword: formData.get("newPassword") ?? "",
    confirmPassword: formData.get("confirmPassword") ?? "",
    next: formData.get("next") ?? undefined,
  });
  if (!parsed.success) return invalidInput(parsed.error);
  if (isCommonPassword(parsed.data.newPassword)) {
    return actionError("Some answers need correcting: see the messages next to them.", { newPassword: [COMMON_PASSWORD_MESSAGE] });
  }

  const requestHeaders = await headers();
  const ipAddress = clientAddress(requestHeaders);
  try {
    // Revokes every session of the user and sets a new session cookie on this response
    // (the nextCookies plugin).
    await getAuth().api.changePassword({
      headers: requestHeaders,
      body: { currentPassword: parsed.data.currentPassword, newPassword: parsed.data.newPassword, revokeOtherSessions: true },
    });
  } catch (error) {
    if (isAPIError(error) && /INVALID_PASSWORD/.test(String(error.body?.code))) {
      await recordAudit(db(), {
        actorId: user.id,
        action: "password_change_failed",
        entityType: "user",
        entityId: user.id,
        changes: [],
        ipAddress,
      });
      return actionError("Some answers need correcting: see the messages next to them.", {
        currentPassword: ["That is not your current password"],
      });
    }
    if (isAPIError(error)) return actionError(`Could not change your password: ${error.message}`);
    throw error;
  }
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
    await recordAudit(tx, { actorId: user.id, action: "password_change", entityType: "user", entityId: user.id, changes: [], ipAddress });
  });
  if (user.mustChangePassword) redirect(safeNextPath(parsed.data.next));
  // A new page rather than a message in the form: the new session cookie refreshes the
  // route, and the page then says what happened whatever state the form was in.
  redirect("/account/password?changed=1");
}
