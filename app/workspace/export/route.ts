import { z } from "zod";
import type { NextRequest } from "next/server";
import { canExportCases } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/modules/auth/session";
import { listExportCases } from "@/modules/import/data/case-export";
import { caseToJson, casesToCsv, COLUMNS, EXPORT_ONLY_COLUMNS } from "@/lib/domain/csv";
import { casesToXlsx } from "@/modules/import/data/case-export-xlsx";
import { XLSX_TYPE } from "@/lib/xlsx/write-xlsx";

// CSV, Excel or JSON download of every case the signed-in user may see, in the
// import's columns, so an exported file can be edited and imported again.

export const dynamic = "force-dynamic";

const querySchema = z.object({
  format: z.enum(["csv", "json", "xlsx"]).default("csv"),
  // organisation: only the user's own organisation's cases, e.g. to edit and import them again.
  scope: z.enum(["all", "organisation"]).default("all"),
});

function download(body: string | Buffer, type: string, filename: string) {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "content-type": typeof body === "string" ? `${type}; charset=utf-8` : type,
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!canExportCases(user) || !user) {
    return new Response("Sign in to export cases.", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const params = request.nextUrl.searchParams;
  const query = querySchema.safeParse({ format: params.get("format") ?? undefined, scope: params.get("scope") ?? undefined });
  if (!query.success) {
    return new Response("Choose format=csv, format=xlsx or format=json, and scope=all or scope=organisation.", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const cases = await listExportCases(user, { organisationOnly: query.data.scope === "organisation" });
  const generatedAt = new Date().toISOString();
  const stem = `reform-metrics-cases-${generatedAt.slice(0, 10)}`;
  if (query.data.format === "csv") return download(casesToCsv(cases), "text/csv", `${stem}.csv`);
  if (query.data.format === "xlsx") return download(await casesToXlsx(cases, generatedAt), XLSX_TYPE, `${stem}.xlsx`);
  const columns = [...COLUMNS.map(({ name, description }) => ({ name, description })), ...EXPORT_ONLY_COLUMNS];
  return download(JSON.stringify({ generatedAt, columns, cases: cases.map(caseToJson) }, null, 2), "application/json", `${stem}.json`);
}
