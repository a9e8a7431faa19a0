"use client";

import { useActionState, useEffect, useRef, useState, type InputHTMLAttributes } from "react";
import { saveCaseAction, type EditorActionState } from "@/modules/workspace/actions/case-actions";
import type { EditorConflict } from "@/modules/workspace/present/conflict-merge";
import { REFORM_SHIFT_LABELS, SECTOR_LABELS, EVIDENCE_LEVELS } from "@/lib/domain/labels";
import { slugify } from "@/lib/schemas/case";
import { Field, describedBy, fieldIds, inputClass } from "@/components/ui/field";
import { EMPTY_MEASURE, MeasureEditor, type MeasureDraft, type MeasureTypeOption } from "./measure-editor";

export interface CaseDraftFields {
  title: string;
  slug: string;
  summary: string;
  organisationId: string;
  sector: string;
  approachKey: string;
  reformShifts: string[];
  interventionDate: string;
  baselinePeriod: string;
  followUpPeriod: string;
  sourceCitation: string;
  sourceUrl: string;
  evidenceLevel: string;
  reportingOrganisation: string;
  country: string;
}

export interface CaseEditorProps {
  caseId: string | null;
  revision: number;
  initial: CaseDraftFields & { measures: Array<Omit<MeasureDraft, "key">> };
  options: {
    organisations: Array<{ id: string; name: string }>;
    approaches: Array<{ key: string; name: string }>;
    measureTypes: MeasureTypeOption[];
  };
  canEdit: boolean;
}

let nextKey = 0;
const withKey = (m: Omit<MeasureDraft, "key">): MeasureDraft => ({ ...m, key: `m${nextKey++}` });
const withoutKeys = (measures: MeasureDraft[]) => measures.map(({ key, ...m }) => (void key, m));

