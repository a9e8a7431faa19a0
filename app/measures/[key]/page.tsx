import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BandPlot, StripPlot } from "@/modules/compare/components/strip-plot";
import { ExplorerFiltersForm } from "@/modules/compare/components/explorer-filters";
import { ExplorerSummary, summarySentence } from "@/modules/compare/components/explorer-summary";
import { ExplorerTable } from "@/modules/compare/components/explorer-table";
import { ForestPlot } from "@/modules/compare/components/forest-plot";
import { DESIGN_SHORT } from "@/lib/domain/evidence-text";
import { formatPooled, OUTCOME_WORDS, SCALE_EXPLANATIONS, STATUS_WORDS, toneOf } from "@/modules/compare/components/pooled-text";
import { listApproaches } from "@/modules/compare/data/approach-overview";
import { BIN_COUNT, DOT_CAP, EXPLORER_PAGE_SIZE, getCachedMeasureExplorer, getMeasureType } from "@/modules/compare/data/measure-library";
import { DIRECTION_LABELS } from "@/lib/domain/labels";
import { bandEdges, describeSpread, SCALE_LABELS, scaleForUnit, type PoolStatus } from "@/lib/domain/pooling";
import { explorerHref, parseExplorerFilters } from "@/lib/schemas/comparison";
import { getCachedSeriesSignals } from "@/modules/spc/data/series";
import { ExplorerSignals } from "@/modules/spc/components/explorer-signals";
import { ChartDownloads } from "@/components/charts/chart-downloads";

