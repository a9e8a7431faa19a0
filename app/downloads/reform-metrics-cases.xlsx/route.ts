import { getCachedAllPublishedCases } from "@/modules/cases/cache";
import { allXlsxResponse } from "@/modules/cases/present/download-xlsx";
import { readSiteUrl } from "@/lib/present/site-url";

// Every published case at its live version as an Excel workbook (schema on /data).
export const dynamic = "force-dynamic"; // no database at build time; data from Next's cache

export async function GET() {
  return allXlsxResponse(await getCachedAllPublishedCases(), readSiteUrl(), new Date().toISOString());
}
