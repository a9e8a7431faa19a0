import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getCachedPublishedCaseVersion } from "@/modules/cases/cache";
import { parseSlug, parseUrlNumber } from "@/lib/schemas/slug";
import { caseMetadata } from "@/modules/cases/present/public-metadata";
import { versionPath } from "@/modules/cases/present/citation";
import { readSiteUrl } from "@/lib/present/site-url";
import { CaseView } from "@/modules/cases/components/case-view";
import { SafeMarkdown } from "@/components/ui/safe-markdown";
import { PublishedSpcSection } from "@/modules/spc/components/published-spc-section";

// A frozen published version, citable for ever. Cached like the case page
// (see app/cases/[slug]/page.tsx for why force-static).
export const dynamic = "force-static";
export const dynamicParams = true;
export function generateStaticParams(): Array<{ slug: string; n: string }> {
  return [];
}

type Props = { params: Promise<{ slug: string; n: string }> };

async function loadVersion(params: Props["params"]) {
  const p = await params;
  const slug = parseSlug(p.slug);
  const n = parseUrlNumber(p.n);
  return slug && n ? getCachedPublishedCaseVersion(slug, n) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const c = await loadVersion(params);
  return caseMetadata(c, c ? versionPath(c.slug, c.version) : "/cases");
}

export default async function CaseVersionPage({ params }: Props) {
  const c = await loadVersion(params);
  if (!c) notFound();
  // The frozen version's own series, so a citation of version n shows what version n showed.
  const { summary, ...rest } = c;
  return (
    <CaseView
      c={rest}
      siteUrl={readSiteUrl()}
      summary={<SafeMarkdown>{summary}</SafeMarkdown>}
      series={<PublishedSpcSection slug={c.slug} version={c.version} />}
    />
  );
}
