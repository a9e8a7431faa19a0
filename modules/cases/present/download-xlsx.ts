import "server-only";
import type { PublicCase } from "@/modules/cases/data/public-cases";
import { writeXlsx, XLSX_TYPE } from "@/lib/xlsx/write-xlsx";
import { formatDatasetCitation } from "./citation";
import { DOWNLOAD_COLUMNS, SCHEMA_VERSION, toDownloadRecords } from "./download-columns";

// Every published case as an Excel workbook: the CSV download's columns and
// rows on the first sheet (numbers as numbers), the column documentation of
// /data on the second. Text is written as text, never as a formula.

export async function allXlsxResponse(cases: PublicCase[], siteUrl: string, generatedAt: string): Promise<Response> {
  const body = await writeXlsx({
    sheetName: "Cases",
    columns: DOWNLOAD_COLUMNS.map((c) => c.name),
    rows: cases.flatMap((c) => toDownloadRecords(c, siteUrl)),
    docsNote: `Schema ${SCHEMA_VERSION}. ${formatDatasetCitation(siteUrl, generatedAt)} Documentation: ${siteUrl}/data`,
    docs: DOWNLOAD_COLUMNS.map((c) => ({ name: c.name, level: c.level, description: c.description })),
  });
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": XLSX_TYPE,
      "content-disposition": 'attachment; filename="reform-metrics-cases.xlsx"',
      "cache-control": "public, max-age=60",
    },
  });
}
