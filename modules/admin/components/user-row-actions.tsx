"use client";
import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";
import {
  changeOrganisationAction,
  changeRoleAction,
  resetPasswordAction,
  setDisabledAction,
  type ResetPasswordState,
} from "@/modules/admin/actions/users";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { FieldError, secondaryButtonClass } from "@/components/ui/field-error";

// The three per-user changes, each its own small form so that one error shows beside the
// control it is about. The signed-in admin's own role and access cannot be changed here.

interface Props {
  user: { id: string; email: string; role: Role; organisationId: string | null; disabled: boolean };
  organisations: { id: string; name: string }[];
  isSelf: boolean;
}

function messagesFor(state: ActionState, field: string): string[] | undefined {
  if (state.status !== "error") return undefined;
  return state.fieldErrors?.[field] ?? (state.message ? [state.message] : undefined);
}

function Done({ state }: { state: ActionState }) {
  if (state.status !== "success") return null;
  return (
    <span role="status" className="text-sm text-improvement">
      {state.message}
    </span>
  );
}

export function RoleCell({ user, isSelf }: Omit<Props, "organisations">) {
  const [state, action, pending] = useActionState(changeRoleAction, IDLE);
  const id = `role-${user.id}`;
  const messages = messagesFor(state, "role");
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={user.id} />
      <label htmlFor={id} className="sr-only">
        Role for {user.email}
      </label>
      <select
        id={id}
        name="role"
        defaultValue={user.role}
        disabled={isSelf}
        aria-describedby={messages ? `${id}-message` : undefined}
        className="rounded border border-slate-400 px-1 py-1"
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
      {isSelf ? null : (
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          Change role<span className="sr-only"> for {user.email}</span>
        </button>
      )}
      <FieldError id={`${id}-message`} messages={messages} />
      <Done state={state} />
    </form>
  );
}

export function OrganisationCell({ user, organisations }: Omit<Props, "isSelf">) {
  const [state, action, pending] = useActionState(changeOrganisationAction, IDLE);
  const id = `organisation-${user.id}`;
  const messages = messagesFor(state, "organisationId");
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={user.id} />
      <label htmlFor={id} className="sr-only">
        Organisation for {user.email}
      </label>
      <select
        id={id}
        name="organisationId"
        defaultValue={user.organisationId ?? ""}
        aria-describedby={messages ? `${id}-message` : undefined}
        className="max-w-56 rounded border border-slate-400 px-1 py-1"
      >
        <option value="">None</option>
        {organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        Move<span className="sr-only"> {user.email}</span>
      </button>
      <FieldError id={`${id}-message`} messages={messages} />
      <Done state={state} />
    </form>
  );
}

export function AccessCell({ user, isSelf }: Omit<Props, "organisations">) {
  const [state, action, pending] = useActionState(setDisabledAction, IDLE);
  const id = `access-${user.id}`;
  const messages = state.status === "error" && state.message ? [state.message] : undefined;
  if (isSelf) return <span className="text-slate-600">You</span>;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
      <button type="submit" className={secondaryButtonClass} disabled={pending} aria-describedby={messages ? `${id}-message` : undefined}>
        {user.disabled ? "Re-enable" : "Disable"}
        <span className="sr-only"> {user.email}</span>
      </button>
      <FieldError id={`${id}-message`} messages={messages} />
      <Done state={state} />
    </form>
  );
}

export function PasswordCell({ user, isSelf }: Omit<Props, "organisations">) {
  const [state, action, pending] = useActionState<ResetPasswordState, FormData>(resetPasswordAction, IDLE);
  const id = `password-${user.id}`;
  const messages = state.status === "error" && state.message ? [state.message] : undefined;
  if (isSelf) return null;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={user.id} />
      <button type="submit" className={secondaryButtonClass} disabled={pending} aria-describedby={messages ? `${id}-message` : undefined}>
        Reset password<span className="sr-only"> for {user.email}</span>
      </button>
      <FieldError id={`${id}-message`} messages={messages} />
      {state.status === "success" && state.oneTimePassword ? (
        <p role="status" className="text-sm">
          {state.message}{" "}
          <code className="rounded bg-slate-100 px-1 font-mono" data-testid="one-time-password">
            {state.oneTimePassword}
          </code>
        </p>
      ) : null}
    </form>
  );
}
