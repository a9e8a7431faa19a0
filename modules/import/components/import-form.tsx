"use client";

import { useState, useTransition } from "react";
import {
  commitImportAction,
  inspectImportAction,
  previewImportAction,
  type ImportActionState,
  type InspectState,
} from "@/modules/import/actions/import-actions";
import { IDLE } from "@/lib/action-state";
import { MAX_IMPORT_BYTES } from "@/lib/domain/csv/columns";
import type { ColumnMapping } from "@/lib/domain/csv/column-mapping";
import type { PercentAnswer } from "@/lib/domain/csv/percent-fractions";
import { readCsvInBrowser, type ReadProgress } from "./read-csv-in-browser";
import { ColumnMappingStep } from "./column-mapping-step";
import { PlanTable } from "./plan-table";
import { PreviewTable } from "./preview-table";

// Upload → match columns → preview → import. The browser reads a CSV file
// first (a real progress bar on large files); the server then reads the file's
// headers (an .xlsx file's sheet) and suggests a field for each. A file with
// the template's own headers goes straight to the preview; any other file
// shows the mapping step first. The preview checks every row and says what
// would happen to each case; only then does "Import" send the same file, with
// the same choices, to be written in one transaction.

type Stage = "idle" | "reading" | "inspecting" | "mapping" | "checking" | "previewed" | "importing" | "done";

interface Choices {
  sheet: string | null;
  mapping: ColumnMapping | null;
  percent: PercentAnswer | null;
}

