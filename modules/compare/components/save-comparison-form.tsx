"use client";
import { useActionState } from "react";
import { FieldError, FormMessage, buttonClass, inputClass } from "@/components/ui/field-error";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { IDLE } from "@/lib/action-state";
import { saveComparisonAction } from "@/modules/compare/actions/comparison-actions";

export function SaveComparisonForm({ slugs }: { slugs: string[] }) {
  const [state, formAction, pending] = useActionState(saveComparisonAction, IDLE);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="cases" value={slugs.join(",")} />
      <div>
        <label htmlFor="comparison-name" className="block text-sm font-medium">
          Save this comparison for your organisation as
        </label>
        <input
          id="comparison-name"
          name="name"
          className={inputClass}
          aria-invalid={Boolean(errors.name)}
          aria-describedby={errors.name ? "comparison-name-error" : undefined}
        />
        <FieldError id="comparison-name-error" messages={errors.name ?? errors.cases} />
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Saving…" : "Save comparison"}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