type Props = { params: Promise<{ key: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The table's order (explorerSql: ORDER BY the pooled value): the largest fall first, the largest rise last.
const ORDER_WORDS = "from the largest fall to the largest rise";

const KEY = /^[a-z0-9][a-z0-9_-]{0,79}$/;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { key } = await params;
  const type = KEY.test(key) ? await getMeasureType(key) : null;
  return type ? { title: `${type.name}: every published case`, description: type.definition } : { title: "Measure not found" };
}

export default async function MeasureExplorerPage({ params, searchParams }: Props) {
  const { key } = await params;
  const type = KEY.test(key) ? await getMeasureType(key) : null;
  if (!type) notFound();
  const filters = parseExplorerFilters(await searchParams);
  const [explorer, approaches, signals] = await Promise.all([
    getCachedMeasureExplorer(type, filters),
    listApproaches(),
    getCachedSeriesSignals(type.key),
  ]);
  const { stats } = explorer;
  const scale = scaleForUnit(type.unit);
  const axisLabel = SCALE_LABELS[scale];
  const sentence = summarySentence(type.name.toLowerCase(), stats, scale);
  // The shaded middle half only where there are quartiles to shade (4 figures or more).
  const spread = describeSpread(stats);
  const iqr = spread?.kind === "interquartile" ? spread : null;
  const edges = bandEdges(stats.min ?? 0, stats.max ?? 0, BIN_COUNT);
  const dotted = stats.n <= DOT_CAP;
  const pages = dotted ? 1 : Math.ceil(stats.n / EXPLORER_PAGE_SIZE);
  const apartTotal = Object.values(explorer.apartCounts).reduce((a, b) => a + (b ?? 0), 0);
  const shownSlugs = new Set([...explorer.rows, ...explorer.apart].map((r) => r.slug));
  // Figures with the source's interval, for the forest plot (issue 11).
  const withInterval = explorer.rows.filter((r) => r.lower !== null && r.upper !== null && r.value !== null);

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/measures" className="text-improvement underline">
          Measure library
        </Link>
      </nav>
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">{type.name}</h1>
        <p className="max-w-3xl text-slate-700">{type.definition}</p>
        <p className="text-sm text-slate-600">
          Counting unit: {type.countingUnit} · {DIRECTION_LABELS[type.direction]}
        </p>
      </header>
      <p className="max-w-3xl rounded border-l-4 border-slate-400 bg-slate-50 p-3 text-sm" data-testid="scale-note">
        <strong>{axisLabel}.</strong> {SCALE_EXPLANATIONS[scale]}
      </p>
      <ExplorerFiltersForm action={`/measures/${type.key}`} filters={filters} approaches={approaches} />
      <ExplorerSummary stats={stats} scale={scale} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_16rem]">
        <section aria-labelledby="plot-heading" className="min-w-0 space-y-2">
          <h2 id="plot-heading" className="text-xl font-semibold">
            Every case&apos;s change
          </h2>
          <div id="explorer-chart">
            {stats.n === 0 ? null : dotted ? (
              <StripPlot
                dots={explorer.rows.map((r, i) => ({
                  id: `${r.slug}-${i}`,
                  value: r.value ?? 0,
                  href: `/cases/${r.slug}`,
                  tone: toneOf(r.outcome),
                  reportedOnly: r.reportedOnly,
                  label: `${r.title}: ${formatPooled(r.value, scale)}, ${OUTCOME_WORDS[r.outcome]}${r.reportedOnly ? ", reported change only" : ""}`,
                }))}
                median={stats.median}
                q1={iqr?.low ?? null}
                q3={iqr?.high ?? null}
                axisLabel={axisLabel}
                title={`${type.name}: change in each published case`}
                description={sentence}
              />
            ) : (
              <BandPlot
                bands={(explorer.bins ?? []).map((b) => ({
                  from: edges.low + (b.bin - 1) * edges.width,
                  to: edges.low + b.bin * edges.width,
                  count: b.count,
                }))}
                axisLabel={axisLabel}
                title={`${type.name}: how many figures fall in each band of change`}
                description={sentence}
              />
            )}
          </div>
          {stats.n > 0 ? (
            <ChartDownloads
              chartId="explorer-chart"
              tableId="explorer-figures"
              fileName={`${type.key}-changes`}
              label={`${type.name}: every case's change`}
            />
          ) : null}
          <p className="text-sm text-slate-700" data-testid="plot-summary">
            {sentence}
          </p>
          <p className="text-xs text-slate-600">
            {dotted
              ? `Blue: improved; orange: got worse; grey: no change or no clear difference. Filled circle: raw before and after values; hollow diamond: a reported change only. Each dot links to its case.${stats.controlled > 0 ? ` ${stats.controlled} of the figures compare the reform with a comparison group rather than before with after; filter by design to see them apart.` : ""}`
              : `Too many figures (more than ${DOT_CAP}) for one dot each: the bars count the figures in each band. Narrow the filters to see every case as a dot; the table lists them all, page by page.`}
          </p>
        </section>
        {withInterval.length > 0 ? (
          <section aria-labelledby="forest-heading" className="min-w-0 space-y-2 lg:col-span-2" data-testid="forest-section">
            <h2 id="forest-heading" className="text-xl font-semibold">
              Figures with a confidence interval
            </h2>
            <div id="forest-chart">
              <ForestPlot
                rows={withInterval.map((r, i) => ({
                  id: `${r.slug}-${i}`,
                  label: `${r.title} (${DESIGN_SHORT[r.design]})`,
                  value: r.value ?? 0,
                  lower: r.lower ?? 0,
                  upper: r.upper ?? 0,
                  tone: toneOf(r.outcome),
                  href: `/cases/${r.slug}`,
                }))}
                axisLabel={axisLabel}
                title={`${type.name}: estimates with their confidence intervals`}
              />
            </div>
            <ChartDownloads
              chartId="forest-chart"
              tableId="explorer-figures"
              fileName={`${type.key}-intervals`}
              label={`${type.name}: estimates with their intervals`}
            />
            <p className="text-sm text-slate-700" data-testid="forest-summary">
              {withInterval.length} of the {stats.n} pooled figures come with the interval their source reports: the square is the estimate,
              the whisker its interval, on the same scale as above. An interval that crosses 0 means the source found no clear difference.
            </p>
          </section>
        ) : null}
        <aside aria-labelledby="apart-heading" className="space-y-2 text-sm" data-testid="listed-apart">
          <h2 id="apart-heading" className="text-lg font-semibold">
            Listed apart ({apartTotal})
          </h2>
          <p className="text-slate-600">Figures that cannot go on this scale, shown rather than dropped.</p>
          {(Object.entries(explorer.apartCounts) as Array<[Exclude<PoolStatus, "pooled">, number]>).map(([status, count]) => (
            <div key={status}>
              <h3 className="font-medium">
                {STATUS_WORDS[status]} ({count})
              </h3>
              <ul className="list-disc pl-5">
                {explorer.apart
                  .filter((r) => r.status === status)
                  .map((r, i) => (
                    <li key={`${r.slug}-${i}`}>
                      <Link href={`/cases/${r.slug}`} className="text-improvement underline">
                        {r.title}
                      </Link>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
          {apartTotal > explorer.apart.length ? <p className="text-slate-600">First {explorer.apart.length} shown.</p> : null}
        </aside>
      </div>
      {stats.n > 0 ? (
        <ExplorerTable
          id="explorer-figures"
          rows={explorer.rows}
          scale={scale}
          caption={
            dotted
              ? `The ${stats.n} pooled figures, ${ORDER_WORDS}`
              : `Pooled figures ${(filters.page - 1) * EXPLORER_PAGE_SIZE + 1}–${Math.min(stats.n, filters.page * EXPLORER_PAGE_SIZE)} of ${stats.n}, ${ORDER_WORDS}`
          }
        />
      ) : null}
      {pages > 1 ? (
        <nav aria-label="Pages of figures" className="flex gap-4 text-sm">
          {filters.page > 1 ? (
            <Link href={explorerHref(type.key, filters, { page: filters.page - 1 })} className="text-improvement underline">
              Previous page
            </Link>
          ) : null}
          <span>
            Page {filters.page} of {pages}
          </span>
          {filters.page < pages ? (
            <Link href={explorerHref(type.key, filters, { page: filters.page + 1 })} className="text-improvement underline">
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
      <ExplorerSignals
        // With every figure on the page (dotted), keep to the cases the filters chose.
        rows={dotted ? signals.filter((r) => shownSlugs.has(r.caseSlug)) : signals}
        totalFigures={stats.n + apartTotal}
      />
      {dotted && explorer.apart.length > 0 ? (
        <ExplorerTable rows={explorer.apart} scale={scale} caption="Figures listed apart, with their changes as reported" />
      ) : null}
    </div>
  );
}
