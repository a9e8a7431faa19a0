import { getCachedAllPublishedCases } from "@/modules/cases/cache";
import { allJson, toResponse } from "@/modules/cases/present/download-files";
import { readSiteUrl } from "@/lib/present/site-url";

// Every published case at its live version, nested by case (schema on /data).
export const dynamic = "force-dynamic"; // no database at build time; data from Next's cache

export async function GET() {
  return toResponse(allJson(await getCachedAllPublishedCases(), readSiteUrl(), new Date().toISOString()));
}
