"use client";
import { useActionState } from "react";
import { FieldError, FormMessage, buttonClass, inputClass } from "@/components/ui/field-error";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { IDLE } from "@/lib/action-state";
import { createMeasureTypeAction, updateMeasureTypeAction } from "@/modules/compare/actions/measure-type-actions";
import { DIRECTION_LABELS } from "@/lib/domain/labels";
import { CATEGORY_LABELS, UNIT_LABELS } from "@/lib/schemas/measure-type";

export interface MeasureTypeValues {
  id?: string;
  key: string;
  name: string;
  definition: string;
  countingUnit: string;
  unit: string;
  direction: string;
  category: string;
}

/** Add (no id) or edit (id) a measure type. Posts without JavaScript too. */
export function MeasureTypeForm({ values }: { values: MeasureTypeValues }) {
  const editing = Boolean(values.id);
  const [state, formAction, pending] = useActionState(editing ? updateMeasureTypeAction : createMeasureTypeAction, IDLE);
  const errors = state.fieldErrors ?? {};
  const field = (name: keyof MeasureTypeValues, label: string, input: React.ReactNode, hint?: string) => (
    <div>
      <label htmlFor={`mt-${name}`} className="block font-medium">
        {label}
      </label>
      {input}
      {hint ? (
        <p id={`mt-${name}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={`mt-${name}-error`} messages={errors[name]} />
    </div>
  );
  const aria = (name: string) => ({
    id: `mt-${name}`,
    name,
    "aria-invalid": Boolean(errors[name]),
    "aria-describedby": errors[name] ? `mt-${name}-error` : undefined,
  });
  const select = (name: keyof MeasureTypeValues, labels: Record<string, string>) => (
    <select {...aria(name)} defaultValue={values[name]} className={inputClass}>
      <option value="">Choose…</option>
      {Object.entries(labels).map(([k, v]) => (
        <option key={k} value={k}>
          {v}
        </option>
      ))}
    </select>
  );

  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} className="space-y-4" noValidate>
      {editing ? <input type="hidden" name="id" value={values.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {editing ? (
          <p>
            <span className="block font-medium">Key</span>
            <span className="font-mono">{values.key}</span>{" "}
            <span className="block text-sm text-slate-600">Fixed: it is in every shared link.</span>
          </p>
        ) : (
          field(
            "key",
            "Key",
            <input {...aria("key")} defaultValue={values.key} className={inputClass} />,
            "Lower-case words and hyphens, e.g. failure-demand. Cannot be changed later.",
          )
        )}
        {field("name", "Name", <input {...aria("name")} defaultValue={values.name} className={inputClass} />)}
        {field(
          "countingUnit",
          "Counting unit",
          <input {...aria("countingUnit")} defaultValue={values.countingUnit} className={inputClass} />,
          "What one unit counts, e.g. one referral",
        )}
        {field("unit", "Unit", select("unit", UNIT_LABELS))}
        {field("direction", "Better when", select("direction", DIRECTION_LABELS))}
        {field("category", "Category", select("category", CATEGORY_LABELS))}
      </div>
      {field(
        "definition",
        "Definition",
        <textarea {...aria("definition")} defaultValue={values.definition} rows={3} className={inputClass} />,
      )}
      <FormMessage state={state} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Saving…" : editing ? "Save changes" : "Add measure type"}
      </button>
    </form>
  );
}
