"use server";

import { guardFormAction } from "@/lib/action-guard";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/permissions";
import { canCreateCaseIn } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/modules/auth/session";
import { commitImport, ImportRejectedError, previewImport, type CasePlan } from "@/modules/import/data/case-import";
import { buildPreviewTable, formatRowError, MAX_IMPORT_BYTES, parseCsvText, type PreviewTable, type RowError } from "@/lib/domain/csv";
import { decodeCsvBytes } from "@/lib/domain/csv/decode";
import { actionError, type ActionState } from "@/lib/action-state";
import { log } from "@/lib/log";

// Server actions for the CSV import page. Both receive the file itself: the
// preview to say what would happen, the commit to re-check everything and
// write it (the browser's own reading of the file is only for progress).

export interface ImportActionState extends ActionState {
  rowCount?: number;
  measureCount?: number;
  errorCount?: number;
  /** At most MAX_LISTED_PROBLEMS, "row 7, before: …". */
  problems?: string[];
  table?: PreviewTable;
  plans?: CasePlan[];
  result?: { created: number; updated: number; unchanged: number; changeCount: number };
  /** How the file's characters were read, when it was not plain UTF-8 ("read as Windows-1252"). */
  notice?: string;
}

const MAX_LISTED_PROBLEMS = 500;

const fileSchema = z.object({
  file: z
    .file({ message: "Choose a CSV file to import" })
    .min(1, "The file is empty.")
    .max(MAX_IMPORT_BYTES, "The file is larger than 10 MB: split it into smaller files."),
});

/** Analysts import into their own organisation, admins into any. */
function mayImport(user: CurrentUser): boolean {
  return user.role === "admin" || (user.organisationId !== null && canCreateCaseIn(user, user.organisationId));
}

async function readUpload(formData: unknown): Promise<{ user: CurrentUser; text: string; notice: string | null } | ImportActionState> {
  const user = await getCurrentUser();
  if (!user) return actionError("Your session has ended: sign in again to import.");
  if (!mayImport(user)) return actionError("Your account can read cases but not import them.");
  // A hand-made request may send anything: only a form with a file is read.
  const parsed = fileSchema.safeParse({ file: formData instanceof FormData ? formData.get("file") : undefined });
  if (!parsed.success) return actionError(parsed.error.issues[0]!.message);
  const decoded = decodeCsvBytes(new Uint8Array(await parsed.data.file.arrayBuffer()));
  if (!decoded.ok) return { ...actionError(`${decoded.message} Nothing was imported.`), rowCount: 0 };
  return { user, text: decoded.text, notice: decoded.notice };
}

/** The database (not the file) failed: say so, and that nothing was written (issue 19). */
function serviceFailure(error: unknown, what: string): ImportActionState {
  log.error({ err: error, action: what }, "import failed in the database");
  return actionError(
    "The service had a problem and could not finish, so nothing was imported. The file itself may be fine: try again in a minute.",
  );
}

function listProblems(errors: RowError[]): Pick<ImportActionState, "problems" | "errorCount"> {
  return { errorCount: errors.length, problems: errors.slice(0, MAX_LISTED_PROBLEMS).map(formatRowError) };
}

export async function previewImportAction(_previous: ImportActionState, formData: FormData): Promise<ImportActionState> {
  return guardFormAction("previewImport", formData, handlePreviewImport);
}

async function handlePreviewImport(formData: FormData): Promise<ImportActionState> {
  const upload = await readUpload(formData);
  if ("status" in upload) return upload;
  const parsed = parseCsvText(upload.text);
  const notice = upload.notice ? { notice: upload.notice } : {};
  if (parsed.records.length === 0) {
    return { ...actionError("The file cannot be imported: nothing was imported."), ...listProblems(parsed.errors), rowCount: 0, ...notice };
  }
  let preview;
  try {
    preview = await previewImport(upload.user, parsed.records, parsed.errors);
  } catch (error) {
    return serviceFailure(error, "previewImport");
  }
  const base = {
    ...notice,
    rowCount: preview.rowCount,
    measureCount: preview.measureCount,
    plans: preview.plans,
    table: buildPreviewTable(parsed.records, preview.errors, 200, preview.figures),
    ...listProblems(preview.errors),
  };
  if (preview.errors.length) {
    return {
      ...base,
      status: "error",
      message: `${plural(preview.errors.length, "problem")} to fix before this file can be imported. Nothing has been imported.`,
    };
  }
  return { ...base, status: "success", message: "The file is ready to import. Nothing has been imported yet." };
}

export async function commitImportAction(_previous: ImportActionState, formData: FormData): Promise<ImportActionState> {
  return guardFormAction("commitImport", formData, handleCommitImport);
}

async function handleCommitImport(formData: FormData): Promise<ImportActionState> {
  const upload = await readUpload(formData);
  if ("status" in upload) return upload;
  try {
    const result = await commitImport(upload.user, upload.text);
    revalidatePath("/workspace");
    const { created, updated, unchanged, changeCount } = result;
    const message =
      created + updated === 0
        ? `No changes: all ${plural(unchanged, "case")} in the file already match what is stored.`
        : `Imported as drafts: ${created} created, ${updated} updated (${plural(changeCount, "field change")}), ${unchanged} unchanged. Nothing was published.`;
    return { status: "success", message, result: { created, updated, unchanged, changeCount }, plans: result.plans };
  } catch (error) {
    if (error instanceof ImportRejectedError) {
      return { status: "error", message: `${error.message} Fix the file and upload it again.`, ...listProblems(error.errors) };
    }
    return serviceFailure(error, "commitImport");
  }
}

function plural(n: number, word: string) {
  return `${n.toLocaleString("en-GB")} ${word}${n === 1 ? "" : "s"}`;
}
