"use client";

import { useActionState, useState } from "react";
import { changeCaseStatusAction, publishCaseAction, restoreVersionAction } from "@/modules/workspace/actions/case-actions";
import type { ActionState } from "@/lib/action-state";
import type { CaseStatus } from "@/lib/generated/prisma/enums";
import { Field, describedBy, fieldIds, inputClass } from "@/components/ui/field";

const IDLE: ActionState = { status: "idle" };

function Outcome({ state, testId }: { state: ActionState; testId: string }) {
  if (state.status === "idle") return null;
  // A field's own error is shown beside the field: once is enough.
  if (state.status === "error" && state.fieldErrors && Object.keys(state.fieldErrors).length > 0) return null;
  return (
    <p
      role={state.status === "error" ? "alert" : "status"}
      data-testid={testId}
      className={state.status === "error" ? "font-semibold text-red-700" : "text-improvement"}
    >
      {state.message}
    </p>
  );
}

const STATUS_LABELS = {
  unpublish: "Unpublish",
  discard_draft: "Discard draft changes",
  archive: "Archive",
  restore: "Restore from archive",
} as const;

// One form for the status changes: each button submits its own action. The
// outcome is shown outside the buttons, so it survives the button disappearing
// (an unpublished case has no Unpublish button).
function StatusActions({ caseId, revision, actions }: { caseId: string; revision: number; actions: Array<keyof typeof STATUS_LABELS> }) {
  const [state, formAction, pending] = useActionState(changeCaseStatusAction, IDLE);
  return (
    <form action={formAction} className="space-y-2 border-t border-slate-200 pt-3">
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="revision" value={revision} />
      <div className="flex flex-wrap gap-3">
        {actions.map((action) => (
          <button
            key={action}
            type="submit"
            name="action"
            value={action}
            disabled={pending}
            className={`rounded border px-3 py-1.5 text-sm ${action === "archive" ? "border-red-700 text-red-700" : "border-slate-500"}`}
          >
            {STATUS_LABELS[action]}
          </button>
        ))}
      </div>
      <Outcome state={state} testId="status-result" />
    </form>
  );
}

function statusActions(status: CaseStatus, hasDraft: boolean, publishedNumber: number | null): Array<keyof typeof STATUS_LABELS> {
  if (status === "archived") return ["restore"];
  const actions: Array<keyof typeof STATUS_LABELS> = [];
  if (status === "published") actions.push("unpublish");
  if (hasDraft && publishedNumber !== null) actions.push("discard_draft");
  actions.push("archive");
  return actions;
}

export function PublishPanel({
  caseId,
  revision,
  status,
  hasDraft,
  publishedNumber,
  nextNumber,
  changes,
}: {
  caseId: string;
  revision: number;
  status: CaseStatus;
  hasDraft: boolean;
  publishedNumber: number | null;
  /** The number publishing the draft would give it. */
  nextNumber: number;
  /** What publishing would change on the public page, line by line. */
  changes: string[];
}) {
  const [state, formAction, pending] = useActionState(publishCaseAction, IDLE);
  // Confirming belongs to the answer it was opened after: once a publish (or any
  // action) answers, the panel closes, so the next draft starts from "Review and publish…".
  const [confirmingAfter, setConfirmingAfter] = useState<typeof state | null>(null);
  const confirming = confirmingAfter === state;
  const noteErrors = state.fieldErrors?.changeNote;
  const canPublish = status !== "archived" && (hasDraft || status === "draft");
  const submitLabel = hasDraft ? (publishedNumber === null ? "Publish version 1" : "Publish as a new version") : "Publish again";
  return (
    <section aria-labelledby="publish-heading" className="space-y-3 rounded border border-slate-300 p-4">
      <h2 id="publish-heading" className="text-lg font-semibold">
        Publish
      </h2>
      {canPublish ? (
        <form action={formAction} className="space-y-2">
          <input type="hidden" name="caseId" value={caseId} />
          <input type="hidden" name="revision" value={revision} />
          <p className="text-sm">
            <a href={`/workspace/cases/${caseId}/preview`} className="text-improvement underline" data-testid="preview-link">
              Preview public page
            </a>{" "}
            <span className="text-slate-600">(the draft as last saved, exactly as it will be published)</span>
          </p>
          {!confirming && !noteErrors ? (
            <button
              type="button"
              onClick={() => setConfirmingAfter(state)}
              className="rounded border border-improvement px-4 py-2 font-semibold text-improvement"
            >
              Review and publish…
            </button>
          ) : (
            <div className="space-y-2 rounded border-l-4 border-improvement bg-blue-50 p-3" data-testid="publish-confirm">
              <p className="font-semibold">
                {hasDraft ? `Publish the saved draft as version ${nextNumber}?` : "Make the last published version public again?"}
              </p>
              <ul className="list-disc pl-6 text-sm" aria-label="What publishing changes">
                {changes.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              {hasDraft && publishedNumber !== null ? (
                <Field
                  name="changeNote"
                  label="What changed in this version"
                  hint="Shown on the public page beside the version number"
                  errors={noteErrors}
                >
                  <input
                    id={fieldIds("changeNote").input}
                    name="changeNote"
                    className={inputClass}
                    aria-describedby={describedBy("changeNote", true, noteErrors)}
                    aria-invalid={noteErrors ? true : undefined}
                  />
                </Field>
              ) : null}
              <div className="flex flex-wrap gap-3">
                <button
                  type="submit"
                  disabled={pending}
                  className="rounded bg-improvement px-4 py-2 font-semibold text-white disabled:opacity-60"
                >
                  {submitLabel}
                </button>
                <button type="button" onClick={() => setConfirmingAfter(null)} className="rounded border border-slate-500 px-4 py-2">
                  Cancel
                </button>
              </div>
            </div>
          )}
        </form>
      ) : (
        <p className="text-sm">
          {status === "archived"
            ? "Archived cases cannot be published: restore it first."
            : "Nothing new to publish: edit and save the draft first."}
        </p>
      )}
      {/* Outside the form: the form goes away once there is nothing left to publish. */}
      <Outcome state={state} testId="publish-result" />
      <StatusActions caseId={caseId} revision={revision} actions={statusActions(status, hasDraft, publishedNumber)} />
    </section>
  );
}

export function RestoreVersionButton({ caseId, revision, version }: { caseId: string; revision: number; version: number }) {
  const [state, formAction, pending] = useActionState(restoreVersionAction, IDLE);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="revision" value={revision} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending} className="text-sm text-improvement underline">
        Copy version {version} into the draft
      </button>
      <Outcome state={state} testId={`restore-${version}`} />
    </form>
  );
}
