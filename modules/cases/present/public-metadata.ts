import type { Metadata } from "next";
import type { PublicCase } from "@/modules/cases/data/public-cases";
import { readSiteUrl } from "@/lib/present/site-url";

// Metadata shared by the public case pages: canonical address on SITE_URL,
// and a description that says these are reported figures.
export function caseMetadata(c: PublicCase | null, canonicalPath: string): Metadata {
  if (!c) return { title: "Case study not found", robots: { index: false } };
  const description = `Before-and-after results of “${c.title}” (${c.organisation}), as reported by its source${c.isExample ? " — fictional example data" : ""}.`;
  return {
    metadataBase: new URL(readSiteUrl()),
    title: c.version === c.currentVersion ? c.title : `${c.title} (version ${c.version})`,
    description,
    alternates: { canonical: canonicalPath },
    openGraph: { type: "article", title: c.title, description, url: canonicalPath, siteName: "Reform Metrics" },
    twitter: { card: "summary_large_image", title: c.title, description },
  };
}
