import { getCachedPublishedCase } from "@/modules/cases/cache";
import { caseCsv, caseJson, toResponse } from "@/modules/cases/present/download-files";
import { readSiteUrl } from "@/lib/present/site-url";
import { parseSlug } from "@/lib/schemas/slug";

// /downloads/cases/<slug>.csv and .json: one case's live version. The data
// comes from Next's cache (see modules/cases/cache.ts), not the database.
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = /^(.+)\.(csv|json)$/.exec((await params).file);
  const slug = match ? parseSlug(match[1]!) : null;
  const c = slug ? await getCachedPublishedCase(slug) : null;
  if (!c || !match)
    return new Response("No published case study at this address.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  const siteUrl = readSiteUrl();
  return toResponse(match[2] === "csv" ? caseCsv(c, siteUrl) : caseJson(c, siteUrl));
}