export function CaseEditor({ caseId, revision: initialRevision, initial, options, canEdit }: CaseEditorProps) {
  const { measures: initialMeasures, ...initialFields } = initial;
  const [fields, setFields] = useState<CaseDraftFields>(initialFields);
  const [measures, setMeasures] = useState<MeasureDraft[]>(() => initialMeasures.map(withKey));
  const [slugTouched, setSlugTouched] = useState(Boolean(caseId));
  const [base, setBase] = useState(() => JSON.stringify(initial));
  const [revision, setRevision] = useState(initialRevision);
  // Where both changed the same field after a conflict, the form keeps ours until "Use theirs" is pressed.
  const [chosen, setChosen] = useState<Record<string, "theirs">>({});
  const [state, formAction, pending] = useActionState<EditorActionState, FormData>(saveCaseAction, { status: "idle" });
  const payload = JSON.stringify({ ...fields, measures: withoutKeys(measures) });

  // The server's copy moved on without this editor saving (a version was
  // restored into the draft, the draft was discarded): start again from it.
  // Our own saves also move the revision, but then state.revision matches.
  const [seenRevision, setSeenRevision] = useState(initialRevision);
  if (initialRevision !== seenRevision) {
    setSeenRevision(initialRevision);
    if (initialRevision !== state.revision && initialRevision > revision) {
      setFields(initialFields);
      setMeasures(initialMeasures.map(withKey));
      setBase(JSON.stringify(initial));
      setRevision(initialRevision);
    }
  }
  const summaryRef = useRef<HTMLDivElement>(null);
  const errors = state.fieldErrors ?? {};

  // After a save the server's revision becomes ours, and what we saved becomes
  // the base against which a later conflict is explained.
  const handled = useRef<EditorActionState | null>(null);
  useEffect(() => {
    if (handled.current === state) return;
    handled.current = state;
    if (state.revision !== undefined) setRevision(state.revision);
    if (state.status === "success") setBase(payload);
    if (state.merge) {
      // A conflict, merged field by field on the server: the form now holds their
      // changes with ours, and what they saved is the base the next save is checked against.
      const { measures: mergedMeasures, ...mergedFields } = state.merge.values;
      setFields(mergedFields);
      setMeasures(mergedMeasures.map(withKey));
      setBase(JSON.stringify(state.merge.theirs));
      setChosen({});
    }
    if (state.status !== "idle") summaryRef.current?.focus();
  }, [state, payload]);

  function takeTheirs(conflict: EditorConflict) {
    const m = /^measures\.(\d+)\.(\w+)$/.exec(conflict.path);
    const value = conflict.theirsValue ?? "";
    if (m) updateMeasure(Number(m[1]), { [m[2]!]: Array.isArray(value) ? value.join(";") : value });
    else if (conflict.path in fields) set(conflict.path as keyof CaseDraftFields, value as never);
    setChosen((c) => ({ ...c, [conflict.path]: "theirs" }));
  }

  function set<K extends keyof CaseDraftFields>(key: K, value: CaseDraftFields[K]) {
    setFields((f) => ({ ...f, [key]: value, ...(key === "title" && !slugTouched ? { slug: slugify(String(value)) } : {}) }));
  }

  function updateMeasure(i: number, patch: Partial<MeasureDraft>) {
    setMeasures((ms) => ms.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  }

  function moveMeasure(i: number, delta: -1 | 1) {
    setMeasures((ms) => {
      const next = [...ms];
      const [moved] = next.splice(i, 1);
      next.splice(i + delta, 0, moved!);
      return next;
    });
  }

  function input(key: keyof CaseDraftFields, label: string, hint?: string, extra: InputHTMLAttributes<HTMLInputElement> = {}) {
    const e = errors[key];
    return (
      <Field name={key} label={label} hint={hint} errors={e}>
        <input
          id={fieldIds(key).input}
          type="text"
          {...extra}
          className={inputClass}
          value={fields[key] as string}
          disabled={!canEdit}
          aria-invalid={e ? true : undefined}
          aria-describedby={describedBy(key, Boolean(hint), e)}
          onChange={(ev) => {
            if (key === "slug") setSlugTouched(true);
            set(key, ev.target.value);
          }}
        />
      </Field>
    );
  }

  function select(key: keyof CaseDraftFields, label: string, choices: Array<[string, string]>, placeholder?: string) {
    const e = errors[key];
    return (
      <Field name={key} label={label} errors={e}>
        <select
          id={fieldIds(key).input}
          className={inputClass}
          value={fields[key] as string}
          disabled={!canEdit}
          aria-invalid={e ? true : undefined}
          aria-describedby={describedBy(key, false, e)}
          onChange={(ev) => set(key, ev.target.value)}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {choices.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </Field>
    );
  }

  return (
    <form action={formAction} className="space-y-8" noValidate>
      <input type="hidden" name="caseId" value={caseId ?? ""} />
      <input type="hidden" name="revision" value={revision} />
      <input type="hidden" name="payload" value={payload} />
      <input type="hidden" name="base" value={base} />

      <div ref={summaryRef} tabIndex={-1} aria-live="polite" className="outline-none">
        {state.status === "error" ? (
          <div role="alert" className="space-y-2 rounded border-l-4 border-red-700 bg-red-50 p-4 text-red-900" data-testid="form-error">
            <p className="font-semibold">{state.message}</p>
            {state.merge?.conflicts.length ? (
              <div data-testid="conflict-choices" className="space-y-1">
                <p>You both changed:</p>
                <ul className="space-y-2 pl-2">
                  {state.merge.conflicts.map((c) => (
                    <li key={c.path} className="rounded bg-white p-2 font-normal">
                      <span className="font-semibold">{c.label}</span>: theirs “{c.theirs}”, yours “{c.mine}”{" "}
                      {/^measures\.\d+$/.test(c.path) ? (
                        <span>(shown in the form: remove the measure or keep it)</span>
                      ) : chosen[c.path] ? (
                        <span>(theirs is now in the form)</span>
                      ) : (
                        <>
                          <span>(yours is in the form)</span>{" "}
                          <button
                            type="button"
                            className="ml-2 rounded border border-red-800 px-2 py-0.5 text-sm"
                            onClick={() => takeTheirs(c)}
                          >
                            Use theirs
                          </button>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {state.conflict?.length ? (
              <div data-testid="conflict-changes">
                <p>What the other person changed:</p>
                <ul className="list-disc pl-6">
                  {state.conflict.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        ) : null}
        {state.status === "success" ? (
          <p role="status" className="rounded border-l-4 border-improvement bg-blue-50 p-4" data-testid="form-success">
            {state.message}
          </p>
        ) : null}
      </div>

      <section className="grid gap-4 sm:grid-cols-2" aria-labelledby="case-fields-heading">
        <h2 id="case-fields-heading" className="text-xl font-semibold sm:col-span-2">
          The case
        </h2>
        {input("title", "Title")}
        {input("slug", "Web address (slug)", "Made from the title; lower-case letters, numbers and hyphens")}
        {select(
          "organisationId",
          "Organisation",
          options.organisations.map((o) => [o.id, o.name]),
          "Choose an organisation",
        )}
        {select("sector", "Sector", Object.entries(SECTOR_LABELS))}
        <div>
          {select(
            "approachKey",
            "Approach",
            options.approaches.map((a) => [a.key, a.name]),
            "Not stated",
          )}
          <p className="mt-1 text-xs">
            <a href="/workspace/approaches" className="text-improvement underline">
              Not in the list? Propose an approach
            </a>
          </p>
        </div>
        {/* Text, not type="date": a date box shows the browser's locale (mm/dd/yyyy) whatever the hint says (issue 20). The server checks it too. */}
        {input("interventionDate", "Intervention date", "YYYY-MM-DD, e.g. 2024-03-01, if the source gives one", {
          inputMode: "numeric",
          pattern: "\\d{4}-\\d{2}-\\d{2}",
          placeholder: "YYYY-MM-DD",
          maxLength: 10,
          autoComplete: "off",
        })}
        {input("baselinePeriod", "Before period", "e.g. 2022/23")}
        {input("followUpPeriod", "After period", "e.g. 2023/24")}
        <fieldset className="space-y-1 sm:col-span-2">
          <legend className="text-sm font-medium">Reform shifts</legend>
          {Object.entries(REFORM_SHIFT_LABELS).map(([value, text]) => (
            <label key={value} className="mr-4 inline-flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                checked={fields.reformShifts.includes(value)}
                disabled={!canEdit}
                onChange={(e) =>
                  set("reformShifts", e.target.checked ? [...fields.reformShifts, value] : fields.reformShifts.filter((s) => s !== value))
                }
              />
              {text}
            </label>
          ))}
        </fieldset>
        <div className="sm:col-span-2">
          <Field
            name="summary"
            label="Summary (Markdown)"
            hint="Shown on the public page; links and emphasis allowed, HTML is not"
            errors={errors.summary}
          >
            <textarea
              id={fieldIds("summary").input}
              className={`${inputClass} min-h-32`}
              value={fields.summary}
              disabled={!canEdit}
              aria-describedby={describedBy("summary", true, errors.summary)}
              onChange={(e) => set("summary", e.target.value)}
            />
          </Field>
        </div>
        {input("sourceCitation", "Source citation", "Who reported these figures, where and when")}
        {input("sourceUrl", "Source web address")}
        {input("reportingOrganisation", "Reporting organisation (optional)", "Who published the source, e.g. The Health Foundation")}
        {input("country", "Country (optional)", "Where the reform took place, e.g. England")}
        {select(
          "evidenceLevel",
          "Evidence level of the case (Maryland scale)",
          Object.entries(EVIDENCE_LEVELS).map(([n, t]) => [n, `${n}: ${t}`]),
        )}
      </section>

      <section className="space-y-4" aria-labelledby="measures-heading">
        <h2 id="measures-heading" className="text-xl font-semibold">
          Measures ({measures.length})
        </h2>
        {errors.measures ? <p className="font-semibold text-red-700">{errors.measures.join(" ")}</p> : null}
        {measures.map((m, i) => (
          <MeasureEditor
            key={m.key}
            index={i}
            total={measures.length}
            measure={m}
            measureTypes={options.measureTypes}
            errors={errors}
            disabled={!canEdit}
            onChange={(patch) => updateMeasure(i, patch)}
            onMove={(delta) => moveMeasure(i, delta)}
            onRemove={() => setMeasures((ms) => ms.filter((_, j) => j !== i))}
          />
        ))}
        {canEdit ? (
          <button
            type="button"
            className="rounded border border-improvement px-3 py-1.5 text-improvement"
            onClick={() => setMeasures((ms) => [...ms, withKey(EMPTY_MEASURE)])}
          >
            Add a measure
          </button>
        ) : null}
      </section>

      {canEdit ? (
        <div className="sticky bottom-0 border-t border-slate-200 bg-white py-3">
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-improvement px-4 py-2 font-semibold text-white disabled:opacity-60"
          >
            {pending ? "Saving…" : caseId ? "Save draft" : "Create case"}
          </button>
        </div>
      ) : (
        <p className="rounded bg-slate-100 p-3">You can read this case but not edit it.</p>
      )}
    </form>
  );
}
