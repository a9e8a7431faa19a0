import type { MeasureRow } from "@/modules/cases/present/case-figures";
import { OutcomeTag } from "./outcome-tag";

export function MeasuresTable({ rows, caption }: { rows: MeasureRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="data-table" data-testid="measures-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
            <th scope="col">Change</th>
            <th scope="col">Outcome</th>
            <th scope="col">Provenance</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="measure-row">
              <th scope="row">{row.label}</th>
              <td>{row.before}</td>
              <td>{row.after}</td>
              <td className="font-semibold" data-testid="measure-change">
                {row.change}
              </td>
              <td>
                <OutcomeTag outcome={row.outcome} word={row.outcomeWord} tone={row.tone} />
              </td>
              <td className="text-slate-700">
                <p>{row.provenance}</p>
                {row.sourceWording.map((w) => (
                  <p key={w} className="text-xs text-slate-600">
                    {w}
                  </p>
                ))}
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
