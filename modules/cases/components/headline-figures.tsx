import type { MeasureRow } from "@/modules/cases/present/case-figures";
import { OutcomeTag } from "./outcome-tag";

// Headline figures as cards: "Number of referrals −41% · reported only". Each
// card carries its provenance badges so no figure is read without them.
export function HeadlineFigures({ rows }: { rows: MeasureRow[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Headline figures" data-testid="headline-figures">
      {rows.map((row) => (
        <li key={row.id} className="rounded border border-slate-300 p-3" data-testid="headline-figure">
          <p className="text-sm font-medium">{row.label}</p>
          <p className="text-2xl font-semibold">{row.headline ?? row.change}</p>
          <div className="mt-1 flex flex-wrap items-center gap-1">
            <OutcomeTag outcome={row.outcome} word={row.outcomeWord} tone={row.tone} />
            {row.badges.map((b) => (
              <span key={b} className="badge">
                {b}
              </span>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
