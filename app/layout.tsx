import type { Metadata } from "next";
import { SiteHeader } from "@/components/layout/site-header";
import { SITE_WIDTH } from "@/components/layout/site-width";
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
        <SiteHeader account={<UserMenu />} />
        <main id="main" className={`${SITE_WIDTH} py-8`}>
          {children}
        </main>
        <footer className={`${SITE_WIDTH} border-t border-slate-200 py-6 text-sm text-slate-600`}>
          Figures are shown as their sources report them. A before-and-after comparison alone cannot prove what caused a change.
        </footer>
      </body>
    </html>
  );
}
