import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/modules/auth/session";
import { listCaseHistory } from "@/modules/workspace/data/audit";
import { getCaseHeading } from "@/modules/workspace/data/workspace-cases";
import { AuditList } from "@/modules/workspace/components/audit-list";

export const metadata: Metadata = { title: "Case history" };

export default async function CaseHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/workspace/cases/${id}/history`);
  const caseId = z.uuid().safeParse(id);
  if (!caseId.success) notFound();
  const heading = await getCaseHeading(user, caseId.data);
  if (!heading) notFound();
  const entries = await listCaseHistory(heading.id);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/workspace/cases/${heading.id}`} className="text-improvement underline">
          Back to the case
        </Link>
      </p>
      <h1 className="text-3xl font-semibold">History: {heading.title}</h1>
      <p className="text-slate-700">
        Every change, newest first. Restoring an earlier version adds a new entry; nothing here is ever rewritten.
      </p>
      <AuditList entries={entries} />
    </div>
  );
}
