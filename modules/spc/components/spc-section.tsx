import { SpcChart } from "./deferred-spc-chart";
import { buildSpcView, type SeriesForChart, type SpcView } from "@/modules/spc/present/spc";
import { MAX_INLINE_SPC_CHARTS, toSpcOverviewRow } from "@/modules/spc/present/spc-overview";
import { SpcDataTable } from "./spc-data-table";
import { SpcOverview } from "./spc-overview";
import { SpcBadges, SpcLegend } from "./spc-icons";
import { ChartDownloads } from "@/components/charts/chart-downloads";

// The series of a published case as SPC charts (NHS "Making Data Count"), each
// followed by what it shows in words: the icons, a summary sentence, where
// the headline figures came from, notes on short series, and the data table.

/**
 * `href`: the chart's own page, linked beneath it (to cite or print one chart). `view`: buildSpcView(series), when the caller has it
 * already. `explain`: a paragraph on how to read this kind of chart (SPC or run chart).
 */
export function SpcFigure({
  series,
  headingLevel = 3,
  href,
  view = buildSpcView(series),
  explain = false,
}: {
  series: SeriesForChart;
  headingLevel?: 1 | 2 | 3 | 4;
  href?: string;
  view?: SpcView;
  explain?: boolean;
}) {
  const H = (["h1", "h2", "h3", "h4"] as const)[headingLevel - 1]!;
  const kind = view.runChart ? "Run chart" : "SPC chart";
  return (
    <figure className="space-y-3" data-testid="spc-figure" aria-labelledby={`spc-${series.measureId}`}>
      <H id={`spc-${series.measureId}`} className={headingLevel === 1 ? "text-3xl font-semibold" : "text-lg font-semibold"}>
        {series.label}
      </H>
      <SpcBadges view={view} />
      <p className="max-w-3xl text-sm text-slate-700" data-testid="spc-icon-note">
        {view.iconNote}
      </p>
      <div id={`spc-chart-${series.measureId}`}>
        <SpcChart data={view.chart} title={`${kind}: ${series.label}`} describedBy={`spc-summary-${series.measureId}`} />
      </div>
      <ChartDownloads
        chartId={`spc-chart-${series.measureId}`}
        tableId={`spc-table-${series.measureId}`}
        fileName={`${kind === "Run chart" ? "run-chart" : "spc-chart"}-${series.label.toLowerCase()}`}
        label={`${kind}: ${series.label}`}
      />
      <SpcLegend runChart={view.runChart} present={view.points.map((p) => p.pointType)} />
      <figcaption className="max-w-3xl space-y-2">
        <p id={`spc-summary-${series.measureId}`} data-testid="spc-summary">
          {view.summary}
        </p>
        <p className="text-sm text-slate-700" data-testid="spc-method-note">
          {view.headlineNote}
        </p>
        {view.notes.length > 0 ? (
          <ul className="list-disc space-y-1 pl-6 text-sm text-slate-700" data-testid="spc-notes">
            {view.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : null}
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-improvement underline">Data table: {series.label}</summary>
        <div className="overflow-x-auto">
          <SpcDataTable id={`spc-table-${series.measureId}`} data={view.chart} label={series.label} unit={series.unit} />
        </div>
      </details>
      {explain ? (
        <p className="max-w-3xl text-sm text-slate-700" data-testid="spc-how-to-read">
          {view.runChart
            ? "How to read it: a run chart has no process limits. Its centre line is the median of the points; a shift (6 or more points in a row on one side of the median) or a trend (5 or more in a row going up or down) is a sign of a real change (NHS run-chart rules)."
            : "How to read it: the mean and the process limits (mean ± 2.66 × the average moving range) are recalculated from the intervention. A point beyond a limit, a run of points on one side of the mean, a run rising or falling, or two of three points near a limit signal a real change (NHS \u201cMaking Data Count\u201d)."}
        </p>
      ) : null}
      {href ? (
        <p className="no-print text-sm">
          <a href={href} className="text-improvement underline">
            This chart on its own page<span className="sr-only">: {series.label}</span>
          </a>
        </p>
      ) : null}
    </figure>
  );
}

/**
 * Every series of a case; renders nothing when the case has none. The summary
 * table comes first when there is more than one series; the charts follow when
 * there are at most MAX_INLINE_SPC_CHARTS, otherwise each is on its own page
 * (`seriesHref(k)`, k from 1), linked from the table.
 */
export function SpcSection({ series, seriesHref }: { series: SeriesForChart[]; seriesHref: (k: number) => string }) {
  if (series.length === 0) return null;
  const inline = series.length <= MAX_INLINE_SPC_CHARTS;
  const views = series.map((s) => buildSpcView(s));
  const rows = series.length > 1 ? series.map((s, i) => toSpcOverviewRow(s, views[i]!, seriesHref(i + 1))) : [];
  return (
    <section aria-labelledby="spc-heading" className="print-page space-y-6" data-testid="spc-section">
      <div className="max-w-3xl space-y-2">
        <h2 id="spc-heading" className="text-2xl font-semibold">
          Over time: a real change or noise?
        </h2>
        <p>
          Two figures cannot tell a real change from noise. Where the case reports a series, it is charted here as an XmR (statistical
          process control) chart, the NHS &ldquo;Making Data Count&rdquo; way: the mean and process limits are recalculated from the
          intervention, and points that signal a real change are marked by shape and colour (blue square: improvement, orange triangle:
          concern). A series with fewer than 13 points, or with irregular dates, is a run chart instead: its points are read against their
          median with the NHS run-chart rules.
        </p>
      </div>
      {rows.length > 0 ? <SpcOverview rows={rows} /> : null}
      {inline ? (
        series.map((s, i) => <SpcFigure key={s.measureId} series={s} view={views[i]} href={seriesHref(i + 1)} />)
      ) : (
        <p className="max-w-3xl" data-testid="spc-charts-elsewhere">
          This case has {series.length} series, too many charts for one page: each measure above links to its chart, with the data table and
          notes.
        </p>
      )}
    </section>
  );
}
