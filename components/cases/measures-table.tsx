import type { MeasureRow } from "@/lib/present/case-figures";
import { OutcomeTag } from "./outcome-tag";

export function MeasuresTable({ rows, caption }: { rows: MeasureRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid="measures-table">
        <caption className="mb-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="py-2 pr-3">Measure</th>
            <th scope="col" className="py-2 pr-3">Before</th>
            <th scope="col" className="py-2 pr-3">After</th>
            <th scope="col" className="py-2 pr-3">Change</th>
            <th scope="col" className="py-2 pr-3">Outcome</th>
            <th scope="col" className="py-2">Provenance</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-200 align-top" data-testid="measure-row">
              <th scope="row" className="py-2 pr-3 font-medium">{row.label}</th>
              <td className="py-2 pr-3">{row.before}</td>
              <td className="py-2 pr-3">{row.after}</td>
              <td className="py-2 pr-3 font-semibold" data-testid="measure-change">{row.change}</td>
              <td className="py-2 pr-3">
                <OutcomeTag outcome={row.outcome} word={row.outcomeWord} tone={row.tone} />
              </td>
              <td className="py-2 text-slate-700">
                <p>{row.provenance}</p>
                {row.sourceWording.map((w) => (
                  <p key={w} className="text-xs text-slate-600">{w}</p>
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
