"use server";

import { guardFormAction } from "@/lib/action-guard";
import { waitForReplicas } from "@/lib/db";
import { revalidatePath, revalidateTag } from "next/cache";
import { redirect } from "next/navigation";
import { actionError, invalidInput, type ActionState } from "@/lib/action-state";
import { canManageApproaches, canProposeApproach } from "@/lib/auth/permissions";
import { decideApproachSchema, proposeApproachSchema } from "@/lib/schemas/approach";
import { getCurrentUser } from "@/modules/auth/session";
import { decideApproach, proposeApproach } from "@/modules/compare/data/approach-library";

// Proposing an approach (analysts) and deciding on a proposal (admins).
// Permission first, then parse, then write with its audit event; an accepted
// approach reaches the approach overview and the editor's list.

export async function proposeApproachAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return guardFormAction("proposeApproach", formData, handleProposeApproach);
}

async function handleProposeApproach(formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user || !canProposeApproach(user)) return actionError("Only an analyst can propose an approach.");
  const parsed = proposeApproachSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await proposeApproach(user, parsed.data);
  if (!result.ok) return actionError(result.message, { [result.field]: [result.message] });
  revalidatePath("/admin/approaches");
  redirect(`/workspace/approaches?proposed=${encodeURIComponent(result.key)}`);
}

export async function decideApproachAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return guardFormAction("decideApproach", formData, handleDecideApproach);
}

async function handleDecideApproach(formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user || !canManageApproaches(user)) return actionError("Only an admin can accept or reject an approach.");
  const parsed = decideApproachSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await decideApproach(user, parsed.data.key, parsed.data.decision);
  if (!result.ok) return actionError(result.message);
  await waitForReplicas(); // public pages read from replicas: expire them once the decision has reached them
  revalidateTag("approaches", { expire: 0 });
  for (const path of ["/approaches", "/admin/approaches", "/workspace/approaches"]) revalidatePath(path);
  redirect(`/admin/approaches?${parsed.data.decision === "accept" ? "accepted" : "rejected"}=${encodeURIComponent(result.key)}`);
}
