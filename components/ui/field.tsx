// Form building blocks: a label, the control, a hint and the field's errors,
// wired together with ids so screen readers announce the error with the field.
import type { ReactNode } from "react";

export function fieldIds(name: string) {
  const base = `f-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
  return { input: base, hint: `${base}-hint`, error: `${base}-error` };
}

export function describedBy(name: string, hasHint: boolean, errors: string[] | undefined): string | undefined {
  const ids = fieldIds(name);
  const parts = [hasHint ? ids.hint : null, errors?.length ? ids.error : null].filter(Boolean);
  return parts.length ? parts.join(" ") : undefined;
}

export function Field({
  name,
  label,
  hint,
  errors,
  warnings,
  children,
  className = "",
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  warnings?: string[];
  children: ReactNode;
  className?: string;
}) {
  const ids = fieldIds(name);
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={ids.input} className="block text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <p id={ids.hint} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={ids.error} className="text-sm font-semibold text-red-700" data-field-error={name}>
          {errors.join(" ")}
        </p>
      ) : null}
      {children}
      {warnings?.map((w) => (
        <p key={w} className="text-xs text-concern" role="note">
          ⚠ {w}
        </p>
      ))}
    </div>
  );
}

export const inputClass =
  "block w-full rounded border border-slate-400 px-2 py-1.5 text-sm aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700";
