import type { Metadata } from "next";
import { getCachedCaseSearch, getCachedSearchFacets } from "@/lib/cache/public-cases";
import { caseSearchHref, isUnfiltered, parseCaseSearch } from "@/lib/present/case-search";
import { readSiteUrl } from "@/lib/present/site-url";
import { CaseList } from "@/components/cases/case-list";
import { CaseSearchForm } from "@/components/cases/case-search-form";
import { Pagination } from "@/components/cases/pagination";

// Rendered per request (the view lives in the query string), but each distinct
// view's results come from Next's cache, expired when any case is published or
// withdrawn: repeated views do not query the database.
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const search = parseCaseSearch(await searchParams);
  return {
    metadataBase: new URL(readSiteUrl()),
    title: "Case studies",
    description: "Search published before-and-after results of public-service reforms by sector, approach, reform shift, measure and year.",
    alternates: { canonical: caseSearchHref(search) },
    // Filtered views are for people, not search engines.
    robots: isUnfiltered(search) && search.page === 1 ? undefined : { index: false, follow: true },
  };
}

export default async function CasesIndexPage({ searchParams }: Props) {
  const search = parseCaseSearch(await searchParams);
  const [result, facets] = await Promise.all([getCachedCaseSearch(search), getCachedSearchFacets()]);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold">Case studies</h1>
      <p className="max-w-3xl text-slate-700">
        Published before-and-after results, each with its source. Cases marked <strong>Fictional example</strong> are made-up demonstration
        data, not real results.
      </p>
      <CaseSearchForm search={search} facets={facets} />
      <section aria-labelledby="results-heading" className="space-y-4">
        <h2 id="results-heading" className="text-xl font-semibold" aria-live="polite" data-testid="result-count">
          {result.total === 0 ? "No case studies match" : `${result.total.toLocaleString("en-GB")} ${result.total === 1 ? "case study" : "case studies"}`}
        </h2>
        {result.total === 0 ? <p>Try fewer filters or different words.</p> : <CaseList cases={result.items} />}
        <Pagination search={search} page={result.page} pageCount={result.pageCount} />
      </section>
    </div>
  );
}
