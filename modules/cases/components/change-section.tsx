import { ChangeChart } from "@/components/charts/deferred-charts";
import { listAbsoluteRows, listFindingRows, listUnchartedRows, toChartRows, type MeasureRow } from "@/modules/cases/present/case-figures";
import { RANKING_METHOD } from "@/lib/domain/summary";
import { MeasuresTable } from "./measures-table";
import { OutcomeTag } from "./outcome-tag";
import { ChartDownloads } from "@/components/charts/chart-downloads";

// The change chart, then — so the figures never depend on seeing it — the
// absolute changes that cannot go on a % axis, the measures with no change,
// the written summary and the full table.
export function ChangeSection({ rows, summary, fileName = "case" }: { rows: MeasureRow[]; summary: string; fileName?: string }) {
  const chartRows = toChartRows(rows);
  const absolute = listAbsoluteRows(rows);
  const uncharted = listUnchartedRows(rows);
  const findings = listFindingRows(rows);
  const controlled = chartRows.filter((r) => r.design).length;
  const whiskers = chartRows.filter((r) => r.interval).length;
  return (
    <section aria-labelledby="changes-heading" className="print-page space-y-4" data-testid="change-section">
      <h2 id="changes-heading" className="text-2xl font-semibold">
        What changed
      </h2>
      <figure className="space-y-3">
        <figcaption className="text-sm text-slate-700">
          <span id="change-chart-title" className="font-semibold text-ink">
            Change in {chartRows.length} {chartRows.length === 1 ? "measure" : "measures"}.
          </span>{" "}
          Blue bars are improvements and orange bars are concerns, whichever way the number moved; the words at the right say the same.
          Measures that are themselves percentages are shown in percentage points (pp). Striped bars are changes the source reported without
          raw figures.
          {controlled > 0
            ? ` ${controlled} ${controlled === 1 ? "figure compares" : "figures compare"} the reform with a comparison group or a target rather than before with after: the words at the right name the design.`
            : ""}
          {whiskers > 0 ? ` The black whiskers are the confidence intervals the source reports.` : ""}
        </figcaption>
        {chartRows.length > 0 ? (
          <>
            <div id="change-chart">
              <ChangeChart rows={chartRows} labelledBy="change-chart-title" describedBy="case-summary" />
            </div>
            <ChartDownloads chartId="change-chart" tableId="measures-table" fileName={`${fileName}-change`} label="the change chart" />
          </>
        ) : (
          <p>None of this case&apos;s measures has a per cent or percentage-point change to chart.</p>
        )}
      </figure>
      {absolute.length > 0 ? (
        <div className="rounded border border-slate-300 p-3" data-testid="absolute-changes">
          <h3 className="font-semibold">Absolute changes, in the measure&apos;s own unit</h3>
          <p className="text-sm text-slate-700">
            Not drawn on the chart: a saving or a change in the measure&apos;s unit, or a change from a baseline so small (0, under 5, or a
            rise of over 500%) that a percentage would mislead.
          </p>
          <ul className="mt-2 space-y-1 text-sm">
            {absolute.map((row) => (
              <li key={row.id} className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{row.label}:</span>
                <span>{row.change}</span>
                {row.pair ? <span className="text-slate-700">({row.pair})</span> : null}
                <OutcomeTag outcome={row.outcome} word={row.outcomeWord} tone={row.tone} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {findings.length > 0 ? (
        <div className="rounded border border-slate-300 p-3" data-testid="findings-in-words">
          <h3 className="font-semibold">Findings in words</h3>
          <p className="text-sm text-slate-700">
            Results the source gives without a figure. They are counted by what the source found, never turned into numbers.
          </p>
          <ul className="mt-2 space-y-2 text-sm">
            {findings.map((row) => (
              <li key={row.id} data-testid="finding">
                <span className="font-medium">{row.label}:</span>{" "}
                <OutcomeTag outcome={row.outcome} word={row.finding ?? row.outcomeWord} tone={row.tone} />{" "}
                <span className="text-slate-700">({row.designLabel.toLowerCase()})</span>
                {row.quote ? <blockquote className="mt-1 border-l-4 border-slate-300 pl-3 text-slate-800">“{row.quote}”</blockquote> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {uncharted.length > 0 ? (
        <div className="text-sm">
          <p className="font-semibold">Not on the chart:</p>
          <ul className="list-disc pl-6">
            {uncharted.map(({ row, reason }) => (
              <li key={row.id}>
                {row.label}: {row.change} — {reason}.
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p id="case-summary" className="max-w-3xl" data-testid="case-summary">
        {summary}
      </p>
      <details className="max-w-3xl text-sm print:hidden" data-testid="ranking-method">
        <summary className="cursor-pointer text-improvement underline">How this is calculated</summary>
        <p className="mt-1 text-slate-700">{RANKING_METHOD}</p>
      </details>
      <MeasuresTable rows={rows} caption="Measures: before, after and change" />
      <ul className="print-hide max-w-3xl list-disc space-y-1 pl-6 text-sm text-slate-700" aria-label="Each measure in words">
        {rows.map((row) => (
          <li key={row.id}>{row.summary}</li>
        ))}
      </ul>
    </section>
  );
}
