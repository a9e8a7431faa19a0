import type { MeasureRow } from "@/modules/cases/present/case-figures";
import { OutcomeTag } from "./outcome-tag";

// Every figure with its design, evidence level and provenance; the source's
// sentence on demand, public notes, and the measure's own source where it is
// not the case's (issue 16: a reader can check every figure).
export function MeasuresTable({ rows, caption }: { rows: MeasureRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table id="measures-table" className="data-table" data-testid="measures-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
            <th scope="col">Change or estimate</th>
            <th scope="col">Outcome</th>
            <th scope="col">Design and provenance</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} id={`figure-${row.id}`} data-testid="measure-row">
              <th scope="row">{row.label}</th>
              <td>{row.wordsOnly ? "–" : row.before}</td>
              <td>{row.wordsOnly ? "–" : row.after}</td>
              <td className="font-semibold" data-testid="measure-change">
                {row.change}
              </td>
              <td>
                <OutcomeTag outcome={row.outcome} word={row.outcomeWord} tone={row.tone} />
              </td>
              <td className="text-slate-700">
                {row.design !== "before_after" ? <p data-testid="measure-design">{row.designLabel}</p> : null}
                <p>{row.provenance}</p>
                {row.sourceWording.map((w) => (
                  <p key={w} className="text-xs text-slate-600">
                    {w}
                  </p>
                ))}
                {row.quote && !row.wordsOnly ? (
                  <details className="text-xs">
                    <summary className="cursor-pointer">The source&apos;s words</summary>
                    <blockquote className="mt-1 border-l-4 border-slate-300 pl-2" data-testid="measure-quote">
                      “{row.quote}”
                    </blockquote>
                  </details>
                ) : null}
                {row.notes ? (
                  <p className="text-xs" data-testid="measure-notes">
                    Note: {row.notes}
                  </p>
                ) : null}
                {row.source ? (
                  <p className="text-xs" data-testid="measure-source">
                    Source of this figure: {row.source.citation ?? ""}{" "}
                    {row.source.url ? (
                      <a href={row.source.url} className="break-all text-improvement underline" rel="noopener noreferrer">
                        {row.source.url}
                      </a>
                    ) : null}
                  </p>
                ) : null}
                {row.mismatch ? (
                  <p className="mt-1 text-xs font-semibold text-concern" role="note">
                    ⚠ {row.mismatch}
                  </p>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
