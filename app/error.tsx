"use client";
import { ErrorNotice } from "@/components/ui/error-notice";

// Any error while rendering a page under the root layout. The browser never gets the
// error's message or stack: in production Next replaces a server error with a digest,
// and this page shows only that reference, which finds the full entry in the server log
// (instrumentation.ts logs it with the same digest).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice digest={error.digest} onRetry={reset} />;
}
