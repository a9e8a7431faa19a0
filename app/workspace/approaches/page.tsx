import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { canProposeApproach } from "@/lib/auth/permissions";
import { requireUser } from "@/modules/auth/session";
import { ProposeApproachForm } from "@/modules/compare/components/approach-forms";
import { listApproachLibrary } from "@/modules/compare/data/approach-library";

export const metadata: Metadata = { title: "Propose an approach", robots: { index: false } };

type Props = { searchParams: Promise<{ proposed?: string }> };

// Analysts propose an approach the library lacks; an admin accepts it
// (/admin/approaches), after which the case editor offers it.
export default async function ProposeApproachPage({ searchParams }: Props) {
  const user = await requireUser("/workspace/approaches");
  if (!canProposeApproach(user)) notFound();
  const [proposals, { proposed }] = await Promise.all([listApproachLibrary("proposed"), searchParams]);
  return (
    <div className="max-w-3xl space-y-8">
      <h1 className="text-3xl font-semibold">Propose an approach</h1>
      <p className="text-slate-700">
        Cases are filed under the approach their write-up names, so leaders can compare approaches. If the library lacks one, propose it
        here with a definition and a source; an admin checks it before it is offered in the editor.
      </p>
      {proposed ? (
        <p role="status" className="font-medium text-improvement">
          Proposed “{proposed}”: an admin will review it.
        </p>
      ) : null}
      <ProposeApproachForm />
      <section aria-labelledby="waiting" className="space-y-2">
        <h2 id="waiting" className="text-xl font-semibold">
          Waiting for an admin ({proposals.length})
        </h2>
        {proposals.length === 0 ? (
          <p>No proposals are waiting.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {proposals.map((p) => (
              <li key={p.key}>
                {p.name} <span className="text-sm text-slate-600">({p.proposedBy ?? "unknown"})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
