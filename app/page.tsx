import Link from "next/link";
import { listPublishedCases } from "@/lib/data/public-cases";
import { SECTOR_LABELS } from "@/lib/domain/labels";
import { ExampleBadge } from "@/components/ui/example-badge";

// Rendered per request for now; the public-pages work adds caching with
// on-demand revalidation when a case is published.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const cases = await listPublishedCases();
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-3xl font-semibold">Reform results, with their sources</h1>
        <p className="max-w-3xl text-lg text-slate-700">
          Public services are moving from command and control to relational ways of working. Reform Metrics records what changed — assessments,
          referrals, failure demand, time with people — exactly as each source reports it, and charts the changes by whether they are improvements.
        </p>
      </section>
      <section aria-labelledby="cases-heading" className="space-y-4">
        <h2 id="cases-heading" className="text-xl font-semibold">
          Published case studies ({cases.length})
        </h2>
        {cases.length === 0 ? (
          <p>No case studies have been published yet.</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {cases.map((c) => (
              <li key={c.slug} className="rounded border border-slate-200 p-4">
                <h3 className="text-lg font-semibold">
                  <Link href={`/cases/${c.slug}`} className="text-improvement underline">
                    {c.title}
                  </Link>
                </h3>
                <p className="text-sm text-slate-700">{c.organisation}</p>
                <p className="mt-2 text-sm text-slate-700">
                  {SECTOR_LABELS[c.sector]}
                  {c.approach ? ` · ${c.approach}` : ""} · {c.measureCount} {c.measureCount === 1 ? "measure" : "measures"}
                </p>
                {c.isExample ? (
                  <p className="mt-2">
                    <ExampleBadge />
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
