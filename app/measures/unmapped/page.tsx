import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/modules/auth/session";
import { listMeasureTypes, listUnmappedDraftMeasures } from "@/modules/compare/data/measure-library";
import { suggestMeasureType } from "@/lib/domain/measure-type-suggestion";

export const metadata: Metadata = { title: "Unmapped measures", robots: { index: false } };

// Analysts map measures to types in the case editor (its "Measure type"
// select); this page finds the measures still unmapped in their organisation's
// drafts and suggests a type for each from its label.
export default async function UnmappedMeasuresPage() {
  const user = await requireUser("/measures/unmapped");
  if (user.role === "viewer") notFound();
  const orgId = user.role === "admin" ? null : user.organisationId;
  if (user.role !== "admin" && !orgId) notFound();
  const [measures, types] = await Promise.all([listUnmappedDraftMeasures(orgId), listMeasureTypes()]);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/measures" className="text-improvement underline">
          Measure library
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold">Measures not yet mapped to a type</h1>
      <p className="max-w-3xl text-slate-700">
        A measure mapped to a library type appears in the measure explorer and the approach overview once its case is published. The
        suggestion compares the measure&apos;s label with each type&apos;s name; check the definition before you accept it in the case
        editor.
      </p>
      {measures.length === 0 ? (
        <p>Every measure in {user.role === "admin" ? "the" : "your organisation's"} drafts has a type.</p>
      ) : (
        <table className="w-full border-collapse text-left text-sm" data-testid="unmapped-table">
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="py-2 pr-3">
                Measure
              </th>
              <th scope="col" className="py-2 pr-3">
                Case (draft)
              </th>
              <th scope="col" className="py-2 pr-3">
                Suggested type
              </th>
              <th scope="col" className="py-2">
                <span className="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {measures.map((m) => {
              const suggestion = suggestMeasureType(m.label, types);
              return (
                <tr key={m.measureId} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-3 font-medium">
                    {m.label}
                  </th>
                  <td className="py-2 pr-3">{m.caseTitle}</td>
                  <td className="py-2 pr-3">
                    {suggestion ? (
                      <Link href={`/measures/${suggestion.key}`} className="text-improvement underline">
                        {suggestion.name}
                      </Link>
                    ) : (
                      <span className="text-slate-600">No close match: choose in the editor, or ask an admin to add a type</span>
                    )}
                  </td>
                  <td className="py-2">
                    <Link href={`/workspace/cases/${m.caseId}`} className="text-improvement underline">
                      Map in the editor<span className="sr-only">: {m.label}</span>
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
