import { notFound } from "next/navigation";
import { parseUrlNumber } from "@/lib/schemas/slug";
import { seriesPath } from "@/modules/cases/present/citation";
import { getCachedPublishedSeriesForCase } from "@/modules/spc/data/series";
import { buildSpcView } from "@/modules/spc/present/spc";
import { SpcChart } from "./deferred-spc-chart";
import { SpcBadges, SpcLegend } from "./spc-icons";

// One series of a published case in the embed (/embed/cases/<slug>): the
// chosen one (`k`, from /embed/cases/<slug>?series=<k>, which proxy.ts
// rewrites to /embed/cases/<slug>/series/<k> so the page stays cacheable) or
// the first. Server-rendered like the case page's charts (complete SVG in the
// HTML), with its icons or run-chart reading, summary and notes, and a link
// to the chart's own page. Renders nothing when the case has no series; a
// series number that is not one of the case's is a 404.
export async function EmbedSpcSeries({ slug, version, k, siteUrl }: { slug: string; version: number; k?: string; siteUrl: string }) {
  const series = await getCachedPublishedSeriesForCase(slug, version);
  const n = k === undefined ? 1 : parseUrlNumber(k);
  if (n === null || (k !== undefined && n > series.length)) notFound();
  const s = series[n - 1];
  if (!s) return null;
  const view = buildSpcView(s);
  const kind = view.runChart ? "Run chart" : "SPC chart";
  return (
    <figure className="space-y-2" data-testid="embed-spc" aria-labelledby="embed-spc-title">
      <h2 id="embed-spc-title" className="text-base font-semibold">
        Over time: {s.label}
        {series.length > 1 ? (
          <span className="ml-2 text-sm font-normal text-slate-700">
            (series {n} of {series.length})
          </span>
        ) : null}
      </h2>
      <SpcBadges view={view} />
      <SpcChart data={view.chart} title={`${kind}: ${s.label}`} describedBy="embed-spc-summary" />
      <SpcLegend runChart={view.runChart} present={view.points.map((p) => p.pointType)} />
      <figcaption className="space-y-1 text-sm">
        <p id="embed-spc-summary" data-testid="spc-summary">
          {view.summary}
        </p>
        {view.notes.length > 0 ? (
          <details>
            <summary className="cursor-pointer text-improvement underline">Notes on this chart</summary>
            <ul className="list-disc space-y-1 pl-6 text-slate-700" data-testid="spc-notes">
              {view.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </details>
        ) : null}
        <p>
          <a href={`${siteUrl}${seriesPath(slug, version, n)}`} target="_top" className="text-improvement underline">
            This chart with its data table<span className="sr-only">: {s.label}</span>
          </a>
        </p>
      </figcaption>
    </figure>
  );
}
