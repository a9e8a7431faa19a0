"use client";
import { useActionState, useEffect, useRef } from "react";
import { IDLE } from "@/lib/action-state";
import { createOrganisationAction } from "@/modules/admin/actions/organisations";
import { FieldError, FormMessage, buttonClass, inputClass } from "@/components/ui/field-error";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";

export function CreateOrganisationForm() {
  const [state, formAction, pending] = useActionState(createOrganisationAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state.fieldErrors ?? {};
  useEffect(() => {
    if (state.status === "success") formRef.current?.reset();
  }, [state]);

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={submitWithoutReset(formAction)}
      className="space-y-4"
      noValidate
      aria-labelledby="create-organisation-heading"
    >
      <h2 id="create-organisation-heading" className="text-xl font-semibold">
        Add an organisation
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="organisation-name" className="block font-medium">
            Name
          </label>
          <input
            id="organisation-name"
            name="name"
            type="text"
            className={inputClass}
            aria-invalid={Boolean(errors.name)}
            aria-describedby={errors.name ? "organisation-name-error" : undefined}
          />
          <FieldError id="organisation-name-error" messages={errors.name} />
        </div>
        <div>
          <label htmlFor="organisation-slug" className="block font-medium">
            Short name for addresses
          </label>
          <input
            id="organisation-slug"
            name="slug"
            type="text"
            className={inputClass}
            aria-invalid={Boolean(errors.slug)}
            aria-describedby={["organisation-slug-hint", errors.slug ? "organisation-slug-error" : ""].join(" ").trim()}
          />
          <p id="organisation-slug-hint" className="mt-1 text-sm text-slate-600">
            Lower-case letters, numbers and hyphens, e.g. leeds-city-council.
          </p>
          <FieldError id="organisation-slug-error" messages={errors.slug} />
        </div>
      </div>
      <FormMessage state={state} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Adding…" : "Add organisation"}
      </button>
    </form>
  );
}
