import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getCachedPublishedCaseVersion } from "@/modules/cases/cache";
import { getCachedPublishedSeriesForCase } from "@/modules/spc/data/series";
import { parseSlug, parseUrlNumber } from "@/lib/schemas/slug";
import { seriesPath, versionPath } from "@/modules/cases/present/citation";
import { formatLongDate } from "@/lib/present/dates";
import { readSiteUrl } from "@/lib/present/site-url";
import { ExampleBanner } from "@/components/ui/example-badge";
import { SpcFigure } from "@/modules/spc/components/spc-section";

// One series of a published version as its own page: the SPC chart, its
// summary, notes and data table. The case page links here for every series,
// and shows only these links when a case has more series than fit on one page.
// Frozen with its version, so citable; cached like the case page.
export const dynamic = "force-static";
export const dynamicParams = true;
export function generateStaticParams(): Array<{ slug: string; n: string; k: string }> {
  return [];
}

type Props = { params: Promise<{ slug: string; n: string; k: string }> };

async function loadSeries(params: Props["params"]) {
  const p = await params;
  const slug = parseSlug(p.slug);
  const n = parseUrlNumber(p.n);
  const k = parseUrlNumber(p.k);
  if (!slug || !n || !k) return null;
  const [c, series] = await Promise.all([getCachedPublishedCaseVersion(slug, n), getCachedPublishedSeriesForCase(slug, n)]);
  const s = series[k - 1];
  return c && s ? { c, s, k, count: series.length } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await loadSeries(params);
  if (!found) return { title: "Not found" };
  const { c, s, k } = found;
  return {
    metadataBase: new URL(readSiteUrl()),
    title: `${s.label} over time: ${c.title}`,
    description: `The ${s.label.toLowerCase()} series of ${c.title} (${c.organisation}) as an SPC chart, with its data table.`,
    alternates: { canonical: seriesPath(c.slug, c.version, k) },
  };
}

export default async function SeriesPage({ params }: Props) {
  const found = await loadSeries(params);
  if (!found) notFound();
  const { c, s, k, count } = found;
  const caseHref = c.version === c.currentVersion ? `/cases/${c.slug}` : versionPath(c.slug, c.version);
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        {c.isExample ? <ExampleBanner /> : null}
        <p className="text-sm">
          <a href={caseHref} className="text-improvement underline">
            {c.title}
          </a>{" "}
          · {c.organisation} · version {c.version}, published {formatLongDate(c.publishedAt)} · series {k} of {count}
        </p>
      </header>
      <SpcFigure series={s} headingLevel={1} explain />
    </article>
  );
}
