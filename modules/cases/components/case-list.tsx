"use client";

// A list of published cases as cards (the index and the home page). A client
// component so that a page of twenty results travels in the page's inline RSC
// payload as twenty small records rather than as rendered cards (see
// modules/cases/components/case-view.tsx); it has no state, and the cards are in the
// server-rendered HTML as before.
import Link from "next/link";
import type { PublicCaseListItem } from "@/modules/cases/data/public-cases";
import { SECTOR_LABELS } from "@/lib/domain/labels";
import { formatLongDate } from "@/lib/present/dates";
import { ExampleBadge } from "@/components/ui/example-badge";
import { Padlocks } from "@/modules/compare/components/padlocks";
import { OutcomeTag } from "./outcome-tag";

export function CaseList({ cases, headingLevel = 3 }: { cases: PublicCaseListItem[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="grid gap-4 sm:grid-cols-2" data-testid="case-list">
      {cases.map((c) => (
        <li key={c.slug} className="case-card" data-testid="case-list-item">
          <Heading>
            <Link href={`/cases/${c.slug}`}>{c.title}</Link>
          </Heading>
          <p>{c.organisation}</p>
          <p className="mt-2">
            {`${SECTOR_LABELS[c.sector]}${c.approach ? ` · ${c.approach}` : ""} · ${c.measureCount} ${c.measureCount === 1 ? "measure" : "measures"} · published ${formatLongDate(c.publishedAt)}`}
          </p>
          {c.card ? (
            <>
              {c.card.figures.length > 0 ? (
                <dl className="mt-3 space-y-2" aria-label={`Headline figures of ${c.title}`} data-testid="card-figures">
                  {c.card.figures.map((f) => (
                    <div key={f.id} data-testid="card-figure">
                      <dt className="text-sm">{f.label}</dt>
                      <dd className="flex flex-wrap items-center gap-x-2 gap-y-1">
                        <span className="font-semibold tabular-nums">{f.lead}</span>
                        {f.change ? <span className="text-sm font-semibold text-slate-800">{f.change}</span> : null}
                        {f.outcome ? <OutcomeTag outcome={f.outcome} word={f.outcomeWord} tone={f.tone} /> : null}
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : null}
              {c.measureCount > c.card.figures.length ? (
                <p className="mt-1 text-sm text-slate-700">
                  and {c.measureCount - c.card.figures.length} more {c.measureCount - c.card.figures.length === 1 ? "figure" : "figures"} on
                  the case page
                </p>
              ) : null}
              <p className="mt-2 text-sm" data-testid="card-evidence">
                Evidence rating: <Padlocks count={c.card.padlocks} />
              </p>
            </>
          ) : null}
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
