"use client";
import { useActionState } from "react";
import { FieldError, FormMessage, buttonClass, inputClass, secondaryButtonClass } from "@/components/ui/field-error";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { IDLE } from "@/lib/action-state";
import { createApiTokenAction, revokeApiTokenAction, type CreateTokenState } from "@/modules/api/actions/token-actions";
import { TOKEN_LIFETIMES_DAYS } from "@/modules/api/present/token-format";

export function CreateTokenForm() {
  const [state, formAction, pending] = useActionState<CreateTokenState, FormData>(createApiTokenAction, IDLE);
  const errors = state.fieldErrors ?? {};
  return (
    <div className="space-y-3">
      <form action={formAction} onSubmit={submitWithoutReset(formAction)} className="flex flex-wrap items-end gap-3" noValidate>
        <div>
          <label htmlFor="token-name" className="block text-sm font-medium">
            Name (what will use it)
          </label>
          <input
            id="token-name"
            name="name"
            className={inputClass}
            aria-invalid={Boolean(errors.name)}
            aria-describedby={errors.name ? "token-name-error" : undefined}
          />
          <FieldError id="token-name-error" messages={errors.name} />
        </div>
        <div>
          <label htmlFor="token-days" className="block text-sm font-medium">
            Expires after
          </label>
          <select id="token-days" name="days" defaultValue="90" className={inputClass} aria-invalid={Boolean(errors.days)}>
            {TOKEN_LIFETIMES_DAYS.map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
          <FieldError id="token-days-error" messages={errors.days} />
        </div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Making…" : "Make token"}
        </button>
      </form>
      <FormMessage state={state} />
      {state.token && (
        <div className="space-y-1 rounded border border-improvement p-3" data-testid="new-token">
          <label htmlFor="new-token-value" className="block text-sm font-medium">
            Your new token (shown only now)
          </label>
          <input
            id="new-token-value"
            readOnly
            value={state.token}
            className={`${inputClass} font-mono`}
            onFocus={(e) => e.currentTarget.select()}
          />
          <p className="text-sm">
            Store it where your script reads secrets. Send it as <code>Authorization: Bearer &lt;token&gt;</code>.
          </p>
        </div>
      )}
    </div>
  );
}

export function RevokeTokenForm({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, formAction, pending] = useActionState(revokeApiTokenAction, IDLE);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="tokenId" value={tokenId} />
      <button type="submit" className={secondaryButtonClass} disabled={pending} aria-label={`Revoke ${name}`}>
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {state.status === "error" && <FormMessage state={state} />}
    </form>
  );
}
