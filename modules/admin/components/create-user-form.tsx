"use client";
import { useActionState, useEffect, useRef } from "react";
import { IDLE } from "@/lib/action-state";
import { createUserAction, type CreateUserState } from "@/modules/admin/actions/users";
import { ROLES, ROLE_LABELS } from "@/lib/auth/permissions";
import { MIN_PASSWORD_LENGTH } from "@/lib/schemas/user";
import { FieldError, FormMessage, buttonClass, inputClass } from "@/components/ui/field-error";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";

export function CreateUserForm({ organisations }: { organisations: { id: string; name: string }[] }) {
  const [state, formAction, pending] = useActionState<CreateUserState, FormData>(createUserAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state.fieldErrors ?? {};
  const field = (name: string, hasHint = false) => ({
    id: `new-user-${name}`,
    name,
    "aria-invalid": Boolean(errors[name]),
    "aria-describedby":
      [errors[name] ? `new-user-${name}-error` : "", hasHint ? `new-user-${name}-hint` : ""].join(" ").trim() || undefined,
  });

  // Clear the form only once the account exists; after an error it keeps what was typed.
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
      aria-labelledby="create-user-heading"
    >
      <h2 id="create-user-heading" className="text-xl font-semibold">
        Create an account
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="new-user-email" className="block font-medium">
            Email address
          </label>
          <input {...field("email")} type="email" autoComplete="off" className={inputClass} />
          <FieldError id="new-user-email-error" messages={errors.email} />
        </div>
        <div>
          <label htmlFor="new-user-name" className="block font-medium">
            Full name
          </label>
          <input {...field("name")} type="text" autoComplete="off" className={inputClass} />
          <FieldError id="new-user-name-error" messages={errors.name} />
        </div>
        <div>
          <label htmlFor="new-user-role" className="block font-medium">
            Role
          </label>
          <select {...field("role", true)} defaultValue="viewer" className={inputClass}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <p id="new-user-role-hint" className="mt-1 text-sm text-slate-600">
            Analysts edit and publish their organisation&apos;s cases; viewers read them; admins manage everything.
          </p>
          <FieldError id="new-user-role-error" messages={errors.role} />
        </div>
        <div>
          <label htmlFor="new-user-organisationId" className="block font-medium">
            Organisation
          </label>
          <select {...field("organisationId")} defaultValue="" className={inputClass}>
            <option value="">None</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <FieldError id="new-user-organisationId-error" messages={errors.organisationId} />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="new-user-password" className="block font-medium">
            Initial password (optional)
          </label>
          <input {...field("password", true)} type="password" autoComplete="new-password" className={inputClass} />
          <p id="new-user-password-hint" className="mt-1 text-sm text-slate-600">
            At least {MIN_PASSWORD_LENGTH} characters. Leave empty to generate a one-time password, shown to you once.
          </p>
          <FieldError id="new-user-password-error" messages={errors.password} />
        </div>
      </div>
      <FormMessage state={state} />
      {state.status === "success" && state.oneTimePassword ? (
        <div className="rounded border border-improvement bg-blue-50 p-3 text-sm">
          <p>
            One-time password for {state.createdEmail}:{" "}
            <code className="select-all font-mono text-base" data-testid="one-time-password">
              {state.oneTimePassword}
            </code>
          </p>
          <p>Copy it now and give it to them privately: it will not be shown again.</p>
        </div>
      ) : null}
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Creating…" : "Create account"}
      </button>
    </form>
  );
}