const formatMb = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString("en-GB", { maximumFractionDigits: 1 })} MB`;
const isXlsxName = (file: File) => /\.xlsx$/i.test(file.name);

export function ImportForm() {
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>("idle");
  const [progress, setProgress] = useState<ReadProgress | null>(null);
  const [inspected, setInspected] = useState<InspectState>(IDLE);
  const [choices, setChoices] = useState<Choices>({ sheet: null, mapping: null, percent: null });
  const [preview, setPreview] = useState<ImportActionState>(IDLE);
  const [outcome, setOutcome] = useState<ImportActionState>(IDLE);
  const [, startTransition] = useTransition();

  function reset() {
    setProgress(null);
    setInspected(IDLE);
    setChoices({ sheet: null, mapping: null, percent: null });
    setPreview(IDLE);
    setOutcome(IDLE);
  }

  function runPreview(chosen: File, next: Choices) {
    setChoices(next);
    setStage("checking");
    startTransition(async () => {
      const state = await send(previewImportAction, chosen, next);
      setPreview(state);
      setStage("previewed");
    });
  }

  function inspect(chosen: File, sheet: string | null) {
    setStage("inspecting");
    startTransition(async () => {
      const state = await send(inspectImportAction, chosen, { sheet, mapping: null, percent: null });
      setInspected(state);
      if (state.status !== "success" || !state.columns) {
        setPreview({ status: "error", message: state.message, problems: state.problems });
        return setStage("previewed");
      }
      const next: Choices = { sheet: state.sheet ?? null, mapping: state.columns.map((c) => c.column), percent: null };
      setChoices(next);
      // The template's own headers (an export, the template) need no matching: straight to the preview.
      // A sheet the analyst chose is shown with its columns first.
      if (state.template && sheet === null) return runPreview(chosen, next);
      setStage("mapping");
    });
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
    if (!isXlsxName(chosen)) {
      setStage("reading");
      try {
        const read = await readCsvInBrowser(chosen, setProgress);
        setProgress({ bytesRead: chosen.size, totalBytes: chosen.size, rows: read.rows });
      } catch {
        setStage("previewed");
        return setPreview({ status: "error", message: "The file could not be read. Choose it again, or save it as “CSV UTF-8” first." });
      }
    }
    inspect(chosen, null);
  }

  function commit() {
    if (!file) return;
    setStage("importing");
    startTransition(async () => {
      const state = await send(commitImportAction, file, choices);
      setOutcome(state);
      setStage("done");
    });
  }

  const toImport = (preview.plans ?? []).filter((p) => p.action === "create" || p.action === "update").length;
  const canCommit = stage === "previewed" && preview.status === "success" && toImport > 0;
  const nothingToDo = stage === "previewed" && preview.status === "success" && toImport === 0;
  const busy = stage === "reading" || stage === "inspecting" || stage === "checking" || stage === "importing";

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <label htmlFor="csv-file" className="block font-semibold">
          CSV file or Excel workbook (.xlsx)
        </label>
        <p id="csv-file-hint" className="text-sm text-slate-700">
          Up to 10 MB, with your own column names if you like: you match them to the fields next. Save a CSV as “CSV UTF-8 (comma
          delimited)”.
        </p>
        <input
          id="csv-file"
          name="file"
          type="file"
          accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="csv-file-hint"
          disabled={busy}
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
        {stage === "inspecting" ? <p className="text-sm">Reading the file&apos;s columns…</p> : null}
        {stage === "checking" ? (
          <p className="text-sm">
            {progress ? `Read ${progress.rows.toLocaleString("en-GB")} rows. ` : ""}Checking every row on the server and comparing it with
            the stored cases…
          </p>
        ) : null}
        {stage === "importing" ? <p className="text-sm">Importing every case in one transaction…</p> : null}
      </div>

      {stage === "mapping" && file && inspected.columns && choices.mapping ? (
        <ColumnMappingStep
          columns={inspected.columns}
          mapping={choices.mapping}
          onChange={(mapping) => setChoices({ ...choices, mapping })}
          sheets={inspected.sheets ?? []}
          sheet={choices.sheet}
          onSheet={(sheet) => inspect(file, sheet)}
          onPreview={() => runPreview(file, choices)}
          busy={busy}
        />
      ) : null}

      {stage === "previewed" && file && inspected.columns ? (
        <button type="button" onClick={() => setStage("mapping")} className="text-improvement underline">
          Change which columns hold which field
        </button>
      ) : null}

      {stage === "previewed" && file && preview.percentQuestion ? (
        <PercentQuestion
          question={preview.percentQuestion}
          answer={choices.percent}
          onAnswer={(percent) => runPreview(file, { ...choices, percent })}
        />
      ) : null}

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

function PercentQuestion({
  question,
  answer,
  onAnswer,
}: {
  question: NonNullable<ImportActionState["percentQuestion"]>;
  answer: PercentAnswer | null;
  onAnswer: (answer: PercentAnswer) => void;
}) {
  return (
    <fieldset className="space-y-2 rounded border-2 border-slate-500 p-3" data-testid="percent-question">
      <legend className="px-1 font-semibold">What do the percentages between 0 and 1 mean?</legend>
      <p className="text-sm">
        {question.rowCount.toLocaleString("en-GB")} {question.rowCount === 1 ? "row has" : "rows have"} percentage figures between 0 and 1 (
        {question.example}). Spreadsheets often store 46% as 0.46.
      </p>
      <label className="flex items-center gap-2">
        <input type="radio" name="percent" checked={answer === "fractions"} onChange={() => onAnswer("fractions")} />
        They are fractions: 0.46 means 46% (multiply by 100)
      </label>
      <label className="flex items-center gap-2">
        <input type="radio" name="percent" checked={answer === "percent"} onChange={() => onAnswer("percent")} />
        They are already per cent: 0.46 means 0.46%
      </label>
    </fieldset>
  );
}

/** Server actions take FormData; the file goes as it is, with the analyst's choices. */
async function send<S extends ImportActionState | InspectState>(
  action: (s: S, f: FormData) => Promise<S>,
  file: File,
  choices: Choices,
): Promise<S> {
  const form = new FormData();
  form.set("file", file);
  if (choices.sheet) form.set("sheet", choices.sheet);
  if (choices.mapping) form.set("mapping", JSON.stringify(choices.mapping));
  if (choices.percent) form.set("percent", choices.percent);
  try {
    return await action(IDLE as S, form);
  } catch {
    return {
      status: "error",
      message: "The server could not take the file (it may be too large, or the connection dropped). Nothing was imported: try again.",
    } as S;
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
        {state.notices?.length ? (
          <ul className="list-disc pl-6 text-sm" data-testid="import-notices">
            {state.notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : null}
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
