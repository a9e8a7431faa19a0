import type { Metadata } from "next";
import Link from "next/link";
import { canManageMeasureTypes } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/modules/auth/session";
import { getCachedMeasureTypes } from "@/modules/compare/data/measure-library";
import { DIRECTION_LABELS } from "@/lib/domain/labels";
import { CATEGORY_LABELS, UNIT_LABELS } from "@/lib/schemas/measure-type";

export const metadata: Metadata = {
  title: "Measure library",
  description:
    "The canonical measure types: what each counts, its unit and which direction is better, so that cases are compared like with like.",
};

export default async function MeasureLibraryPage() {
  const [types, user] = await Promise.all([getCachedMeasureTypes(), getCurrentUser()]);
  const categories = Object.keys(CATEGORY_LABELS).filter((c) => types.some((t) => t.category === c)) as Array<keyof typeof CATEGORY_LABELS>;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">Measure library</h1>
        <p className="max-w-3xl text-slate-700">
          Each measure type has a definition, a counting unit and a direction of improvement. Analysts map every measure of a case to a
          type, so leaders can see the same measure across all published cases. Choose a measure to see every case&apos;s change, or{" "}
          <Link href="/approaches" className="text-improvement underline">
            compare approaches
          </Link>
          .
        </p>
        {user && user.role !== "viewer" ? (
          <p className="text-sm">
            <Link href="/measures/unmapped" className="text-improvement underline">
              Measures in your drafts not yet mapped to a type
            </Link>
          </p>
        ) : null}
        {canManageMeasureTypes(user) ? (
          <p className="text-sm">
            <Link href="/admin/measure-types" className="text-improvement underline">
              Add or edit measure types
            </Link>
          </p>
        ) : null}
      </header>
      {categories.map((category) => (
        <section key={category} aria-labelledby={`cat-${category}`}>
          <h2 id={`cat-${category}`} className="mb-2 text-xl font-semibold">
            {CATEGORY_LABELS[category]}
          </h2>
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="w-1/4 py-2 pr-3">
                  Measure
                </th>
                <th scope="col" className="py-2 pr-3">
                  Definition
                </th>
                <th scope="col" className="py-2 pr-3">
                  Counting unit
                </th>
                <th scope="col" className="py-2 pr-3">
                  Unit
                </th>
                <th scope="col" className="py-2 pr-3">
                  Better when
                </th>
                <th scope="col" className="py-2 text-right">
                  Published figures
                </th>
              </tr>
            </thead>
            <tbody>
              {types
                .filter((t) => t.category === category)
                .map((t) => (
                  <tr key={t.key} className="border-b border-slate-200 align-top">
                    <th scope="row" className="py-2 pr-3 font-normal">
                      <Link href={`/measures/${t.key}`} className="font-medium text-improvement underline">
                        {t.name}
                      </Link>
                      <span className="block font-mono text-xs text-slate-600">{t.key}</span>
                    </th>
                    <td className="py-2 pr-3">{t.definition}</td>
                    <td className="py-2 pr-3">{t.countingUnit}</td>
                    <td className="py-2 pr-3">{UNIT_LABELS[t.unit]}</td>
                    <td className="py-2 pr-3">{DIRECTION_LABELS[t.direction]}</td>
                    <td className="py-2 text-right tabular-nums">{t.published.toLocaleString("en-GB")}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
