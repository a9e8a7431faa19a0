// Builds the download files (bodies and headers) from public cases. Pure: the
// route handlers only fetch the cached data and return these.
import type { PublicCase } from "@/modules/cases/data/public-cases";
import { formatCitation, formatDatasetCitation } from "./citation";
import { DOWNLOAD_COLUMNS, SCHEMA_VERSION, toDownloadJson, toDownloadRecords } from "./download-columns";
import { recordsToCsv } from "./download-csv";

export interface DownloadFile {
  body: string;
  filename: string;
  contentType: string;
}

const CSV = "text/csv; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";
const names = DOWNLOAD_COLUMNS.map((c) => c.name);

export function caseCsv(c: PublicCase, siteUrl: string): DownloadFile {
  return {
    body: recordsToCsv(names, toDownloadRecords(c, siteUrl)),
    filename: `reform-metrics-${c.slug}-v${c.version}.csv`,
    contentType: CSV,
  };
}

export function caseJson(c: PublicCase, siteUrl: string): DownloadFile {
  const doc = {
    schema: SCHEMA_VERSION,
    documentation: `${siteUrl}/data`,
    citation: formatCitation(c, siteUrl),
    case: toDownloadJson(c, siteUrl),
  };
  return { body: `${JSON.stringify(doc, null, 2)}\n`, filename: `reform-metrics-${c.slug}-v${c.version}.json`, contentType: JSON_TYPE };
}

export function allCsv(cases: PublicCase[], siteUrl: string): DownloadFile {
  return {
    body: recordsToCsv(
      names,
      cases.flatMap((c) => toDownloadRecords(c, siteUrl)),
    ),
    filename: "reform-metrics-cases.csv",
    contentType: CSV,
  };
}

export function allJson(cases: PublicCase[], siteUrl: string, generatedAt: string): DownloadFile {
  const doc = {
    schema: SCHEMA_VERSION,
    documentation: `${siteUrl}/data`,
    citation: formatDatasetCitation(siteUrl, generatedAt),
    generated_at: generatedAt,
    cases: cases.map((c) => toDownloadJson(c, siteUrl)),
  };
  return { body: `${JSON.stringify(doc)}\n`, filename: "reform-metrics-cases.json", contentType: JSON_TYPE };
}

/** The response for a file: attachment with its name, cacheable by browsers and proxies for a minute. */
export function toResponse(file: DownloadFile): Response {
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "public, max-age=60",
    },
  });
}
