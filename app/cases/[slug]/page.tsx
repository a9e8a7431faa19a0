import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getCachedPublishedCase } from "@/modules/cases/cache";
import { parseSlug } from "@/lib/schemas/slug";
import { caseMetadata } from "@/modules/cases/present/public-metadata";
import { readSiteUrl } from "@/lib/present/site-url";
import { CaseView } from "@/modules/cases/components/case-view";
import { SafeMarkdown } from "@/components/ui/safe-markdown";
import { PublishedSpcSection } from "@/modules/spc/components/published-spc-section"; // SPC (issue 6)

// Rendered on first request, then served from Next's cache until
// revalidatePublicCase(slug) expires it (publish, unpublish, archive, restore).
// force-static: a cached public page is the same for everyone; the account
// menu fills itself in from the browser (modules/auth/components/user-menu.tsx).
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
