import { z } from "zod";

// The public address of the site, for canonical URLs, citations, the sitemap,
// social cards and embed snippets. Read at request time (pages render on first
// request), so one build serves any address. SITE_URL=https://metrics.example.nhs.uk
// Unset, it is the address the server listens on: http://localhost:<PORT>
// (scripts/serve.mjs passes the port it was given), never a port it is not on.
const siteUrlSchema = z.url({ protocol: /^https?$/ });
const portSchema = z.coerce.number().int().min(1).max(65535);

export function readSiteUrl(source: Record<string, string | undefined> = process.env): string {
  const given = source.SITE_URL?.trim();
  if (!given) {
    const port = portSchema.safeParse(source.PORT?.trim() || "3000");
    return `http://localhost:${port.success ? port.data : 3000}`;
  }
  const parsed = siteUrlSchema.safeParse(given);
  if (!parsed.success) throw new Error("SITE_URL must be an http(s) URL, e.g. https://metrics.example.nhs.uk");
  return parsed.data.replace(/\/+$/, "");
}

export function absoluteUrl(path: string): string {
  return `${readSiteUrl()}${path}`;
}
