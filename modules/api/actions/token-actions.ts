"use server";

import { guardFormAction } from "@/lib/action-guard";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionError, actionSuccess, invalidInput, type ActionState } from "@/lib/action-state";
import { getCurrentUser } from "@/modules/auth/session";
import { canHaveApiTokens, createApiToken, revokeApiToken } from "@/modules/api/data/api-tokens";
import { createTokenSchema } from "@/modules/api/present/token-format";

// An analyst's own API tokens: make one (shown once, in this answer only) and
// revoke one. Each acts only on the caller's own account and organisation.

export interface CreateTokenState extends ActionState {
  /** The new token: in this one answer, never stored or shown again. */
  token?: string;
  expiresAt?: string;
}

export async function createApiTokenAction(_prev: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  return guardFormAction("createApiToken", formData, handleCreate);
}

async function handleCreate(formData: FormData): Promise<CreateTokenState> {
  const user = await getCurrentUser();
  if (!user) return actionError("Your session has ended: sign in again to make a token.");
  if (!canHaveApiTokens(user)) return actionError("Only analysts of an organisation can make API tokens.");
  const parsed = createTokenSchema.safeParse({ name: formData.get("name") ?? "", days: formData.get("days") ?? "" });
  if (!parsed.success) return invalidInput(parsed.error);
  const created = await createApiToken(user, parsed.data);
  revalidatePath("/workspace/tokens");
  return {
    ...actionSuccess(`Token “${parsed.data.name}” made. Copy it now: it will not be shown again.`),
    token: created.token,
    expiresAt: created.expiresAt,
  };
}

export async function revokeApiTokenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return guardFormAction("revokeApiToken", formData, handleRevoke);
}

async function handleRevoke(formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return actionError("Your session has ended: sign in again to revoke a token.");
  const id = z.uuid().safeParse(formData.get("tokenId"));
  if (!id.success || !(await revokeApiToken(user, id.data))) return actionError("This token could not be found, or it is already revoked.");
  revalidatePath("/workspace/tokens");
  return actionSuccess("Token revoked: scripts using it are refused from now on.");
}
