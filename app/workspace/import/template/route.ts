import { buildTemplateCsv } from "@/lib/domain/csv";

// The import template: the header and two example rows (one reported-only).
// The same for everyone, so it is built once at build time.

export const dynamic = "force-static";

export function GET() {
  return new Response(buildTemplateCsv(), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="reform-metrics-import-template.csv"',
    },
  });
}
