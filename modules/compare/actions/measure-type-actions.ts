"use server";

import { guardFormAction } from "@/lib/action-guard";
import { waitForReplicas } from "@/lib/db";
import { revalidatePath, revalidateTag } from "next/cache";
import { redirect } from "next/navigation";
import { actionError, invalidInput, type ActionState } from "@/lib/action-state";
import { canManageMeasureTypes } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/modules/auth/session";
import { createMeasureType, updateMeasureType } from "@/modules/compare/data/measure-library";
import { createMeasureTypeSchema, updateMeasureTypeSchema } from "@/lib/schemas/measure-type";

// Admin add/edit of the measure-type library. Permission first, then parse,
// then write (with its audit event in the same transaction), then expire the
// cached library, explorers and approach overview ("measure-types" tag).

async function expireLibrary(key: string) {
  await waitForReplicas(); // public pages read from replicas: expire them once the change has reached them
  revalidateTag("measure-types", { expire: 0 });
  for (const path of ["/measures", `/measures/${key}`, "/approaches", "/admin/measure-types"]) revalidatePath(path);
}

export async function createMeasureTypeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return guardFormAction("createMeasureType", formData, handleCreateMeasureType);
}

async function handleCreateMeasureType(formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user || !canManageMeasureTypes(user)) return actionError("Only an admin can manage the measure library.");
  const parsed = createMeasureTypeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await createMeasureType(user.id, parsed.data);
  if (!result.ok) return actionError(result.message, { [result.field]: [result.message] });
  await expireLibrary(result.key);
  redirect(`/admin/measure-types?saved=${encodeURIComponent(result.key)}`);
}

export async function updateMeasureTypeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return guardFormAction("updateMeasureType", formData, handleUpdateMeasureType);
}

async function handleUpdateMeasureType(formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user || !canManageMeasureTypes(user)) return actionError("Only an admin can manage the measure library.");
  const parsed = updateMeasureTypeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await updateMeasureType(user.id, parsed.data);
  if (!result.ok) return actionError(result.message, result.field === "_form" ? undefined : { [result.field]: [result.message] });
  await expireLibrary(result.key);
  redirect(`/admin/measure-types?saved=${encodeURIComponent(result.key)}`);
}
