import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getCachedPublishedCase } from "@/modules/cases/cache";
import { parseSlug } from "@/lib/schemas/slug";
import { buildMeasureRow, listAbsoluteRows, toChartRows } from "@/modules/cases/present/case-figures";
import { EmbedFigures } from "@/modules/cases/components/embed-figures";
import { summariseAssessedCase } from "@/lib/domain/summary";
import { readSiteUrl } from "@/lib/present/site-url";
import { ChangeChart } from "@/components/charts/deferred-charts";
import { EmbedSpcSeries } from "@/modules/spc/components/embed-spc-series";

// The change chart alone, for an iframe on another site, with its text summary
// and a link back to the full case (figures, tables, sources). Cached like the
// case page (see there for why force-static).
export const dynamic = "force-static";
export const dynamicParams = true;
export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

// `k`: a chosen series (app/embed/cases/[slug]/series/[k], from ?series=<k> by proxy.ts).
type Props = { params: Promise<{ slug: string; k?: string }> };

async function loadCase(params: Props["params"]) {
  const slug = parseSlug((await params).slug);
  return slug ? getCachedPublishedCase(slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const c = await loadCase(params);
  if (!c) return { title: "Case study not found", robots: { index: false } };
  return {
    metadataBase: new URL(readSiteUrl()),
    title: `${c.title} — chart`,
    robots: { index: false },
    alternates: { canonical: `/cases/${c.slug}` },
  };
}

export default async function EmbedCasePage({ params }: Props) {
  const c = await loadCase(params);
  if (!c) notFound();
  const rows = c.measures.map((m) => buildMeasureRow(m, { citation: c.sourceCitation, url: c.sourceUrl }));
  const chartRows = toChartRows(rows);
  const absolute = listAbsoluteRows(rows);
  const summary = summariseAssessedCase(rows);
  const href = `${readSiteUrl()}/cases/${c.slug}`;
  return (
    <div className="space-y-2" data-testid="embed">
      <h1 id="embed-title" className="text-lg font-semibold">
        {c.title}
        {c.isExample ? <span className="ml-2 text-sm font-normal text-amber-900">(fictional example)</span> : null}
      </h1>
      <p className="text-sm">
        <a href={href} target="_top" className="text-improvement underline">
          Full figures, sources and data on Reform Metrics
        </a>{" "}
        · version {c.version}
      </p>
      <p className="text-sm text-slate-700">
        <span id="embed-chart-title">
          Change in {chartRows.length} {chartRows.length === 1 ? "measure" : "measures"}
        </span>{" "}
        · {c.organisation}; blue is an improvement, orange a concern; striped bars are reported without raw figures.
      </p>
      {chartRows.length > 0 ? (
        <ChangeChart rows={chartRows} labelledBy="embed-chart-title embed-title" describedBy="embed-summary" />
      ) : null}
      {absolute.length > 0 ? (
        <p className="text-sm">
          Absolute changes, not on the chart: {absolute.map((r) => `${r.label} ${r.change}, ${r.outcomeWord}`).join("; ")}.
        </p>
      ) : null}
      <EmbedFigures rows={rows} />
      <p id="embed-summary" className="text-sm">
        {summary}
      </p>
      <EmbedSpcSeries slug={c.slug} version={c.version} k={(await params).k} siteUrl={readSiteUrl()} />
    </div>
  );
}
