import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getCachedPublishedCase } from "@/lib/cache/public-cases";
import { parseSlug } from "@/lib/schemas/slug";
import { caseMetadata } from "@/lib/present/public-metadata";
import { readSiteUrl } from "@/lib/present/site-url";
import { CaseView } from "@/components/cases/case-view";
import { SafeMarkdown } from "@/components/ui/safe-markdown";
import { PublishedSpcSection } from "@/components/spc/published-spc-section"; // SPC (issue 6)

// Rendered on first request, then served from Next's cache until
// revalidatePublicCase(slug) expires it (publish, unpublish, archive, restore).
// force-static: a cached public page is the same for everyone; the account
// menu fills itself in from the browser (components/auth/user-menu.tsx).
export const dynamic = "force-static";
export const dynamicParams = true;
export function generateStaticParams(): Array<{ slug: string }> {
  return []; // no database at build time
}

type Props = { params: Promise<{ slug: string }> };

async function loadCase(params: Props["params"]) {
  const slug = parseSlug((await params).slug);
  return slug ? getCachedPublishedCase(slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const c = await loadCase(params);
  return caseMetadata(c, c ? `/cases/${c.slug}` : "/cases");
}

export default async function CasePage({ params }: Props) {
  const c = await loadCase(params);
  if (!c) notFound();
  // SPC (issue 6): the case's monthly series as SPC charts; renders nothing when there are none.
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
