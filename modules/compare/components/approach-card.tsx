import Link from "next/link";
import { describeCategoryHeadline, toReadable } from "@/lib/domain/approach-headline";
import { DESIGN_LABELS, DESIGN_SHORT } from "@/lib/domain/evidence-text";
import type { Design } from "@/lib/domain/evidence-types";
import { formatNumber, formatPercentagePoints, formatSignedPercent } from "@/lib/domain/format";
import { evidencePadlocks } from "@/lib/domain/pooling";
import { CATEGORY_LABELS } from "@/lib/schemas/measure-type";
import type { ApproachCard, CardCategory } from "../data/approach-cards";
import { ChangeDotChart, DotChartLegend } from "./change-dot-chart";
import { ChartDownloads } from "@/components/charts/chart-downloads";
import { FigureTable } from "./figure-table";
import { Padlocks } from "./padlocks";
import { OUTCOME_WORDS } from "./pooled-text";

// One approach as a card (after the EEF and YEF toolkits): what happened per
// measure category in words a leader reads, a chart of every case's change,
// the evidence rating, and the cases, figures and designs behind it.

type Category = keyof typeof CATEGORY_LABELS;

export const categoryLabel = (c: string): string => CATEGORY_LABELS[c as Category] ?? c;

/**
 * A category's name, with the kind of measure when the same category comes in
 * both kinds (percentages pool in points, counts as changes in %).
 */
export function categoryName(c: { category: string; pp: boolean }, both: boolean): string {
  return both ? `${categoryLabel(c.category)} (${c.pp ? "percentage measures" : "counts, time or money"})` : categoryLabel(c.category);
}

/** Categories that appear on both scales among these. */
export function bothScales(items: ReadonlyArray<{ category: string; pp: boolean }>): Set<string> {
  const pp = new Set(items.filter((i) => i.pp).map((i) => i.category));
  return new Set(items.filter((i) => !i.pp && pp.has(i.category)).map((i) => i.category));
}

/** A figure's change as a reader reads it: points, or the % change a log change stands for. */
export function readableChange(value: number, pp: boolean): string {
  return pp ? formatPercentagePoints(value) : formatSignedPercent(toReadable(value, "log"));
}

export function categoryHeadline(c: CardCategory, label: string = categoryLabel(c.category)): string {
  return describeCategoryHeadline(label, {
    cases: c.cases,
    casesDown: c.casesDown,
    casesUp: c.casesUp,
    casesFlat: c.casesFlat,
    q1: c.q1,
    q3: c.q3,
    min: c.min,
    max: c.max,
    scale: c.pp ? "pp" : "log",
  });
}

export function categoryPadlocks(c: CardCategory): number {
  return evidencePadlocks({ cases: c.cases, medianLevel: c.medianLevel, rawFigures: c.rawFigures, reportedFigures: c.reportedFigures });
}

export function designMix(designs: Partial<Record<Design, number>>): string {
  const entries = Object.entries(designs) as Array<[Design, number]>;
  if (entries.length === 0) return "none";
  return entries
    .sort((a, b) => b[1] - a[1])
    .map(([d, n]) => `${formatNumber(n, 0)} ${DESIGN_SHORT[d]}`)
    .join(", ");
}

function interval(lower: number | null, upper: number | null, pp: boolean): string {
  if (lower === null || upper === null) return "–";
  return `${readableChange(lower, pp)} to ${readableChange(upper, pp)}`;
}

