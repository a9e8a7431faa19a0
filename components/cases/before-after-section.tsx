import { BeforeAfterChart } from "@/components/charts/deferred-charts";
import { toBeforeAfterGroups, type MeasureRow } from "@/lib/present/case-figures";
import { OutcomeTag } from "./outcome-tag";

// Before → after charts for the measures with both raw values, one per unit,
// each followed by its data table and a sentence per measure.
export function BeforeAfterSection({ rows, title }: { rows: MeasureRow[]; title: string }) {
  const groups = toBeforeAfterGroups(rows);
  if (groups.length === 0) return null;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (
    <section aria-labelledby="before-after-heading" className="print-page space-y-6" data-testid="before-after-section">
      <h2 id="before-after-heading" className="text-2xl font-semibold">Before and after</h2>
      <p className="text-sm text-slate-700">
        For measures with both raw values: the hollow circle is the value before the reform, the filled circle the value after, and the line between
        them is blue for an improvement and orange for a concern. Reported-only changes have no raw values and are not shown here.
      </p>
      {groups.map((g) => {
        const groupRows = g.rows.map((r) => byId.get(r.id)).filter((r): r is MeasureRow => r !== undefined);
        const chartTitle = `Before and after, ${g.axisLabel.replace(/^Value, /, "")}: ${title}`;
        const description = groupRows.map((r) => r.summary).join(" ");
        return (
          <figure key={g.key} className="space-y-3">
            <BeforeAfterChart rows={g.rows} title={chartTitle} description={description} axisLabel={g.axisLabel} percent={g.percent} />
            <figcaption className="sr-only">{chartTitle}</figcaption>
            <table className="w-full border-collapse text-left text-sm" data-testid="before-after-table">
              <caption className="mb-2 text-left font-semibold">Before and after values ({g.axisLabel.replace(/^Value, /, "")})</caption>
              <thead>
                <tr className="border-b-2 border-slate-300">
                  <th scope="col" className="py-2 pr-3">Measure</th>
                  <th scope="col" className="py-2 pr-3">Before</th>
                  <th scope="col" className="py-2 pr-3">After</th>
                  <th scope="col" className="py-2 pr-3">Change</th>
                  <th scope="col" className="py-2">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {groupRows.map((r) => (
                  <tr key={r.id} className="border-b border-slate-200">
                    <th scope="row" className="py-2 pr-3 font-medium">{r.label}</th>
                    <td className="py-2 pr-3">{r.before}</td>
                    <td className="py-2 pr-3">{r.after}</td>
                    <td className="py-2 pr-3">{r.change}</td>
                    <td className="py-2">
                      <OutcomeTag outcome={r.outcome} word={r.outcomeWord} tone={r.tone} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ul className="list-disc space-y-1 pl-6 text-sm text-slate-700" data-testid="before-after-summary">
              {groupRows.map((r) => (
                <li key={r.id}>{r.summary}</li>
              ))}
            </ul>
          </figure>
        );
      })}
    </section>
  );
}
