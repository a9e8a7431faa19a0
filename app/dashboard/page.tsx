import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/modules/workspace/components/status-badge";
import { deleteComparisonAction } from "@/modules/compare/actions/comparison-actions";
import { requireUser } from "@/modules/auth/session";
import { listSavedComparisons } from "@/modules/compare/data/saved-comparisons";
import { listWorkspaceCases } from "@/modules/workspace/data/workspace-cases";
import { compareHref, parseBoardGrouping } from "@/lib/schemas/comparison";
import { BoardMatrix } from "@/modules/compare/components/board-matrix";
import { getBoardSummary } from "@/modules/compare/data/board-summary";
import { buildBoardRows, groupBoardRows } from "@/modules/compare/present/board-matrix";

export const metadata: Metadata = { title: "Your home", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// A leader's home: the board summary of every published measure, their
// organisation's cases (drafts included) and the comparisons saved by anyone
// in the organisation.
export default async function DashboardPage({ searchParams }: Props) {
  const user = await requireUser("/dashboard");
  const grouping = parseBoardGrouping(await searchParams);
  const [cases, saved, board] = await Promise.all([
    listWorkspaceCases(user),
    user.organisationId ? listSavedComparisons(user.organisationId) : Promise.resolve([]),
    user.organisationId ? getBoardSummary(user.organisationId) : Promise.resolve(null),
  ]);
  const groups = board ? groupBoardRows(board.measures, buildBoardRows(board.measures, board.series), grouping) : [];
  return (
    <div className="space-y-8">
      <header className="print-hide">
        <h1 className="text-3xl font-semibold">Your home</h1>
        <p className="text-slate-700">
          {user.organisationName ?? "No organisation"} · signed in as {user.name}
        </p>
        <p className="mt-2 flex flex-wrap gap-4 text-sm">
          <Link href="/measures" className="text-improvement underline">
            Measure explorer
          </Link>
          <Link href="/compare" className="text-improvement underline">
            Compare cases
          </Link>
          <Link href="/approaches" className="text-improvement underline">
            Approaches compared
          </Link>
        </p>
      </header>
      {board ? <BoardMatrix groups={groups} grouping={grouping} total={board.total} shown={board.measures.length} /> : null}
      <section aria-labelledby="saved-heading" className="print-hide space-y-2">
        <h2 id="saved-heading" className="text-xl font-semibold">
          Saved comparisons ({saved.length})
        </h2>
        {!user.organisationId ? (
          <p>Saved comparisons are shared within an organisation; your account has none.</p>
        ) : saved.length === 0 ? (
          <p>
            None yet. Open{" "}
            <Link href="/compare" className="text-improvement underline">
              Compare cases
            </Link>
            , choose cases and save the view for your organisation.
          </p>
        ) : (
          <ul className="space-y-2" data-testid="saved-comparisons">
            {saved.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-3">
                <Link href={compareHref(s.caseSlugs)} className="font-medium text-improvement underline">
                  {s.name}
                </Link>
                <span className="text-sm text-slate-600">
                  {s.caseSlugs.length} cases · saved {s.createdAt.slice(0, 10)}
                  {s.createdBy ? ` by ${s.createdBy}` : ""}
                </span>
                <form action={deleteComparisonAction}>
                  <input type="hidden" name="id" value={s.id} />
                  <button type="submit" className="text-sm text-concern underline">
                    Delete<span className="sr-only"> {s.name}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="cases-heading" className="print-hide">
        <table className="w-full border-collapse text-left text-sm" data-testid="dashboard-cases">
          <caption id="cases-heading" className="mb-2 text-left text-xl font-semibold">
            {user.role === "admin" ? "All cases" : "Your organisation's cases"} ({cases.length})
          </caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="py-2 pr-3">
                Case
              </th>
              <th scope="col" className="py-2 pr-3">
                Status
              </th>
              <th scope="col" className="py-2 pr-3">
                Public page
              </th>
              <th scope="col" className="py-2">
                Last changed
              </th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-3 font-normal">
                  <Link href={`/workspace/cases/${c.id}`} className="text-improvement underline">
                    {c.title}
                  </Link>
                </th>
                <td className="py-2 pr-3">
                  <StatusBadge status={c.status} hasDraft={c.hasDraft} />
                </td>
                <td className="py-2 pr-3">
                  {c.publishedNumber ? (
                    <Link href={`/cases/${c.slug}`} className="text-improvement underline">
                      Version {c.publishedNumber}
                    </Link>
                  ) : (
                    "not published"
                  )}
                </td>
                <td className="py-2">{c.updatedAt.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