function CategoryBlock({ card, c, label }: { card: ApproachCard; c: CardCategory; label: string }) {
  const id = `${card.key}-${c.category}${c.pp ? "-pp" : ""}`;
  const headline = categoryHeadline(c, label);
  const figuresHref = `/approaches/${card.key}?category=${c.category}`;
  const drawn = c.dots.length > 0;
  const title = `${card.name}, ${label}: ${drawn ? "each figure's change" : "the spread of the figures' changes"}`;
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-2 border-t border-slate-200 pt-3" data-testid="card-category">
      <h4 id={`${id}-h`} className="font-semibold" data-testid="category-headline">
        {headline}
      </h4>
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
        <span>{`${c.improved} improved, ${c.worsened} got worse, ${c.noChange} no clear change · ${c.n} ${c.n === 1 ? "figure" : "figures"}`}</span>
        <span className="inline-flex items-center gap-1">
          Evidence: <Padlocks count={categoryPadlocks(c)} />
        </span>
        <Link href={figuresHref} className="text-improvement underline" data-testid="category-figure">
          {drawn ? "Figures behind this" : `All ${c.n} figures behind this`}
          <span className="sr-only">{` (${card.name}, ${label})`}</span>
        </Link>
      </p>
      <div id={`${id}-figure`}>
        <ChangeDotChart
          id={`${id}-chart`}
          title={title}
          scale={c.pp ? "pp" : "log"}
          dots={c.dots.map((d) => ({
            href: `/cases/${d.slug}`,
            name: d.title,
            description: `${d.title}, ${d.label}: ${readableChange(d.value, c.pp)}, ${DESIGN_SHORT[d.design]}, ${OUTCOME_WORDS[d.outcome]}`,
            value: d.value,
            lower: d.lower,
            upper: d.upper,
            design: d.design,
            outcome: d.outcome,
          }))}
          spread={drawn ? undefined : { min: c.min, q1: c.q1, median: c.median, q3: c.q3, max: c.max }}
        />
      </div>
      {drawn ? <DotChartLegend designs={[...new Set(c.dots.map((d) => d.design))]} /> : null}
      <details className="text-sm">
        <summary className="cursor-pointer text-improvement underline">Data table</summary>
        <div className="overflow-x-auto">
          {drawn ? (
            <FigureTable
              id={`${id}-table`}
              caption={title}
              wide
              columns={["Case", "Measure", "Change", "Interval", "Design", "Outcome"]}
              rows={c.dots.map((d) => ({
                href: `/cases/${d.slug}`,
                cells: [
                  d.title,
                  d.label,
                  readableChange(d.value, c.pp),
                  interval(d.lower, d.upper, c.pp),
                  DESIGN_LABELS[d.design],
                  OUTCOME_WORDS[d.outcome],
                ],
              }))}
            />
          ) : (
            <FigureTable
              id={`${id}-table`}
              caption={title}
              columns={[`Across ${c.cases} ${c.cases === 1 ? "case" : "cases"}`, "Change"]}
              rows={(
                [
                  ["Lowest", c.min],
                  ["Lower quartile", c.q1],
                  ["Median", c.median],
                  ["Upper quartile", c.q3],
                  ["Highest", c.max],
                ] as const
              ).map(([k, v]) => ({ cells: [k, readableChange(v, c.pp)] }))}
            />
          )}
        </div>
      </details>
      <ChartDownloads chartId={`${id}-chart`} tableId={`${id}-table`} fileName={`${id}`} />
    </section>
  );
}

export function ApproachCardView({ card }: { card: ApproachCard }) {
  const both = bothScales(card.categories);
  const words = card.findings.improved + card.findings.noClearDifference + card.findings.worsened + card.findings.unclear;
  return (
    <article
      id={`approach-${card.key}`}
      aria-labelledby={`approach-${card.key}-h`}
      className="space-y-3 rounded border border-slate-300 p-4"
      data-testid="approach-card"
    >
      <header className="space-y-1">
        <h3 id={`approach-${card.key}-h`} className="text-xl font-semibold">
          {card.name}
        </h3>
        <p className="text-sm text-slate-700">{card.description}</p>
      </header>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <div className="flex gap-2">
          <dt className="font-medium">Evidence rating</dt>
          <dd>
            <Padlocks count={evidencePadlocks(card)} />
          </dd>
        </div>
        <div className="flex gap-2">
          <dt className="font-medium">Cases and figures</dt>
          <dd>
            <Link href={`/approaches/${card.key}`} className="text-improvement underline">
              {formatNumber(card.cases, 0)} {card.cases === 1 ? "case" : "cases"}, {formatNumber(card.figures, 0)}{" "}
              {card.figures === 1 ? "figure" : "figures"}
            </Link>
          </dd>
        </div>
        <div className="flex gap-2 sm:col-span-2" data-testid="design-mix">
          <dt className="font-medium">Designs</dt>
          <dd>{designMix(card.designs)}</dd>
        </div>
        {words > 0 ? (
          <div className="flex gap-2 sm:col-span-2" data-testid="findings-count">
            <dt className="font-medium">Findings in words</dt>
            <dd>
              {card.findings.improved} improved, {card.findings.noClearDifference} no clear difference, {card.findings.worsened} worse
              {card.findings.unclear ? `, ${card.findings.unclear} unclear` : ""}
            </dd>
          </div>
        ) : null}
      </dl>
      {card.categories.length === 0 ? (
        <p className="text-sm text-slate-600">No figures that can be pooled{card.cases === 0 ? " (no published cases yet)" : ""}.</p>
      ) : (
        card.categories.map((c) => (
          <CategoryBlock key={`${c.category}-${c.pp}`} card={card} c={c} label={categoryName(c, both.has(c.category))} />
        ))
      )}
    </article>
  );
}
