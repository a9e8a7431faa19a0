import { getCachedAllPublishedCases } from "@/modules/cases/cache";
import { allCsv, toResponse } from "@/modules/cases/present/download-files";
import { readSiteUrl } from "@/lib/present/site-url";

// Every published case at its live version, one row per measure (schema on /data).
export const dynamic = "force-dynamic"; // no database at build time; data from Next's cache

export async function GET() {
  return toResponse(allCsv(await getCachedAllPublishedCases(), readSiteUrl()));
}
