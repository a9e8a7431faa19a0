import { z } from "zod";
import type { NextRequest } from "next/server";
import { canExportCases } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/modules/auth/session";
import { listExportCases } from "@/modules/import/data/case-export";
import { caseToJson, casesToCsv, COLUMNS, EXPORT_ONLY_COLUMNS } from "@/lib/domain/csv";

// CSV or JSON download of every case the signed-in user may see, in the
// import's columns, so an exported file can be edited and imported again.

export const dynamic = "force-dynamic";

const querySchema = z.object({ format: z.enum(["csv", "json"]).default("csv") });

function download(body: string, type: string, filename: string) {
  return new Response(body, {
    headers: {
      "content-type": `${type}; charset=utf-8`,
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
  const query = querySchema.safeParse({ format: request.nextUrl.searchParams.get("format") ?? undefined });
  if (!query.success) {
    return new Response("Choose format=csv or format=json.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const cases = await listExportCases(user);
  const generatedAt = new Date().toISOString();
  const stem = `reform-metrics-cases-${generatedAt.slice(0, 10)}`;
  if (query.data.format === "csv") return download(casesToCsv(cases), "text/csv", `${stem}.csv`);
  const columns = [...COLUMNS.map(({ name, description }) => ({ name, description })), ...EXPORT_ONLY_COLUMNS];
  return download(JSON.stringify({ generatedAt, columns, cases: cases.map(caseToJson) }, null, 2), "application/json", `${stem}.json`);
}
