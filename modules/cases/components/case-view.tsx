"use client";

import type { ReactNode } from "react";
import type { PublicCase } from "@/modules/cases/data/public-cases";
import { buildMeasureRow } from "@/modules/cases/present/case-figures";
import { summariseAssessedCase } from "@/lib/domain/summary";
import { ExampleBanner } from "@/components/ui/example-badge";
import { BeforeAfterSection } from "./before-after-section";
import { CaseContext } from "./case-context";
import { ChangeSection } from "./change-section";
import { HeadlineFigures } from "./headline-figures";
import { SharePanel } from "./share-panel";
import { SourceAndEvidence } from "./source-and-evidence";
import { VersionLine } from "./version-line";
import { PrintCitation } from "./print-citation";
import { AddToComparison } from "@/modules/compare/components/add-to-comparison";

/** A published case without its Markdown source, which arrives rendered as `summary`. */
export type CaseViewData = Omit<PublicCase, "summary">;

// One published version of a case, as the public reads it: the same view for
// the live version (/cases/[slug]) and a frozen earlier one (/cases/[slug]/v/[n]).
//
// A client component on purpose. Next puts a page's React tree in the HTML
// twice: once as markup and once as the inline RSC payload that hydration
// reads. Rendered on the server, this article's tables, cards and lists went
// into that payload element by element (~30 kB of an 82 kB page); as a client
// component only its data goes (~5 kB), and the markup is still server-rendered
// in full, so the page is complete without JavaScript. Cached case pages are
// served several times faster for being smaller (npm run bench).
/**
 * `summary`: the case's Markdown, rendered on the server (SafeMarkdown) so the
 * sanitiser stays out of the browser bundle. `series`: the SPC section, a
 * server component that loads its own series, placed after the before → after charts.
 */
export function CaseView({ c, siteUrl, summary, series }: { c: CaseViewData; siteUrl: string; summary: ReactNode; series?: ReactNode }) {
  const rows = c.measures.map((m) => buildMeasureRow(m, { citation: c.sourceCitation, url: c.sourceUrl }));
  const caseSummary = summariseAssessedCase(rows);
  return (
    <article className="space-y-10">
      <header className="space-y-3">
        {c.isExample ? <ExampleBanner /> : null}
        <h1 className="text-3xl font-semibold">{c.title}</h1>
        <p className="text-base text-slate-800">
          {c.organisation}
          {c.reportingOrganisation ? <span className="text-slate-700"> · reported by {c.reportingOrganisation}</span> : null}
          {c.country ? <span className="text-slate-700"> · {c.country}</span> : null}
        </p>
        <VersionLine c={c} />
        <p className="no-print text-sm">
          <AddToComparison slug={c.slug} title={c.title} />
        </p>
        <PrintCitation c={c} siteUrl={siteUrl} />
        <div className="max-w-3xl text-base">{summary}</div>
      </header>
      <section aria-labelledby="headline-heading" className="space-y-3">
        <h2 id="headline-heading" className="text-2xl font-semibold">
          Headline figures
        </h2>
        <HeadlineFigures rows={rows} />
      </section>
      <ChangeSection rows={rows} summary={caseSummary} fileName={c.slug} />
      <BeforeAfterSection rows={rows} title={c.title} />
      {series}
      <section aria-labelledby="context-heading" className="grid gap-8 md:grid-cols-2">
        <div>
          <h2 id="context-heading" className="mb-2 text-2xl font-semibold">
            Context
          </h2>
          <CaseContext c={c} />
        </div>
        <SourceAndEvidence c={c} />
      </section>
      <SharePanel c={c} siteUrl={siteUrl} />
    </article>
  );
}
