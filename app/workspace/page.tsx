import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/modules/auth/session";
import { listWorkspaceCases } from "@/modules/workspace/data/workspace-cases";
import { formatLongDate } from "@/lib/present/dates";
import { StatusBadge } from "@/modules/workspace/components/status-badge";

export const metadata: Metadata = { title: "Workspace" };

export default async function WorkspacePage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  const user = await requireUser("/workspace");
  const showArchived = (await searchParams).archived === "1";
  const cases = await listWorkspaceCases(user, { includeArchived: showArchived });
  const canCreate = user.role !== "viewer";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-semibold">Workspace</h1>
        <div className="flex flex-wrap gap-3">
          {canCreate ? (
            <>
              <Link href="/workspace/cases/new" className="rounded bg-improvement px-4 py-2 font-semibold text-white">
                New case
              </Link>
              <Link href="/workspace/import" className="rounded border border-improvement px-4 py-2 text-improvement">
                Import CSV
              </Link>
              <Link href="/workspace/tokens" className="rounded border border-slate-500 px-4 py-2">
                API tokens
              </Link>
            </>
          ) : null}
          <a href="/workspace/export?format=csv" className="rounded border border-slate-500 px-4 py-2">
            Export CSV
          </a>
          <a href="/workspace/export?format=json" className="rounded border border-slate-500 px-4 py-2">
            Export JSON
          </a>
        </div>
      </div>
      <p className="text-slate-700">
        {user.role === "admin" ? "All organisations' cases." : `Cases of ${user.organisationName ?? "your organisation"}, drafts included.`}{" "}
        <Link href={showArchived ? "/workspace" : "/workspace?archived=1"} className="text-improvement underline">
          {showArchived ? "Hide archived cases" : "Show archived cases"}
        </Link>
      </p>
      {cases.length === 0 ? (
        <p>No cases yet.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Cases you can work on</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="py-2 pr-3">
                Case
              </th>
              <th scope="col" className="py-2 pr-3">
                Organisation
              </th>
              <th scope="col" className="py-2 pr-3">
                Status
              </th>
              <th scope="col" className="py-2 pr-3">
                Live version
              </th>
              <th scope="col" className="py-2">
                Last change
              </th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-3 font-medium">
                  <Link href={`/workspace/cases/${c.id}`} className="text-improvement underline">
                    {c.title}
                  </Link>
                </th>
                <td className="py-2 pr-3">{c.organisation}</td>
                <td className="py-2 pr-3">
                  <StatusBadge status={c.status} hasDraft={c.hasDraft} />
                </td>
                <td className="py-2 pr-3">{c.publishedNumber ? `Version ${c.publishedNumber}` : "—"}</td>
                <td className="py-2">{formatLongDate(c.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
