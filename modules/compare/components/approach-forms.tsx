"use client";
import { useActionState } from "react";
import { FieldError, FormMessage, buttonClass, inputClass, secondaryButtonClass } from "@/components/ui/field-error";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { IDLE } from "@/lib/action-state";
import { decideApproachAction, proposeApproachAction } from "@/modules/compare/actions/approach-actions";

const FIELDS = [
  { name: "name", label: "Name of the approach", hint: "As reform write-ups name it, e.g. Community Led Support" },
  {
    name: "description",
    label: "Definition",
    hint: "One paragraph in your own words: what the approach changes, and how. At least 80 characters.",
    multiline: true,
  },
  { name: "sourceCitation", label: "Source", hint: "Who describes the approach, the title and the year" },
  { name: "sourceUrl", label: "Source web address", hint: "Starting with https://" },
] as const;

/** An analyst's proposal for the approach library. Posts without JavaScript too. */
export function ProposeApproachForm() {
  const [state, formAction, pending] = useActionState(proposeApproachAction, IDLE);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} className="space-y-4" noValidate>
      {FIELDS.map((f) => {
        const props = {
          id: `ap-${f.name}`,
          name: f.name,
          className: inputClass,
          "aria-invalid": Boolean(errors[f.name]),
          "aria-describedby": [`ap-${f.name}-hint`, errors[f.name] ? `ap-${f.name}-error` : null].filter(Boolean).join(" "),
        };
        return (
          <div key={f.name}>
            <label htmlFor={props.id} className="block font-medium">
              {f.label}
            </label>
            <p id={`ap-${f.name}-hint`} className="text-sm text-slate-600">
              {f.hint}
            </p>
            {"multiline" in f ? <textarea {...props} rows={5} /> : <input {...props} />}
            <FieldError id={`ap-${f.name}-error`} messages={errors[f.name]} />
          </div>
        );
      })}
      <FormMessage state={state} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Sending…" : "Propose the approach"}
      </button>
    </form>
  );
}

/** An admin's accept / reject buttons for one proposal. */
export function DecideApproachForm({ approachKey, name }: { approachKey: string; name: string }) {
  const [state, formAction, pending] = useActionState(decideApproachAction, IDLE);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="key" value={approachKey} />
      <button type="submit" name="decision" value="accept" className={buttonClass} disabled={pending}>
        Accept<span className="sr-only"> {name}</span>
      </button>
      <button type="submit" name="decision" value="reject" className={secondaryButtonClass} disabled={pending}>
        Reject<span className="sr-only"> {name}</span>
      </button>
      <FormMessage state={state} />
    </form>
  );
}
