import type { CaseStatus } from "@/lib/generated/prisma/enums";

const LABELS: Record<CaseStatus, string> = { draft: "Unpublished", published: "Published", archived: "Archived" };
const CLASSES: Record<CaseStatus, string> = {
  draft: "border-slate-500 text-slate-700",
  published: "border-improvement text-improvement",
  archived: "border-slate-400 text-slate-500",
};

export function StatusBadge({ status, hasDraft }: { status: CaseStatus; hasDraft: boolean }) {
  return (
    <span className="inline-flex gap-1">
      <span className={`rounded border px-1.5 py-0.5 text-xs font-semibold ${CLASSES[status]}`}>{LABELS[status]}</span>
      {hasDraft && status !== "archived" ? (
        <span className="rounded border border-concern px-1.5 py-0.5 text-xs font-semibold text-concern">Draft changes</span>
      ) : null}
    </span>
  );
}
