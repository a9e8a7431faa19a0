import type { MeasureRow } from "@/modules/cases/present/case-figures";

// Every figure of an embedded case in one line each, as the case page states
// it (values with their basis, denominator, qualifier and words), with the
// figure's own source where it is not the case's and the source's sentence on
// demand (issue 16): an embed must not strip what makes a figure checkable.
export function EmbedFigures({ rows }: { rows: MeasureRow[] }) {
  return (
    <details className="text-sm" data-testid="embed-figures">
      <summary className="cursor-pointer font-medium">Every figure, with its source</summary>
      <ul className="mt-1 space-y-1">
        {rows.map((row) => (
          <li key={row.id} data-testid="embed-figure">
            <span className="font-medium">{row.label}:</span> {row.wordsOnly ? row.finding : row.change}
            {row.pair && !row.change.includes("→") ? <span className="text-slate-700"> ({row.pair})</span> : null}
            {row.source ? (
              <span className="text-slate-700">
                {" "}
                · source:{" "}
                {row.source.url ? (
                  <a href={row.source.url} target="_top" rel="noopener noreferrer" className="text-improvement underline">
                    {row.source.citation ?? row.source.url}
                  </a>
                ) : (
                  row.source.citation
                )}
              </span>
            ) : null}
            {row.quote ? <q className="block text-slate-700">{row.quote}</q> : null}
            {row.notes ? <span className="block text-xs text-slate-700">Note: {row.notes}</span> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
