import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { canManageApproaches } from "@/lib/auth/permissions";
import { requireUser } from "@/modules/auth/session";
import { AdminNav } from "@/modules/admin/components/admin-nav";
import { DecideApproachForm } from "@/modules/compare/components/approach-forms";
import { listApproachLibrary } from "@/modules/compare/data/approach-library";

export const metadata: Metadata = { title: "Approaches", robots: { index: false } };

type Props = { searchParams: Promise<{ accepted?: string; rejected?: string }> };

export default async function AdminApproachesPage({ searchParams }: Props) {
  const user = await requireUser("/admin/approaches");
  if (!canManageApproaches(user)) notFound();
  const [library, done] = await Promise.all([listApproachLibrary(), searchParams]);
  const proposals = library.filter((a) => a.status === "proposed");
  const accepted = library.filter((a) => a.status === "accepted");
  return (
    <div className="space-y-8">
      <AdminNav current="/admin/approaches" />
      <h1 className="text-2xl font-semibold">Approaches</h1>
      {done.accepted || done.rejected ? (
        <p role="status" className="font-medium text-improvement">
          {done.accepted ? `Accepted “${done.accepted}” into the library.` : `Rejected “${done.rejected}”.`}
        </p>
      ) : null}
      <section aria-labelledby="proposals" className="space-y-3">
        <h2 id="proposals" className="text-xl font-semibold">
          Proposed by analysts ({proposals.length})
        </h2>
        {proposals.length === 0 ? <p>No proposals are waiting.</p> : null}
        {proposals.map((a) => (
          <article key={a.key} className="space-y-2 rounded border border-slate-300 p-3" data-testid="approach-proposal">
            <h3 className="font-semibold">{a.name}</h3>
            <p className="text-sm">{a.description}</p>
            <p className="text-sm text-slate-700">
              Source: {a.sourceCitation}{" "}
              {a.sourceUrl ? (
                <a href={a.sourceUrl} className="break-all text-improvement underline" rel="noopener noreferrer">
                  {a.sourceUrl}
                </a>
              ) : null}{" "}
              · proposed by {a.proposedBy ?? "unknown"}
            </p>
            <DecideApproachForm approachKey={a.key} name={a.name} />
          </article>
        ))}
      </section>
      <section aria-labelledby="library" className="space-y-2">
        <h2 id="library" className="text-xl font-semibold">
          The library ({accepted.length})
        </h2>
        <ul className="list-disc space-y-1 pl-6 text-sm">
          {accepted.map((a) => (
            <li key={a.key}>
              {a.name}{" "}
              <span className="text-slate-600">
                ({a.key}; {a.cases} case versions)
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
