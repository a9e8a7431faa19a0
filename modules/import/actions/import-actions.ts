"use server";

import { guardFormAction } from "@/lib/action-guard";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/permissions";
import { canCreateCaseIn } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/modules/auth/session";
import { commitImport, ImportRejectedError, previewImport, type CasePlan } from "@/modules/import/data/case-import";
import { prepareRecords, readImportFile, type ImportFileKind, type ReadFile } from "@/modules/import/data/import-source";
import { getRememberedMappings, rememberMappings } from "@/modules/import/data/column-mappings";
import {
  buildPreviewTable,
  formatRowError,
  IMPORT_COLUMNS,
  isTemplateHeader,
  MAX_IMPORT_BYTES,
  suggestMapping,
  type ColumnMapping,
  type ColumnName,
  type PreviewTable,
  type RowError,
  type SuggestionReason,
} from "@/lib/domain/csv";
import { actionError, type ActionState } from "@/lib/action-state";
import { log } from "@/lib/log";

// Server actions for the import page: inspect (the file's sheets and headers,
// with a suggested field for each), preview (what would happen, under the
// analyst's mapping) and commit (re-read, re-check and write in one
// transaction). Each receives the file itself; the browser's own reading of a
// CSV file is only for progress.

export interface ImportActionState extends ActionState {
  rowCount?: number;
  measureCount?: number;
  errorCount?: number;
  /** At most MAX_LISTED_PROBLEMS, "row 7, before: …". */
  problems?: string[];
  /** Things to know that need no fixing: columns that were ignored. */
  notices?: string[];
  table?: PreviewTable;
  plans?: CasePlan[];
  /** Percentages that look like fractions (0.46 for 46%): asked, never guessed. */
  percentQuestion?: { rowCount: number; example: string; answered: boolean };
  result?: { created: number; updated: number; unchanged: number; changeCount: number };
  /** How the file's characters were read, when it was not plain UTF-8 ("read as Windows-1252"). */
  notice?: string;
}

export interface InspectedColumn {
  header: string;
  /** A few of the column's cells, to recognise it by. */
  samples: string[];
  column: ColumnName | null;
  reason: SuggestionReason;
}

export interface InspectState extends ActionState {
  kind?: ImportFileKind;
  sheets?: string[];
  sheet?: string | null;
  columns?: InspectedColumn[];
  /** Every header is a template column: no mapping step is needed. */
  template?: boolean;
  problems?: string[];
}

const MAX_LISTED_PROBLEMS = 500;

const fileSchema = z
  .file({ message: "Choose a CSV or Excel (.xlsx) file to import" })
  .min(1, "The file is empty.")
  .max(MAX_IMPORT_BYTES, "The file is larger than 10 MB: split it into smaller files.");

