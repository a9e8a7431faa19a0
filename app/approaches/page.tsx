import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ApproachCardView, bothScales, categoryHeadline, categoryName, categoryPadlocks } from "@/modules/compare/components/approach-card";
import { ApproachFiltersForm } from "@/modules/compare/components/approach-filters";
import { leadersByCategory } from "@/modules/compare/components/approach-leaders";
import { Padlocks } from "@/modules/compare/components/padlocks";
import { getCachedApproachCards } from "@/modules/compare/data/approach-cards";
import { EVIDENCE_RULE } from "@/lib/domain/pooling";
import { parseApproachFilters } from "@/lib/schemas/comparison";

export const metadata: Metadata = {
  title: "Approaches compared",
  description:
    "Each reform approach as a card: what changed per measure category in plain words, a chart of every case's change, the evidence rating, and the cases, figures and designs behind it.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ApproachesPage({ searchParams }: Props) {
  // Rendered at request time, never at build time (the build has no database);
  // the figures themselves come from the tagged data cache.
  await connection();
  const filters = parseApproachFilters(await searchParams);
  const cards = await getCachedApproachCards(filters);
  const leaders = leadersByCategory(cards);
  const both = bothScales(leaders);
  const withCases = cards.filter((c) => c.cases > 0);
  const without = cards.filter((c) => c.cases === 0);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">Approaches compared</h1>
        <p className="max-w-3xl text-slate-700">
          What changed under each reform approach, from every published case: per measure category, in how many cases it went down or up and
          by how much, a chart with a dot for each figure (linked to its case), and how sure we can be. Changes are shown as per cent
          changes, or in percentage points for measures that are themselves percentages.<sup>1</sup>
        </p>
      </header>
      <ApproachFiltersForm filters={filters} />
      <section aria-labelledby="leaders-heading" className="space-y-2">
        <h2 id="leaders-heading" className="text-xl font-semibold">
          Which approach improved each measure most
        </h2>
        {leaders.length === 0 ? (
          <p>No approach has a figure that improved{filters.sector || filters.design || filters.level ? " with these filters" : ""}.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm" data-testid="category-leaders">
              <caption className="sr-only">
                For each measure category, the approach whose cases typically improved it most, with its evidence rating
              </caption>
              <thead>
                <tr className="border-b-2 border-slate-300">
                  <th scope="col" className="py-2 pr-3">
                    Measure
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Largest typical improvement
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    What happened
                  </th>
                  <th scope="col" className="py-2">
                    Evidence rating
                  </th>
                </tr>
              </thead>
              <tbody>
                {leaders.map((l) => (
                  <tr key={`${l.category}-${l.pp}`} className="border-b border-slate-200 align-top" data-testid="category-leader">
                    <th scope="row" className="py-2 pr-3">
                      {categoryName(l, both.has(l.category))}
                    </th>
                    <td className="py-2 pr-3">
                      <Link href={`#approach-${l.card.key}`} className="font-medium text-improvement underline">
                        {l.card.name}
                      </Link>
                      <span className="block text-xs text-slate-600">
                        of {l.approaches} {l.approaches === 1 ? "approach" : "approaches"} with figures
                      </span>
                    </td>
                    <td className="py-2 pr-3">{categoryHeadline(l.figure).replace(/^[^:]+: /, "")}</td>
                    <td className="py-2">
                      <Padlocks count={categoryPadlocks(l.figure)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="cards-heading" className="space-y-4">
        <h2 id="cards-heading" className="text-xl font-semibold">
          Every approach ({withCases.length} with published cases)
        </h2>
        <p className="max-w-3xl rounded border-l-4 border-slate-400 bg-slate-50 p-3 text-sm" data-testid="evidence-rule">
          <strong>Evidence rating.</strong> {EVIDENCE_RULE} A plain before-and-after study, with no comparison group, rates low because it
          cannot separate the reform&apos;s effect from everything else that changed over the same time — new money, seasons, a trend
          already under way.
        </p>
        {withCases.map((card) => (
          <ApproachCardView key={card.key} card={card} />
        ))}
        {without.length > 0 ? (
          <p className="text-sm text-slate-700" data-testid="approaches-without-cases">
            No published cases yet{filters.sector || filters.design || filters.level ? " with these filters" : ""}:{" "}
            {without.map((c) => c.name).join(", ")}.
          </p>
        ) : null}
      </section>
      <footer className="space-y-1 border-t border-slate-200 pt-3 text-xs text-slate-600">
        <p id="method">
          <sup>1</sup> Method. Each figure is computed once when its case is published. Counts, time and money are pooled across cases as
          log changes, 100 × ln(after ÷ before), because they are symmetric (a halving and a doubling are the same size); each is shown here
          as the per cent change it stands for. Measures that are percentages are pooled in percentage points. A case with several figures
          in a category counts once, at the mean of its figures. &ldquo;Typically&rdquo; is the middle half of the cases from four cases up,
          and every case below that. Changes from a zero or small baseline, absolute changes and findings in words are listed on each
          approach&apos;s page, never pooled.
        </p>
      </footer>
    </div>
  );
}
