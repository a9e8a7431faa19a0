"use client";

import { useState, useTransition } from "react";
import { commitImportAction, previewImportAction, type ImportActionState } from "@/modules/import/actions/import-actions";
import { IDLE } from "@/lib/action-state";
import { MAX_IMPORT_BYTES } from "@/lib/domain/csv/columns";
import { formatRowError } from "@/lib/domain/csv/row-errors";
import { readCsvInBrowser, type ReadProgress } from "./read-csv-in-browser";
import { PlanTable } from "./plan-table";
import { PreviewTable } from "./preview-table";

// Upload → preview → import. The browser reads the file first (a real
// progress bar on large files, and a wrong header caught before uploading);
// the server then checks every row and says what would happen to each case;
// only then does "Import" send the same file to be written in one transaction.

type Stage = "idle" | "reading" | "checking" | "previewed" | "importing" | "done";

const formatMb = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString("en-GB", { maximumFractionDigits: 1 })} MB`;

export function ImportForm() {
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>("idle");
  const [progress, setProgress] = useState<ReadProgress | null>(null);
  const [preview, setPreview] = useState<ImportActionState>(IDLE);
  const [outcome, setOutcome] = useState<ImportActionState>(IDLE);
  const [, startTransition] = useTransition();

  function reset() {
    setProgress(null);
    setPreview(IDLE);
    setOutcome(IDLE);
  }

  async function choose(chosen: File | null) {
    reset();
    setFile(chosen);
    if (!chosen) return setStage("idle");
    if (chosen.size > MAX_IMPORT_BYTES) {
      setStage("previewed");
      return setPreview({
        status: "error",
        message: `The file is ${formatMb(chosen.size)}: the limit is 10 MB. Split it into smaller files.`,
      });
    }
    setStage("reading");
    let read;
    try {
      read = await readCsvInBrowser(chosen, setProgress);
    } catch {
      setStage("previewed");
      return setPreview({ status: "error", message: "The file could not be read. Choose it again, or save it as “CSV UTF-8” first." });
    }
    if (read.headerErrors.length) {
      setStage("previewed");
      return setPreview({
        status: "error",
        message: "The file's first row is not the template's header. Nothing has been uploaded.",
        problems: read.headerErrors.map(formatRowError),
      });
    }
    setProgress({ bytesRead: chosen.size, totalBytes: chosen.size, rows: read.rows });
    setStage("checking");
    startTransition(async () => {
      const state = await send(previewImportAction, chosen);
      setPreview(state);
      setStage("previewed");
    });
  }

  function commit() {
    if (!file) return;
    setStage("importing");
    startTransition(async () => {
      const state = await send(commitImportAction, file);
      setOutcome(state);
      setStage("done");
    });
  }

  const toImport = (preview.plans ?? []).filter((p) => p.action === "create" || p.action === "update").length;
  const canCommit = stage === "previewed" && preview.status === "success" && toImport > 0;
  const nothingToDo = stage === "previewed" && preview.status === "success" && toImport === 0;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <label htmlFor="csv-file" className="block font-semibold">
          CSV file
        </label>
        <p id="csv-file-hint" className="text-sm text-slate-700">
          Up to 10 MB. Save your spreadsheet as “CSV UTF-8 (comma delimited)”.
        </p>
        <input
          id="csv-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="csv-file-hint"
          disabled={stage === "reading" || stage === "checking" || stage === "importing"}
          onChange={(e) => void choose(e.target.files?.[0] ?? null)}
          className="block text-sm"
        />
      </div>

      <div role="status" aria-live="polite" className="space-y-2">
        {stage === "reading" && progress ? (
          <>
            <label htmlFor="read-progress" className="block text-sm">
              Reading the file: {formatMb(progress.bytesRead)} of {formatMb(progress.totalBytes)}, {progress.rows.toLocaleString("en-GB")}{" "}
              rows so far
            </label>
            <progress id="read-progress" max={progress.totalBytes} value={progress.bytesRead} className="w-full" />
          </>
        ) : null}
        {stage === "checking" ? (
          <p className="text-sm">
            Read {progress?.rows.toLocaleString("en-GB")} rows. Checking every row on the server and comparing it with the stored cases…
          </p>
        ) : null}
        {stage === "importing" ? <p className="text-sm">Importing every case in one transaction…</p> : null}
      </div>

      {stage === "previewed" || stage === "importing" || stage === "done" ? <PreviewResult state={preview} /> : null}

      {canCommit ? (
        <button type="button" onClick={commit} className="rounded bg-improvement px-4 py-2 font-semibold text-white">
          Import {toImport} {toImport === 1 ? "case" : "cases"}
        </button>
      ) : null}
      {nothingToDo ? (
        <p className="font-semibold" data-testid="import-nothing-to-do">
          No changes: every case in this file already matches what is stored, so there is nothing to import.
        </p>
      ) : null}

      {stage === "done" ? <CommitResult state={outcome} /> : null}
    </div>
  );
}

/** Server actions take FormData; the file goes as it is. */
async function send(action: (s: ImportActionState, f: FormData) => Promise<ImportActionState>, file: File): Promise<ImportActionState> {
  const form = new FormData();
  form.set("file", file);
  try {
    return await action(IDLE, form);
  } catch {
    return {
      status: "error",
      message: "The server could not take the file (it may be too large, or the connection dropped). Nothing was imported: try again.",
    };
  }
}

function Problems({ state }: { state: ImportActionState }) {
  if (!state.problems?.length) return null;
  const more = (state.errorCount ?? state.problems.length) - state.problems.length;
  return (
    <ul className="list-disc space-y-1 pl-6 text-sm text-red-700" data-testid="import-problems">
      {state.problems.map((p) => (
        <li key={p}>{p}</li>
      ))}
      {more > 0 ? <li>…and {more.toLocaleString("en-GB")} more</li> : null}
    </ul>
  );
}

function PreviewResult({ state }: { state: ImportActionState }) {
  if (state.status === "idle") return null;
  const caseCount = state.plans?.length ?? 0;
  return (
    <section aria-labelledby="preview-heading" className="space-y-4">
      <h2 id="preview-heading" className="text-2xl font-semibold">
        Preview
      </h2>
      <div
        role={state.status === "error" ? "alert" : undefined}
        className={state.status === "error" ? "rounded border-2 border-red-700 p-3" : ""}
      >
        <p className="font-semibold" data-testid="import-preview-message">
          {state.message}
        </p>
        {state.rowCount !== undefined ? (
          <p className="text-sm">
            {state.rowCount.toLocaleString("en-GB")} rows, {caseCount.toLocaleString("en-GB")} cases,{" "}
            {(state.measureCount ?? 0).toLocaleString("en-GB")} measures.
          </p>
        ) : null}
        <Problems state={state} />
      </div>
      {state.notice ? (
        <p className="rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-sm" data-testid="import-encoding-notice">
          {state.notice}
        </p>
      ) : null}
      {state.plans?.length ? <PlanTable plans={state.plans} caption="Cases in the file" /> : null}
      {state.table ? <PreviewTable table={state.table} rowCount={state.rowCount ?? 0} /> : null}
    </section>
  );
}

function CommitResult({ state }: { state: ImportActionState }) {
  return (
    <section aria-labelledby="result-heading" className="space-y-3">
      <h2 id="result-heading" className="text-2xl font-semibold">
        Result
      </h2>
      <div role="alert" className={`rounded border-2 p-3 ${state.status === "error" ? "border-red-700" : "border-improvement"}`}>
        <p className="font-semibold" data-testid="import-result">
          {state.message}
        </p>
        <Problems state={state} />
        {state.status === "success" && state.plans?.some((p) => p.action !== "invalid") ? (
          <div className="mt-2">
            <p className="text-sm">Check each draft, then publish it from its page:</p>
            <ul className="list-disc pl-6 text-sm" data-testid="imported-drafts">
              {state.plans
                .filter((p) => p.action !== "invalid")
                .map((p) => (
                  <li key={p.slug}>
                    <a href={`/workspace/cases/by-slug/${encodeURIComponent(p.slug)}`} className="text-improvement underline">
                      {p.title ?? p.slug}
                    </a>
                  </li>
                ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
