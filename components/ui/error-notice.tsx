"use client";
import { buttonClass } from "@/components/ui/field-error";

/**
 * What a reader sees when a page fails: what happened in plain words, what to do, and a
 * reference to quote. Never the error's message or stack, which may hold SQL or data.
 */
export function ErrorNotice({ digest, onRetry }: { digest?: string; onRetry: () => void }) {
  return (
    <div className="max-w-prose space-y-4" role="alert" aria-labelledby="error-heading">
      <h1 id="error-heading" className="text-2xl font-semibold">
        Something went wrong
      </h1>
      <p>
        This page could not be shown. Try again in a moment; if you were saving something, check whether it was saved before entering it
        again.
      </p>
      <p className="flex flex-wrap items-center gap-4">
        <button type="button" className={buttonClass} onClick={onRetry}>
          Try again
        </button>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full reload, in case the router failed */}
        <a href="/" className="text-improvement underline">
          Go to the home page
        </a>
      </p>
      {digest ? (
        <p className="text-sm text-slate-600">
          If it keeps happening, tell your administrator this reference: <code className="font-mono">{digest}</code>
        </p>
      ) : null}
    </div>
  );
}
