"use server";

import { guardFormAction } from "@/lib/action-guard";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { isAPIError } from "better-auth/api";
import { actionError, actionSuccess, invalidInput, type ActionState } from "@/lib/action-state";
import { createAccount, generateOneTimePassword } from "@/modules/auth/accounts";
import { getAuth } from "@/modules/auth/instance";
import { canManageUsers } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/modules/auth/session";
import { db } from "@/lib/db";
import {
  changeUserOrganisation,
  changeUserRole,
  getUserState,
  recordUserEvent,
  resetUserPassword,
  type UserChangeResult,
} from "@/modules/admin/data/users";
import { changeOrganisationSchema, changeRoleSchema, createUserSchema, resetPasswordSchema, setDisabledSchema } from "@/lib/schemas/user";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/security/password-policy";
import { clientAddress } from "@/modules/auth/client-address";

// The admin user-management actions. Each checks the caller on the server first: a form
// can be posted by anyone, whatever the page showed them.

export type CreateUserState = ActionState & { oneTimePassword?: string; createdEmail?: string };

const NOT_ALLOWED = "Only an admin can manage users.";
const USERS_PAGE = "/admin/users";

async function currentAdmin() {
  const user = await getCurrentUser();
  return canManageUsers(user) ? user : null;
}

export async function createUserAction(_previous: CreateUserState, formData: FormData): Promise<CreateUserState> {
  return guardFormAction("createUser", formData, handleCreateUser);
}

async function handleCreateUser(formData: FormData): Promise<CreateUserState> {
  const admin = await currentAdmin();
  if (!admin) return actionError(NOT_ALLOWED);
  const parsed = createUserSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const { password, ...input } = parsed.data;
  if (password !== null && isCommonPassword(password)) {
    return actionError("Some answers need correcting: see the messages next to them.", { password: [COMMON_PASSWORD_MESSAGE] });
  }

  if (input.organisationId && !(await db().organisation.findUnique({ where: { id: input.organisationId }, select: { id: true } }))) {
    return actionError("That organisation no longer exists.", { organisationId: ["Choose an organisation from the list"] });
  }
  const oneTimePassword = password === null ? generateOneTimePassword() : undefined;
  // A generated password is a one-time password: the user replaces it at first sign-in.
  const result = await createAccount(
    getAuth(),
    db(),
    { ...input, password: password ?? oneTimePassword!, mustChangePassword: oneTimePassword !== undefined },
    admin.id,
  );
  if (!result.ok)
    return actionError("Some answers need correcting: see the messages next to them.", {
      email: ["An account with this email address already exists"],
    });

  revalidatePath(USERS_PAGE);
  return {
    ...actionSuccess(`Created an account for ${input.email}.`),
    createdEmail: input.email,
    oneTimePassword,
  };
}

function toState(result: UserChangeResult, done: string): ActionState {
  if (!result.ok) return actionError(result.message, { [result.field]: [result.message] });
  if (result.changed) revalidatePath(USERS_PAGE);
  return actionSuccess(result.changed ? done : "Nothing to change.");
}

export async function changeRoleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return guardFormAction("changeRole", formData, handleChangeRole);
}

async function handleChangeRole(formData: FormData): Promise<ActionState> {
  const admin = await currentAdmin();
  if (!admin) return actionError(NOT_ALLOWED);
  const parsed = changeRoleSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  // Avoids the last admin locking everyone out: another admin must do it.
  if (parsed.data.userId === admin.id)
    return actionError("You cannot change your own role.", { role: ["Ask another admin to change your role"] });
  return toState(await changeUserRole(admin.id, parsed.data.userId, parsed.data.role), "Role changed.");
}

export async function changeOrganisationAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return guardFormAction("changeOrganisation", formData, handleChangeOrganisation);
}

async function handleChangeOrganisation(formData: FormData): Promise<ActionState> {
  const admin = await currentAdmin();
  if (!admin) return actionError(NOT_ALLOWED);
  const parsed = changeOrganisationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  return toState(await changeUserOrganisation(admin.id, parsed.data.userId, parsed.data.organisationId), "Organisation changed.");
}

export async function setDisabledAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return guardFormAction("setDisabled", formData, handleSetDisabled);
}

async function handleSetDisabled(formData: FormData): Promise<ActionState> {
  const admin = await currentAdmin();
  if (!admin) return actionError(NOT_ALLOWED);
  const parsed = setDisabledSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const { userId, disabled } = parsed.data;
  if (userId === admin.id) return actionError("You cannot disable your own account.");

  const user = await getUserState(userId);
  if (!user) return actionError("That user no longer exists. Reload the page.");
  if ((user.banned === true) === disabled) return actionSuccess("Nothing to change.");

  // The admin plugin's ban also revokes every session the user has, so they are signed
  // out at once. It checks the caller's admin role again from the session cookie.
  const requestHeaders = await headers();
  try {
    if (disabled) {
      await getAuth().api.banUser({ headers: requestHeaders, body: { userId, banReason: `Disabled by ${admin.email}` } });
    } else {
      await getAuth().api.unbanUser({ headers: requestHeaders, body: { userId } });
    }
  } catch (error) {
    if (isAPIError(error)) return actionError(`Could not ${disabled ? "disable" : "re-enable"} ${user.email}: ${error.message}`);
    throw error;
  }
  await recordUserEvent(admin.id, disabled ? "disable" : "enable", userId, [{ field: "disabled", from: !disabled, to: disabled }]);
  revalidatePath(USERS_PAGE);
  return actionSuccess(disabled ? `Disabled ${user.email}: they are signed out and cannot sign in.` : `Re-enabled ${user.email}.`);
}

export type ResetPasswordState = ActionState & { oneTimePassword?: string };

/**
 * Issues a one-time password for a user who cannot sign in: shown once to the admin, who
 * passes it on; the user must replace it at the next sign-in. Their sessions end now.
 */
export async function resetPasswordAction(_previous: ResetPasswordState, formData: FormData): Promise<ResetPasswordState> {
  return guardFormAction("resetPassword", formData, handleResetPassword);
}

async function handleResetPassword(formData: FormData): Promise<ResetPasswordState> {
  const admin = await currentAdmin();
  if (!admin) return actionError(NOT_ALLOWED);
  const parsed = resetPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  if (parsed.data.userId === admin.id) return actionError("Change your own password from “Change password” in the header.");
  const oneTimePassword = generateOneTimePassword();
  const context = await getAuth().$context;
  const hash = await context.password.hash(oneTimePassword);
  const result = await resetUserPassword(admin.id, parsed.data.userId, hash, clientAddress(await headers()));
  if (!result.ok) return actionError(result.message);
  return {
    ...actionSuccess(`One-time password for ${result.email} (shown once; they must change it when they sign in):`),
    oneTimePassword,
  };
}
