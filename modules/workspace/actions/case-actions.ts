"use server";

import { guardFormAction } from "@/lib/action-guard";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/modules/auth/session";
import { revalidateMovedCase, revalidatePublicCase } from "@/modules/cases/cache";
import { describeChange } from "@/lib/domain/case-diff";
import { caseContentSchema, caseInputSchema, changeNoteSchema } from "@/lib/schemas/case";
import { mergeAfterConflict, type EditorMerge } from "@/modules/workspace/present/conflict-merge";
import {
  ConflictError,
  ForbiddenError,
  InputError,
  NotFoundError,
  changeCaseStatus,
  createCase,
  publishCase,
  restoreVersionAsDraft,
  saveDraft,
} from "@/modules/workspace/data/case-drafts";
import { actionError, actionSuccess, invalidInput, type ActionState } from "@/lib/action-state";

// Server actions for the case editor. Each one: who is asking (server-side
// session), parse everything with zod, let the data layer check permission and
// the revision inside its transaction, then revalidate what changed.

export interface EditorActionState extends ActionState {
  /** The case's revision after a successful save, so the next save quotes it. */
  revision?: number;
  /** What the other person changed, when this save was refused as a conflict. */
  conflict?: string[];
  /** The three-way merge of that conflict: what the form should now hold, and the fields both changed. */
  merge?: EditorMerge;
}

const idSchema = z.uuid({ message: "This case could not be found" });
const revisionSchema = z.coerce.number().int().min(1);

function parseJson(value: FormDataEntryValue | null): unknown {
  if (typeof value !== "string") return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** Known failures become messages; anything else is a real bug and is rethrown. */
function toState(error: unknown): EditorActionState {
  if (error instanceof ConflictError) {
    const conflict = error.theirChanges.map(describeChange);
    return {
      status: "error",
      message:
        "Someone else saved this case while you were editing it, so your changes were not saved. Your changes are still here: compare them with theirs below, then save again to keep yours.",
      conflict: conflict.length ? conflict : ["They changed the case's status or published it."],
      revision: error.currentRevision,
    };
  }
  if (error instanceof InputError) return actionError(error.message, error.fieldErrors);
  if (error instanceof NotFoundError) return actionError("This case could not be found. It may have been deleted.");
  if (error instanceof ForbiddenError) return actionError(`${error.message}.`);
  throw error;
}

/**
 * A save refused because someone else saved first: their changes are merged
 * into this editor's values field by field, and nothing is saved until the
 * person has seen the result and saves again (issue 19).
 */
function conflictState(error: ConflictError, baseJson: unknown, mineJson: unknown): EditorActionState {
  const state = toState(error);
  const merge = mergeAfterConflict(baseJson, mineJson, error.current);
  if (!merge) return state;
  const both = merge.conflicts.length;
  return {
    ...state,
    merge,
    message:
      both === 0
        ? "Someone else saved this case while you were editing it. Their changes are now in the form together with yours; nothing has been saved yet: check the form, then save again."
        : `Someone else saved this case while you were editing it. Their other changes are now in the form together with yours, but you both changed ${both === 1 ? "one field" : `${both} fields`}: choose below which to keep, then save again. Nothing has been saved yet.`,
  };
}

async function signedInUser() {
  const user = await getCurrentUser();
  if (!user)
    return { user: null, state: actionError("Your session has ended: sign in again to save. Your changes are still on this page.") };
  return { user, state: null };
}

export async function saveCaseAction(_prev: EditorActionState, formData: FormData): Promise<EditorActionState> {
  return guardFormAction("saveCase", formData, handleSaveCase);
}

async function handleSaveCase(formData: FormData): Promise<EditorActionState> {
  const { user, state } = await signedInUser();
  if (!user) return state;

  const parsed = caseInputSchema.safeParse(parseJson(formData.get("payload")));
  if (!parsed.success) return invalidInput(parsed.error);
  const caseId = formData.get("caseId");

  let createdId: string | null = null;
  try {
    if (!caseId) {
      createdId = (await createCase(user, parsed.data)).id;
    } else {
      const parsedId = idSchema.safeParse(caseId);
      if (!parsedId.success) return actionError("This case could not be found. It may have been deleted.");
      const id = parsedId.data;
      const revision = revisionSchema.safeParse(formData.get("revision"));
      if (!revision.success) return actionError("The form is out of date: reload the page.");
      const baseJson = parseJson(formData.get("base"));
      const base = caseContentSchema.safeParse(baseJson);
      let result;
      try {
        result = await saveDraft(user, id, parsed.data, revision.data, base.success ? base.data : null);
      } catch (error) {
        if (error instanceof ConflictError) return conflictState(error, baseJson, parseJson(formData.get("payload")));
        throw error;
      }
      await revalidateMovedCase(result, parsed.data.slug);
      revalidatePath(`/workspace/cases/${id}`);
      revalidatePath("/workspace");
      return {
        ...actionSuccess(result.changes.length ? "Draft saved. Publish it to make the changes public." : "No changes to save."),
        revision: result.revision,
      };
    }
  } catch (error) {
    return toState(error);
  }
  revalidatePath("/workspace");
  redirect(`/workspace/cases/${createdId}?created=1`);
}

export async function publishCaseAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return guardFormAction("publishCase", formData, handlePublishCase);
}

