import "server-only";
import { db } from "@/lib/db";
import { headerKey, type ColumnMapping } from "@/lib/domain/csv";

// The column choices an organisation made on its last imports, by header
// ("Baseline %" → before; "" for a header it chose to ignore), offered first
// the next time one of its analysts imports a file with the same headers.

export async function getRememberedMappings(organisationId: string | null): Promise<Map<string, string>> {
  if (!organisationId) return new Map();
  const rows = await db().importColumnMapping.findMany({ where: { organisationId }, select: { header: true, column: true } });
  return new Map(rows.map((r) => [r.header, r.column]));
}

/** Called after a successful import: the headers that are template names need no memory. */
export async function rememberMappings(organisationId: string | null, header: string[], mapping: ColumnMapping): Promise<void> {
  if (!organisationId) return;
  const entries = new Map<string, string>();
  header.forEach((h, i) => {
    const key = headerKey(h);
    if (key === "" || key.replace(/ /g, "_") === mapping[i]) return;
    entries.set(key, mapping[i] ?? "");
  });
  if (entries.size === 0) return;
  await db().$transaction(
    [...entries].map(([key, column]) =>
      db().importColumnMapping.upsert({
        where: { organisationId_header: { organisationId, header: key } },
        create: { organisationId, header: key, column },
        update: { column },
      }),
    ),
  );
}
