"use server";

import { guardFormAction } from "@/lib/action-guard";
import { revalidatePath } from "next/cache";
import { actionError, actionSuccess, invalidInput, type ActionState } from "@/lib/action-state";
import { canManageOrganisations } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/modules/auth/session";
import { createOrganisation } from "@/modules/admin/data/organisations";
import { createOrganisationSchema } from "@/lib/schemas/organisation";

export async function createOrganisationAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return guardFormAction("createOrganisation", formData, handleCreateOrganisation);
}

async function handleCreateOrganisation(formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user || !canManageOrganisations(user)) return actionError("Only an admin can manage organisations.");
  const parsed = createOrganisationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await createOrganisation(user.id, parsed.data);
  if (!result.ok) return actionError(result.message, { [result.field]: [result.message] });
  revalidatePath("/admin/organisations");
  revalidatePath("/admin/users");
  return actionSuccess(`Created ${parsed.data.name}.`);
}
