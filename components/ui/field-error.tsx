// A field's messages, with the id its input points to through aria-describedby.
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-concern">
      {messages.join(" ")}
    </p>
  );
}

/** The form-wide message: announced by screen readers when it appears. */
export function FormMessage({ state }: { state: { status: string; message?: string } }) {
  if (!state.message) return null;
  const error = state.status === "error";
  return (
    <p role={error ? "alert" : "status"} className={`text-sm font-medium ${error ? "text-concern" : "text-improvement"}`}>
      {state.message}
    </p>
  );
}

export const inputClass = "mt-1 block w-full rounded border border-slate-400 px-2 py-1.5 text-base aria-[invalid=true]:border-concern";
export const buttonClass = "rounded bg-improvement px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60";
export const secondaryButtonClass =
  "rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold text-ink hover:bg-slate-100 disabled:opacity-60";
