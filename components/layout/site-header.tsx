import Link from "next/link";
import type { ReactNode } from "react";
import { SITE_WIDTH } from "./site-width";

// The site header: the public sections as links and the account area. At phone
// widths the sections fold into a <details> menu, which opens and closes
// without JavaScript; from the md breakpoint they sit in one row. The account
// area (a client component that asks for the session after load) is passed in
// once, so there is one of it on the page at every width.

export const PUBLIC_SECTIONS: ReadonlyArray<{ href: string; label: string }> = [
  { href: "/cases", label: "Case studies" },
  { href: "/measures", label: "Measures" },
  { href: "/compare", label: "Compare" },
  { href: "/approaches", label: "Approaches" },
];

function SectionLinks({ className }: { className: string }) {
  return (
    <ul className={className}>
      {PUBLIC_SECTIONS.map((s) => (
        <li key={s.href}>
          <Link href={s.href} className="text-improvement underline">
            {s.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function SiteHeader({ account }: { account: ReactNode }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className={`relative ${SITE_WIDTH} flex flex-wrap items-center gap-x-6 gap-y-2 py-3 lg:flex-nowrap`}>
        <Link href="/" className="text-lg font-semibold whitespace-nowrap text-ink no-underline">
          Reform Metrics
        </Link>
        <nav aria-label="Main" className="hidden md:block">
          <SectionLinks className="flex gap-4 text-sm whitespace-nowrap" />
        </nav>
        <details className="site-menu md:hidden" data-testid="mobile-menu">
          <summary className="cursor-pointer rounded border border-slate-400 px-3 py-1 text-sm font-semibold select-none">Menu</summary>
          <nav aria-label="Main" className="absolute inset-x-4 top-full z-20 rounded border border-slate-300 bg-white p-3 shadow-lg">
            <SectionLinks className="space-y-3 text-base" />
          </nav>
        </details>
        <div className="ml-auto min-w-0 shrink">{account}</div>
      </div>
    </header>
  );
}
