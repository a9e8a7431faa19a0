import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/modules/auth/session";
import { canManageUsers } from "@/lib/auth/permissions";
import { listAuditLog } from "@/modules/workspace/data/audit";
import { AuditList } from "@/modules/workspace/components/audit-list";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireUser("/admin/audit");
  if (!canManageUsers(user)) notFound();
  const page = z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .catch(1)
    .parse((await searchParams).page);
  const { entries, hasMore } = await listAuditLog(page);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold">Audit log</h1>
      <p className="text-slate-700">Every change to cases, users and roles across all organisations, newest first.</p>
      <AuditList entries={entries} showCase />
      <nav aria-label="Pages" className="flex gap-4">
        {page > 1 ? (
          <Link href={`/admin/audit?page=${page - 1}`} className="text-improvement underline">
            Newer
          </Link>
        ) : null}
        {hasMore ? (
          <Link href={`/admin/audit?page=${page + 1}`} className="text-improvement underline">
            Older
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
