import type { MetadataRoute } from "next";
import { getCachedPublishedCaseList } from "@/modules/cases/cache";
import { readSiteUrl } from "@/lib/present/site-url";

// Published cases only (drafts, unpublished and archived cases are absent).
// Built per request from Next's cache, so the build needs no database.
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const site = readSiteUrl();
  const cases = await getCachedPublishedCaseList();
  return [
    { url: `${site}/`, changeFrequency: "weekly" },
    { url: `${site}/cases`, changeFrequency: "daily" },
    { url: `${site}/data`, changeFrequency: "monthly" },
    ...cases.map((c) => ({ url: `${site}/cases/${c.slug}`, lastModified: c.publishedAt, changeFrequency: "monthly" as const })),
  ];
}
