"use client";
import { useActionState, useEffect, useRef } from "react";
import { IDLE } from "@/lib/action-state";
import { changePasswordAction } from "@/modules/auth/password-actions";
import { FieldError, FormMessage, buttonClass, inputClass } from "@/components/ui/field-error";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";

const FIELDS = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password", hint: null },
  { name: "newPassword", label: "New password", autoComplete: "new-password", hint: "At least 12 characters and not a common password." },
  { name: "confirmPassword", label: "New password again", autoComplete: "new-password", hint: null },
] as const;

export function ChangePasswordForm({ next, forced }: { next?: string; forced: boolean }) {
  const [state, formAction, pending] = useActionState(changePasswordAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state.fieldErrors ?? {};
  useEffect(() => {
    if (state.status === "success") formRef.current?.reset();
  }, [state]);

  return (
    <form ref={formRef} action={formAction} onSubmit={submitWithoutReset(formAction)} className="max-w-sm space-y-4" noValidate>
      {forced && next ? <input type="hidden" name="next" value={next} /> : null}
      {FIELDS.map((field) => {
        const describedBy = [errors[field.name] ? `${field.name}-error` : "", field.hint ? `${field.name}-hint` : ""]
          .filter(Boolean)
          .join(" ");
        return (
          <div key={field.name}>
            <label htmlFor={field.name} className="block font-medium">
              {field.label}
            </label>
            {field.hint ? (
              <p id={`${field.name}-hint`} className="text-sm text-slate-600">
                {field.hint}
              </p>
            ) : null}
            <input
              id={field.name}
              name={field.name}
              type="password"
              autoComplete={field.autoComplete}
              required
              className={inputClass}
              aria-invalid={Boolean(errors[field.name])}
              aria-describedby={describedBy || undefined}
            />
            <FieldError id={`${field.name}-error`} messages={errors[field.name]} />
          </div>
        );
      })}
      <FormMessage state={state} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
