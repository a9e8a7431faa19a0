import { BeforeAfterChart } from "@/components/charts/deferred-charts";
import { toBeforeAfterGroups, type MeasureRow } from "@/modules/cases/present/case-figures";
import { OutcomeTag } from "./outcome-tag";
import { ChartDownloads } from "@/components/charts/chart-downloads";

// Before → after charts for the measures with both raw values, one per unit,
// each followed by its data table and a sentence per measure.
export function BeforeAfterSection({ rows, title }: { rows: MeasureRow[]; title: string }) {
  const groups = toBeforeAfterGroups(rows);
  if (groups.length === 0) return null;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (
    <section aria-labelledby="before-after-heading" className="print-page space-y-6" data-testid="before-after-section">
      <h2 id="before-after-heading" className="text-2xl font-semibold">
        Before and after
      </h2>
      <p className="text-sm text-slate-700">
        For measures with both raw values: the hollow circle is the value before the reform, the filled circle the value after, and the line
        between them is blue for an improvement and orange for a concern. Reported-only changes have no raw values and are not shown here.
      </p>
      {groups.map((g, i) => {
        const groupRows = g.rows.map((r) => byId.get(r.id)).filter((r): r is MeasureRow => r !== undefined);
        const chartTitle = `Before and after, ${g.axisLabel.replace(/^Value, /, "")}: ${title}`;
        return (
          <figure key={g.key} className="space-y-3">
            <div id={`before-after-chart-${i}`}>
              <BeforeAfterChart
                rows={g.rows}
                labelledBy={`before-after-caption-${i}`}
                describedBy={`before-after-summary-${i}`}
                axisLabel={g.axisLabel}
                percent={g.percent}
              />
            </div>
            <ChartDownloads
              chartId={`before-after-chart-${i}`}
              tableId={`before-after-table-${i}`}
              fileName={`before-after-${g.key}`}
              label={chartTitle}
            />
            <figcaption id={`before-after-caption-${i}`} className="sr-only">
              {chartTitle}
            </figcaption>
            <div className="overflow-x-auto">
              <table id={`before-after-table-${i}`} className="data-table" data-testid="before-after-table">
                <caption>Before and after values ({g.axisLabel.replace(/^Value, /, "")})</caption>
                <thead>
                  <tr>
                    <th scope="col">Measure</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                    <th scope="col">Change</th>
                    <th scope="col">Outcome</th>
                  </tr>
                </thead>
                <tbody>
                  {groupRows.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">{r.label}</th>
                      <td>{r.before}</td>
                      <td>{r.after}</td>
                      <td>{r.change}</td>
                      <td>
                        <OutcomeTag outcome={r.outcome} word={r.outcomeWord} tone={r.tone} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <ul
              id={`before-after-summary-${i}`}
              className="list-disc space-y-1 pl-6 text-sm text-slate-700"
              data-testid="before-after-summary"
            >
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
