import { z } from "zod";

// The public address of the site, for canonical URLs, citations, the sitemap
// and embed snippets. Read at request time (pages render on first request), so
// one build serves any address. SITE_URL=https://metrics.example.nhs.uk
const siteUrlSchema = z.url({ protocol: /^https?$/ }).default("http://localhost:3000");

export function readSiteUrl(source: Record<string, string | undefined> = process.env): string {
  const parsed = siteUrlSchema.safeParse(source.SITE_URL?.trim() || undefined);
  if (!parsed.success) throw new Error("SITE_URL must be an http(s) URL, e.g. https://metrics.example.nhs.uk");
  return parsed.data.replace(/\/+$/, "");
}

export function absoluteUrl(path: string): string {
  return `${readSiteUrl()}${path}`;
}
