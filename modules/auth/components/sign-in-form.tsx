"use client";
import { useActionState } from "react";
import { IDLE } from "@/lib/action-state";
import { signInAction } from "@/modules/auth/actions";
import { FieldError, FormMessage, buttonClass, inputClass } from "@/components/ui/field-error";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";

export function SignInForm({ next }: { next?: string }) {
  const [state, formAction, pending] = useActionState(signInAction, IDLE);
  const errors = state.fieldErrors ?? {};
  // The whole-form message (e.g. a wrong password) is tied to both inputs, so a screen
  // reader hears it whichever field it returns to.
  const describe = (field: string) =>
    [errors[field] ? `${field}-error` : "", state.message ? "sign-in-message" : ""].filter(Boolean).join(" ") || undefined;

  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} className="max-w-sm space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <div>
        <label htmlFor="email" className="block font-medium">
          Email address
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className={inputClass}
          aria-invalid={Boolean(errors.email) || state.status === "error"}
          aria-describedby={describe("email")}
        />
        <FieldError id="email-error" messages={errors.email} />
      </div>
      <div>
        <label htmlFor="password" className="block font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
          aria-invalid={Boolean(errors.password) || state.status === "error"}
          aria-describedby={describe("password")}
        />
        <FieldError id="password-error" messages={errors.password} />
      </div>
      <div id="sign-in-message">
        <FormMessage state={state} />
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
