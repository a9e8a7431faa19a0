"use client";
import { ErrorNotice } from "@/components/ui/error-notice";
import { SITE_WIDTH } from "@/components/layout/site-width";
import "./globals.css";

// An error in the root layout itself: this replaces the whole document, so it brings its
// own <html> and <body>, in the site's style. Nothing of the error but its digest is shown.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <body className="min-h-screen font-sans antialiased">
        <header className="border-b border-slate-200 bg-white">
          <div className={`${SITE_WIDTH} py-3`}>
            {/* A plain link: the app's router may be what failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" className="text-lg font-semibold text-ink no-underline">
              Reform Metrics
            </a>
          </div>
        </header>
        <main id="main" className={`${SITE_WIDTH} py-8`}>
          <ErrorNotice digest={error.digest} onRetry={reset} />
        </main>
      </body>
    </html>
  );
}
