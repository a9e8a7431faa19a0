import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MeasureTypeForm } from "@/modules/compare/components/measure-type-form";
import { canManageMeasureTypes } from "@/lib/auth/permissions";
import { requireUser } from "@/modules/auth/session";
import { listMeasureTypes } from "@/modules/compare/data/measure-library";
import { CATEGORY_LABELS, UNIT_LABELS } from "@/lib/schemas/measure-type";

export const metadata: Metadata = { title: "Measure types", robots: { index: false } };

type Props = { searchParams: Promise<{ saved?: string }> };

export default async function AdminMeasureTypesPage({ searchParams }: Props) {
  const user = await requireUser("/admin/measure-types");
  if (!canManageMeasureTypes(user)) notFound();
  const [types, { saved }] = await Promise.all([listMeasureTypes(), searchParams]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Measure types</h1>
      {saved ? (
        <p role="status" className="font-medium text-improvement">
          Saved the measure type “{saved}”.
        </p>
      ) : null}
      <section className="rounded border border-slate-200 p-4" aria-labelledby="add-type">
        <h2 id="add-type" className="mb-3 text-xl font-semibold">
          Add a measure type
        </h2>
        <MeasureTypeForm values={{ key: "", name: "", definition: "", countingUnit: "", unit: "", direction: "", category: "" }} />
      </section>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-xl font-semibold">The library</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-4">
              Name
            </th>
            <th scope="col" className="py-2 pr-4">
              Key
            </th>
            <th scope="col" className="py-2 pr-4">
              Category
            </th>
            <th scope="col" className="py-2 pr-4">
              Unit
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Published figures
            </th>
            <th scope="col" className="py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {types.map((t) => (
            <tr key={t.id} className="border-b border-slate-200">
              <th scope="row" className="py-2 pr-4 font-normal">
                {t.name}
              </th>
              <td className="py-2 pr-4 font-mono">{t.key}</td>
              <td className="py-2 pr-4">{CATEGORY_LABELS[t.category]}</td>
              <td className="py-2 pr-4">{UNIT_LABELS[t.unit]}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{t.published}</td>
              <td className="py-2">
                <Link href={`/admin/measure-types/${t.id}`} className="text-improvement underline">
                  Edit<span className="sr-only"> {t.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
