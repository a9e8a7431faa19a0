import Link from "next/link";
import type { AuditEntry } from "@/modules/workspace/data/audit";
import { describeChange } from "@/lib/domain/case-diff";

const TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export function AuditList({ entries, showCase = false }: { entries: AuditEntry[]; showCase?: boolean }) {
  if (entries.length === 0) return <p>Nothing has been recorded yet.</p>;
  return (
    <ol className="space-y-3" data-testid="audit-list">
      {entries.map((e) => (
        <li key={e.id} className="rounded border border-slate-200 p-3 text-sm" data-testid="audit-entry">
          <p>
            <span className="font-semibold">{e.action.replace("_", " ")}</span> {e.entityType}
            {showCase && e.caseSlug ? (
              <>
                {" "}
                <Link href={`/workspace/cases/${e.entityType === "case" ? e.entityId : ""}`} className="text-improvement underline">
                  {e.caseSlug}
                </Link>
              </>
            ) : null}{" "}
            by {e.actor} · <time dateTime={e.occurredAt}>{TIME.format(new Date(e.occurredAt))} UTC</time>
            {e.ipAddress ? <span className="text-slate-600"> · from {e.ipAddress}</span> : null}
          </p>
          {e.note ? <p className="text-slate-700">Note: {e.note}</p> : null}
          {e.changes.length ? (
            <ul className="mt-1 list-disc pl-6 text-slate-700">
              {e.changes.slice(0, 40).map((c, i) => (
                <li key={i}>{describeChange(c)}</li>
              ))}
              {e.changes.length > 40 ? <li>… and {e.changes.length - 40} more</li> : null}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