async function handlePublishCase(formData: FormData): Promise<ActionState> {
  const { user, state } = await signedInUser();
  if (!user) return state;
  const id = idSchema.safeParse(formData.get("caseId"));
  const revision = revisionSchema.safeParse(formData.get("revision"));
  if (!id.success || !revision.success) return actionError("The form is out of date: reload the page.");
  const rawNote = String(formData.get("changeNote") ?? "").trim();
  const note = rawNote ? changeNoteSchema.safeParse(rawNote) : null;
  if (note && !note.success) return invalidInput(note.error);
  try {
    const result = await publishCase(user, id.data, revision.data, note?.data ?? null);
    await revalidatePublicCase(result.slug);
    revalidatePath(`/workspace/cases/${id.data}`);
    revalidatePath("/workspace");
    return actionSuccess(result.number ? `Published as version ${result.number}.` : "Published again.");
  } catch (error) {
    return toState(error);
  }
}

const statusActionSchema = z.enum(["unpublish", "archive", "restore", "discard_draft"]);

export async function changeCaseStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return guardFormAction("changeCaseStatus", formData, handleChangeCaseStatus);
}

async function handleChangeCaseStatus(formData: FormData): Promise<ActionState> {
  const { user, state } = await signedInUser();
  if (!user) return state;
  const id = idSchema.safeParse(formData.get("caseId"));
  const revision = revisionSchema.safeParse(formData.get("revision"));
  const action = statusActionSchema.safeParse(formData.get("action"));
  if (!id.success || !revision.success || !action.success) return actionError("The form is out of date: reload the page.");
  try {
    const result = await changeCaseStatus(user, id.data, action.data, revision.data);
    await revalidatePublicCase(result.slug);
    revalidatePath(`/workspace/cases/${id.data}`);
    revalidatePath("/workspace");
    const done = {
      unpublish: "Unpublished: the public page is gone; the versions are kept.",
      archive: "Archived. You can restore it from the archive.",
      restore: "Restored as unpublished. Publish it to make it public again.",
      discard_draft: "Draft discarded: the editor shows the published version again.",
    };
    return actionSuccess(done[action.data]);
  } catch (error) {
    return toState(error);
  }
}

export async function restoreVersionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return guardFormAction("restoreVersion", formData, handleRestoreVersion);
}

async function handleRestoreVersion(formData: FormData): Promise<ActionState> {
  const { user, state } = await signedInUser();
  if (!user) return state;
  const id = idSchema.safeParse(formData.get("caseId"));
  const revision = revisionSchema.safeParse(formData.get("revision"));
  const number = z.coerce.number().int().min(1).safeParse(formData.get("version"));
  if (!id.success || !revision.success || !number.success) return actionError("The form is out of date: reload the page.");
  try {
    const saved = await restoreVersionAsDraft(user, id.data, number.data, revision.data);
    await revalidateMovedCase(saved, saved.slug);
    revalidatePath(`/workspace/cases/${id.data}`);
    return actionSuccess(`Version ${number.data} copied into the draft. Review it, then publish to make it live.`);
  } catch (error) {
    return toState(error);
  }
}
