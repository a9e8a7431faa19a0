import Link from "next/link";
import { getCachedPublishedCaseList } from "@/modules/cases/cache";
import { CaseList } from "@/modules/cases/components/case-list";
import { featuredCases } from "@/modules/cases/present/featured-cases";

// A short landing page: what this is, a few published cases (real results
// before fictional examples), and the way to the full index. The list comes
// from Next's cache, so the build needs no database and visits do not query it.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const cases = await getCachedPublishedCaseList();
  const featured = featuredCases(cases);
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-3xl font-semibold">Reform results, with their sources</h1>
        <p className="max-w-3xl text-lg text-slate-700">
          Public services are moving from command and control to relational ways of working. Reform Metrics records what changed —
          assessments, referrals, failure demand, time with people — exactly as each source reports it, and charts the changes by whether
          they are improvements.
        </p>
        <p className="max-w-3xl text-slate-700">
          Some case studies here are <strong>fictional examples</strong> made up to demonstrate the product; each is labelled.
        </p>
      </section>
      <section aria-labelledby="cases-heading" className="space-y-4">
        <h2 id="cases-heading" className="text-xl font-semibold">
          Published case studies ({cases.length.toLocaleString("en-GB")})
        </h2>
        {cases.length === 0 ? <p>No case studies have been published yet.</p> : <CaseList cases={featured} />}
        <p className="flex flex-wrap gap-6">
          <Link href="/cases" className="font-semibold text-improvement underline">
            Search all case studies
          </Link>
          <Link href="/data" className="text-improvement underline">
            Download the data
          </Link>
        </p>
      </section>
    </div>
  );
}
