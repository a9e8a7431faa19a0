import Link from "next/link";
import type { PublicCaseListItem } from "@/lib/data/public-cases";
import { SECTOR_LABELS } from "@/lib/domain/labels";
import { formatLongDate } from "@/lib/present/dates";
import { ExampleBadge } from "@/components/ui/example-badge";

export function CaseList({ cases, headingLevel = 3 }: { cases: PublicCaseListItem[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="grid gap-4 sm:grid-cols-2" data-testid="case-list">
      {cases.map((c) => (
        <li key={c.slug} className="rounded border border-slate-200 p-4" data-testid="case-list-item">
          <Heading className="text-lg font-semibold">
            <Link href={`/cases/${c.slug}`} className="text-improvement underline">
              {c.title}
            </Link>
          </Heading>
          <p className="text-sm text-slate-700">{c.organisation}</p>
          <p className="mt-2 text-sm text-slate-700">
            {SECTOR_LABELS[c.sector]}
            {c.approach ? ` · ${c.approach}` : ""} · {c.measureCount} {c.measureCount === 1 ? "measure" : "measures"} · published{" "}
            {formatLongDate(c.publishedAt)}
          </p>
          {c.isExample ? (
            <p className="mt-2">
              <ExampleBadge />
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
