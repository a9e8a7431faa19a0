import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OutcomeTag } from "@/modules/cases/components/outcome-tag";
import { OUTCOME_WORDS, STATUS_WORDS, toneOf } from "@/modules/compare/components/pooled-text";
import { readableChange } from "@/modules/compare/components/approach-card";
import { ExampleBadge } from "@/components/ui/example-badge";
import { APPROACH_PAGE_SIZE, getApproach, listApproachFigures } from "@/modules/compare/data/approach-overview";
import { DESIGN_LABELS, formatFigure } from "@/lib/domain/evidence-text";
import { approachDetailSchema } from "@/lib/schemas/comparison";
import { CATEGORY_LABELS } from "@/lib/schemas/measure-type";

type Props = { params: Promise<{ key: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
type Category = keyof typeof CATEGORY_LABELS;
const KEY = /^[a-z0-9][a-z0-9_-]{0,79}$/;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { key } = await params;
  const a = KEY.test(key) ? await getApproach(key) : null;
  return { title: a ? `${a.name}: the figures behind the overview` : "Approach not found" };
}

/** The cases and figures behind one number of the approach overview. */
export default async function ApproachFiguresPage({ params, searchParams }: Props) {
  const { key } = await params;
  const approach = KEY.test(key) ? await getApproach(key) : null;
  if (!approach) notFound();
  const filter = approachDetailSchema.parse(await searchParams);
  const { total, cases, rows } = await listApproachFigures(approach.key, filter);
  const pages = Math.max(1, Math.ceil(total / APPROACH_PAGE_SIZE));
  const what = filter.category
    ? `${CATEGORY_LABELS[filter.category as Category] ?? filter.category} figures`
    : filter.outcome
      ? "Figures that got worse"
      : "All figures";
  const href = (page: number) =>
    `/approaches/${approach.key}?${new URLSearchParams({ ...(filter.category ? { category: filter.category } : {}), ...(filter.outcome ? { outcome: filter.outcome } : {}), page: String(page) })}`;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/approaches" className="text-improvement underline">
          Approaches compared
        </Link>
      </nav>
      <h1 className="text-3xl font-semibold">{approach.name}</h1>
      <p className="text-slate-700">
        {what}: {total} from {cases} published {cases === 1 ? "case" : "cases"}.
        {filter.category || filter.outcome ? (
          <>
            {" "}
            <Link href={`/approaches/${approach.key}`} className="text-improvement underline">
              Show every figure
            </Link>
          </>
        ) : null}
      </p>
      <table className="w-full border-collapse text-left text-sm" data-testid="approach-figures">
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="py-2 pr-3">
              Case
            </th>
            <th scope="col" className="py-2 pr-3">
              Measure
            </th>
            <th scope="col" className="py-2 pr-3">
              Change as reported or computed
            </th>
            <th scope="col" className="py-2 pr-3">
              Pooled change
              <a href="#method" className="text-improvement no-underline" aria-label="How the pooled change is calculated">
                <sup>1</sup>
              </a>
            </th>
            <th scope="col" className="py-2">
              Outcome
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.slug}-${i}`} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link href={`/cases/${r.slug}`} className="font-medium text-improvement underline">
                  {r.title}
                </Link>
                <span className="block text-xs text-slate-600">{r.organisation}</span>
                {r.isExample ? <ExampleBadge /> : null}
              </th>
              <td className="py-2 pr-3">
                {r.figures.label}
                {r.typeKey ? (
                  <Link href={`/measures/${r.typeKey}`} className="block text-xs text-improvement underline">
                    {r.typeName}
                  </Link>
                ) : (
                  <span className="block text-xs text-slate-600">no measure type</span>
                )}
              </td>
              <td className="py-2 pr-3 font-semibold">
                {formatFigure(r.figures, r.figures.assessment)}
                <span className="block text-xs font-normal text-slate-600">
                  {DESIGN_LABELS[r.design]} · evidence level {r.evidenceLevel}
                </span>
              </td>
              <td className="py-2 pr-3 tabular-nums" data-testid="pooled-change">
                {/* A leader reads a % change or points, never a log change (issue 14): see the footnote. */}
                {r.status === "pooled" && r.value !== null
                  ? readableChange(r.value, r.pp)
                  : r.status === "pooled"
                    ? "–"
                    : STATUS_WORDS[r.status]}
              </td>
              <td className="py-2">
                <OutcomeTag outcome={r.outcome} word={OUTCOME_WORDS[r.outcome]} tone={toneOf(r.outcome)} />
                {r.reportedOnly ? <span className="block text-xs text-slate-600">Reported change only</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav aria-label="Pages of figures" className="flex gap-4 text-sm">
          {filter.page > 1 ? (
            <Link href={href(filter.page - 1)} className="text-improvement underline">
              Previous page
            </Link>
          ) : null}
          <span>
            Page {filter.page} of {pages}
          </span>
          {filter.page < pages ? (
            <Link href={href(filter.page + 1)} className="text-improvement underline">
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
      <footer className="border-t border-slate-200 pt-3 text-xs text-slate-600">
        <p id="method" data-testid="pooled-method">
          <sup>1</sup> Pooled change: the figure on the scale the overview pools it on. Counts, time and money are pooled across cases as
          log changes, 100 × ln(after ÷ before), because they are symmetric (a halving and a doubling are the same size); each is shown here
          back-transformed into the per cent change it stands for. Measures that are percentages are pooled in percentage points (pp).
          Changes from a zero or small baseline, absolute changes and findings in words are never pooled: the column says why.
        </p>
      </footer>
    </div>
  );
}
