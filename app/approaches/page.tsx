import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Padlocks } from "@/modules/compare/components/padlocks";
import { formatPooled } from "@/modules/compare/components/pooled-text";
import { getCachedApproachOverview } from "@/modules/compare/data/approach-overview";
import { formatNumber } from "@/lib/domain/format";
import { EVIDENCE_RULE, evidencePadlocks } from "@/lib/domain/pooling";
import { DESIGN_SHORT } from "@/lib/domain/evidence-text";
import type { Design } from "@/lib/domain/evidence-types";
import { CATEGORY_LABELS } from "@/lib/schemas/measure-type";

export const metadata: Metadata = {
  title: "Approaches compared",
  description:
    "Each reform approach with its number of cases, median change per measure category, range, share of cases where something got worse, and an evidence rating.",
};

type Category = keyof typeof CATEGORY_LABELS;

export default async function ApproachesPage() {
  // Rendered at request time, never at build time (the build has no database);
  // the figures themselves come from the tagged data cache.
  await connection();
  const approaches = await getCachedApproachOverview();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">Approaches compared</h1>
        <p className="max-w-3xl text-slate-700">
          One row per approach, from every published case. Medians are log changes, 100 × ln(after ÷ before), for counts, time and money (≈
          % in brackets), and percentage points (pp) for measures that are percentages, because log changes are symmetric and can be pooled
          across cases. Each figure links to the cases behind it.
        </p>
        <p className="max-w-3xl rounded border-l-4 border-slate-400 bg-slate-50 p-3 text-sm" data-testid="evidence-rule">
          <strong>Evidence rating.</strong> {EVIDENCE_RULE} A plain before-and-after study, with no comparison group, rates low because it
          cannot separate the reform&apos;s effect from everything else that changed over the same time — new money, seasons, a trend
          already under way.
        </p>
      </header>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm" data-testid="approaches-table">
          <caption className="sr-only">Approaches with their figures and evidence rating</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="py-2 pr-3">
                Approach
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                Cases
              </th>
              <th scope="col" className="py-2 pr-3">
                Median change per measure category (range; n figures)
              </th>
              <th scope="col" className="py-2 pr-3">
                Cases where a figure got worse
              </th>
              <th scope="col" className="py-2">
                Evidence rating
              </th>
            </tr>
          </thead>
          <tbody>
            {approaches.map((a) => {
              const base = `/approaches/${a.key}`;
              const scale = (pp: boolean) => (pp ? "pp" : "log") as "pp" | "log";
              return (
                <tr key={a.key} className="border-b border-slate-200 align-top" data-testid="approach-row">
                  <th scope="row" className="py-2 pr-3">
                    <span className="font-semibold">{a.name}</span>
                    <span className="block text-xs font-normal text-slate-600">{a.description}</span>
                  </th>
                  <td className="py-2 pr-3 text-right tabular-nums">
                    <Link href={base} className="text-improvement underline">
                      {formatNumber(a.cases, 0)}
                      <span className="sr-only"> cases of {a.name}</span>
                    </Link>
                  </td>
                  <td className="py-2 pr-3">
                    {a.categories.length === 0 ? (
                      <span className="text-slate-600">No pooled figures yet</span>
                    ) : (
                      <ul className="space-y-1">
                        {a.categories.map((c) => (
                          <li key={`${c.category}-${c.pp}`}>
                            <Link
                              href={`${base}?category=${c.category}`}
                              className="text-improvement underline"
                              data-testid="category-figure"
                            >
                              {CATEGORY_LABELS[c.category as Category] ?? c.category}: {formatPooled(c.median, scale(c.pp))}
                            </Link>
                            <span className="text-xs text-slate-600">
                              {" "}
                              ({formatPooled(c.min, scale(c.pp))} to {formatPooled(c.max, scale(c.pp))}; n = {c.n}
                              {c.pp ? ", points" : ""})
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="py-2 pr-3 tabular-nums">
                    {a.cases === 0 ? (
                      "–"
                    ) : (
                      <Link href={`${base}?outcome=worsened`} className="text-improvement underline">
                        {formatNumber((100 * a.casesWorsened) / a.cases, 0)}% ({a.casesWorsened} of {a.cases})
                      </Link>
                    )}
                  </td>
                  <td className="py-2">
                    <Padlocks count={evidencePadlocks(a)} />
                    <span className="block text-xs text-slate-600">
                      median figure level {a.medianLevel ?? "–"}; {a.rawFigures} with their values or an interval, {a.reportedFigures}{" "}
                      reported-only
                    </span>
                    {Object.keys(a.designs).length > 0 ? (
                      <span className="block text-xs text-slate-600" data-testid="design-mix">
                        {(Object.entries(a.designs) as Array<[Design, number]>).map(([d, n]) => `${n} ${DESIGN_SHORT[d]}`).join(", ")}
                      </span>
                    ) : null}
                    {a.findings.improved + a.findings.noClearDifference + a.findings.worsened + a.findings.unclear > 0 ? (
                      <span className="block text-xs text-slate-600" data-testid="findings-count">
                        In words: {a.findings.improved} improved, {a.findings.noClearDifference} no clear difference, {a.findings.worsened}{" "}
                        worse
                      </span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
