"use client";

// A read-only text box with a Copy button. Without JavaScript the text is still
// there to select and copy by hand; the button only appears once hydrated.
import { useId, useState, useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function CopyField({ label, value, rows = 3, testId }: { label: string; value: string; rows?: number; testId?: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  // false during server rendering, true once hydrated: no button that cannot work.
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      (document.getElementById(id) as HTMLTextAreaElement | null)?.select();
    }
  }

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <textarea
        id={id}
        readOnly
        rows={rows}
        value={value}
        data-testid={testId}
        className="w-full rounded border border-slate-400 p-2 font-mono text-xs"
        onFocus={(e) => e.currentTarget.select()}
      />
      {hydrated ? (
        <div className="flex items-center gap-3">
          <button
            type="button"
            onClick={copy}
            className="rounded border border-improvement px-3 py-1 text-sm font-semibold text-improvement"
          >
            Copy
          </button>
          <span role="status" className="text-sm text-slate-700">
            {copied ? "Copied" : ""}
          </span>
        </div>
      ) : null}
    </div>
  );
}
