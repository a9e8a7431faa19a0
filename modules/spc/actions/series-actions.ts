"use server";

import { guardFormAction } from "@/lib/action-guard";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/modules/auth/session";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/modules/workspace/data/case-drafts";
import { replaceMeasureSeries } from "@/modules/spc/data/series";
import { seriesInputSchema } from "@/lib/schemas/series";
import { actionError, actionSuccess, invalidInput, type ActionState } from "@/lib/action-state";

// Saving one measure's series from the workspace. As the case actions: who is
// asking (server-side session), parse everything with zod, let the data layer
// check permission and revision inside its transaction, revalidate the editor.
// Drafts are not public, so no public page is revalidated until publishing.

export interface SeriesActionState extends ActionState {
  revision?: number;
  measureId?: string;
}

function parseJson(value: FormDataEntryValue | null): unknown {
  if (typeof value !== "string") return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

export async function saveSeriesAction(_prev: SeriesActionState, formData: FormData): Promise<SeriesActionState> {
  return guardFormAction("saveSeries", formData, handleSaveSeries);
}

async function handleSaveSeries(formData: FormData): Promise<SeriesActionState> {
  const user = await getCurrentUser();
  if (!user) return actionError("Your session has ended: sign in again to save. Your series is still on this page.");
  const parsed = seriesInputSchema.safeParse(parseJson(formData.get("payload")));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const result = await replaceMeasureSeries(user, parsed.data);
    revalidatePath(`/workspace/cases/${parsed.data.caseId}`);
    const n = parsed.data.points.length;
    return {
      ...actionSuccess(
        result.changes.length === 0
          ? "No changes to save."
          : `Series saved to the draft (${n} point${n === 1 ? "" : "s"}). Publish the case to make it public.`,
      ),
      revision: result.revision,
      measureId: result.measureId,
    };
  } catch (error) {
    if (error instanceof ConflictError) {
      return {
        ...actionError(
          "Someone else saved this case while you were editing, so the series was not saved. Reload the page to see their changes, then paste your series again.",
        ),
        revision: error.currentRevision,
      };
    }
    if (error instanceof InputError) return actionError(error.message, error.fieldErrors);
    if (error instanceof NotFoundError)
      return actionError("This case or measure could not be found. It may have been changed: reload the page.");
    if (error instanceof ForbiddenError) return actionError(`${error.message}.`);
    throw error;
  }
}
