import { buildTemplateCsv } from "@/lib/domain/csv";
import { getCurrentUser } from "@/modules/auth/session";
import { getOrganisationSlug } from "@/modules/import/data/organisation-slug";

// The import template: the header and two example rows (one reported-only),
// with the downloader's own organisation slug filled in (issue 20), so the
// rows import as they are. Per user, so never cached.

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getCurrentUser();
  const slug = await getOrganisationSlug(user?.organisationId ?? null);
  return new Response(buildTemplateCsv(slug ?? undefined), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="reform-metrics-import-template.csv"',
      "cache-control": "private, no-store",
    },
  });
}
