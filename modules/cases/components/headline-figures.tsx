import { headlineCardText, type MeasureRow } from "@/modules/cases/present/case-figures";
import { OutcomeTag } from "./outcome-tag";

// Headline figures as cards: led by the before → after values where both exist, then
// the change or estimate, the design it comes from ("vs a matched comparison
// group") and its provenance badges, so no figure is read without them.
function HeadlineLead({ row }: { row: MeasureRow }) {
  const { lead, change } = headlineCardText(row);
  if (change === null) return <p className={`${row.wordsOnly ? "text-xl" : "text-2xl"} font-semibold`}>{lead}</p>;
  return (
    <>
      <p className="text-2xl font-semibold" data-testid="headline-pair">
        {lead}
      </p>
      <p className="text-base font-semibold text-slate-800">{change}</p>
    </>
  );
}

export function HeadlineFigures({ rows }: { rows: MeasureRow[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Headline figures" data-testid="headline-figures">
      {rows.map((row) => (
        <li key={row.id} className="rounded border border-slate-300 p-3" data-testid="headline-figure">
          <p className="text-sm font-medium">{row.label}</p>
          <HeadlineLead row={row} />
          <p className="text-xs text-slate-700" data-testid="headline-design">
            {row.wordsOnly
              ? `A finding in words · ${row.designLabel.toLowerCase()}`
              : row.design === "before_after"
                ? "Before and after"
                : row.change}
          </p>
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
