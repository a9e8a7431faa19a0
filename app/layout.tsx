import type { Metadata } from "next";
import Link from "next/link";
import { UserMenu } from "@/modules/auth/components/user-menu";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Reform Metrics", template: "%s · Reform Metrics" },
  description:
    "Before-and-after results of public-service reforms — relational public services, Human Learning Systems, the Vanguard Method — recorded with their sources, checked and charted honestly.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="min-h-screen font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          Skip to main content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
            <Link href="/" className="text-lg font-semibold text-ink no-underline">
              Reform Metrics
            </Link>
            <nav aria-label="Main">
              <ul className="flex gap-4 text-sm">
                <li>
                  <Link href="/" className="text-improvement underline">
                    Case studies
                  </Link>
                </li>
                <li>
                  <Link href="/measures" className="text-improvement underline">
                    Measures
                  </Link>
                </li>
              </ul>
            </nav>
            <UserMenu />
          </div>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
        <footer className="mx-auto max-w-5xl border-t border-slate-200 px-4 py-6 text-sm text-slate-600">
          Figures are shown as their sources report them. A before-and-after comparison alone cannot prove what caused a change.
        </footer>
      </body>
    </html>
  );
}