const optionsSchema = z.object({
  sheet: z.string().max(200).nullish(),
  mapping: z
    .string()
    .max(100_000)
    .nullish()
    .transform((text, ctx): ColumnMapping | null => {
      if (!text) return null;
      const parsed = z
        .array(z.enum(IMPORT_COLUMNS as [ColumnName, ...ColumnName[]]).nullable())
        .max(1000)
        .safeParse(safeJson(text));
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", message: "The column choices could not be read: choose the file again." });
        return z.NEVER;
      }
      return parsed.data;
    }),
  percent: z.enum(["fractions", "percent"]).nullish(),
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Analysts import into their own organisation, admins into any. */
function mayImport(user: CurrentUser): boolean {
  return user.role === "admin" || (user.organisationId !== null && canCreateCaseIn(user, user.organisationId));
}

type Upload = { user: CurrentUser; file: ReadFile; options: z.infer<typeof optionsSchema> };

async function readUpload(formData: unknown): Promise<Upload | ImportActionState> {
  const user = await getCurrentUser();
  if (!user) return actionError("Your session has ended: sign in again to import.");
  if (!mayImport(user)) return actionError("Your account can read cases but not import them.");
  // A hand-made request may send anything: only a form with a file is read.
  if (!(formData instanceof FormData)) return actionError("Choose a CSV or Excel (.xlsx) file to import");
  const file = fileSchema.safeParse(formData.get("file"));
  if (!file.success) return actionError(file.error.issues[0]!.message);
  const options = optionsSchema.safeParse({
    sheet: formData.get("sheet") || null,
    mapping: formData.get("mapping") || null,
    percent: formData.get("percent") || null,
  });
  if (!options.success) return actionError(options.error.issues[0]!.message);
  const bytes = new Uint8Array(await file.data.arrayBuffer());
  return { user, file: await readImportFile(bytes, options.data.sheet), options: options.data };
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

export async function inspectImportAction(_previous: InspectState, formData: FormData): Promise<InspectState> {
  return guardFormAction("inspectImport", formData, handleInspectImport);
}

async function handleInspectImport(formData: FormData): Promise<InspectState> {
  const upload = await readUpload(formData);
  if ("status" in upload) return upload;
  const { table, kind, sheets, sheet } = upload.file;
  if (table.header.length === 0) {
    return {
      ...actionError("The file cannot be imported: nothing was imported."),
      problems: table.errors.map(formatRowError),
      kind,
      sheets,
      sheet,
    };
  }
  const remembered = await getRememberedMappings(upload.user.organisationId);
  const samples = table.rows.slice(0, 20).map((r) => r.cells);
  const suggestions = suggestMapping(table.header, samples, remembered);
  return {
    status: "success",
    kind,
    sheets,
    sheet,
    template: isTemplateHeader(table.header),
    columns: table.header.map((header, i) => ({
      header,
      samples: [...new Set(samples.map((r) => (r[i] ?? "").trim()).filter(Boolean))].slice(0, 3).map((s) => s.slice(0, 60)),
      column: suggestions[i]!.column,
      reason: suggestions[i]!.reason,
    })),
  };
}

export async function previewImportAction(_previous: ImportActionState, formData: FormData): Promise<ImportActionState> {
  return guardFormAction("previewImport", formData, handlePreviewImport);
}

async function handlePreviewImport(formData: FormData): Promise<ImportActionState> {
  const upload = await readUpload(formData);
  if ("status" in upload) return upload;
  const { parsed, percentFractions } = prepareRecords(upload.file.table, upload.options);
  const notice = upload.file.notice ? { notice: upload.file.notice } : {};
  if (parsed.records.length === 0) {
    return {
      ...actionError("The file cannot be imported: nothing was imported."),
      ...listProblems(parsed.errors),
      notices: parsed.notices,
      rowCount: 0,
      ...notice,
    };
  }
  let preview;
  try {
    preview = await previewImport(upload.user, parsed.records, parsed.errors);
  } catch (error) {
    return serviceFailure(error, "previewImport");
  }
  const percentQuestion = percentFractions
    ? { rowCount: percentFractions.rows.size, example: percentFractions.example, answered: Boolean(upload.options.percent) }
    : undefined;
  const base = {
    ...notice,
    rowCount: preview.rowCount,
    measureCount: preview.measureCount,
    plans: preview.plans,
    table: buildPreviewTable(parsed.records, preview.errors, 200, preview.figures),
    notices: parsed.notices,
    percentQuestion,
    ...listProblems(preview.errors),
  };
  if (preview.errors.length) {
    return {
      ...base,
      status: "error",
      message: `${plural(preview.errors.length, "problem")} to fix before this file can be imported. Nothing has been imported.`,
    };
  }
  if (percentQuestion && !percentQuestion.answered) {
    return {
      ...base,
      status: "error",
      message: "Say what the percentages between 0 and 1 mean before importing. Nothing has been imported.",
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
  const { parsed, percentFractions } = prepareRecords(upload.file.table, upload.options);
  if (percentFractions && !upload.options.percent) {
    return actionError("Say what the percentages between 0 and 1 mean before importing. Nothing was imported.");
  }
  try {
    const result = await commitImport(upload.user, parsed);
    // The import has committed: failing to remember the column names for next time
    // must not turn into "nothing was imported".
    if (upload.options.mapping) {
      await rememberMappings(upload.user.organisationId, upload.file.table.header, upload.options.mapping).catch((error: unknown) =>
        log.warn({ err: error, action: "commitImport" }, "could not remember the column mapping"),
      );
    }
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
