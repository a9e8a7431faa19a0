"use server";

import { guardFormAction, guardVoidAction } from "@/lib/action-guard";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionError, actionSuccess, invalidInput, type ActionState } from "@/lib/action-state";
import { getCurrentUser } from "@/modules/auth/session";
import { createSavedComparison, deleteSavedComparison } from "@/modules/compare/data/saved-comparisons";
import { saveComparisonSchema } from "@/lib/schemas/comparison";

// Saved comparisons belong to the saver's organisation: anyone signed in with
// an organisation may save one, and everyone in it sees it on /dashboard.

export async function saveComparisonAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return guardFormAction("saveComparison", formData, handleSaveComparison);
}

async function handleSaveComparison(formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return actionError("Sign in to save a comparison.");
  if (!user.organisationId) return actionError("Your account has no organisation to share the comparison with.");
  const parsed = saveComparisonSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  await createSavedComparison({
    name: parsed.data.name,
    caseSlugs: parsed.data.cases,
    organisationId: user.organisationId,
    createdById: user.id,
  });
  revalidatePath("/dashboard");
  return actionSuccess(`Saved “${parsed.data.name}” for your organisation.`);
}

export async function deleteComparisonAction(formData: FormData): Promise<void> {
  return guardVoidAction("deleteComparison", formData, handleDeleteComparison);
}

async function handleDeleteComparison(formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  const id = z.uuid().safeParse(formData.get("id"));
  if (!user?.organisationId || !id.success) return;
  if (await deleteSavedComparison(id.data, user.organisationId)) revalidatePath("/dashboard");
}
