import { getCachedCaseSearch, getCachedSearchFacets } from "@/modules/cases/cache";
import type { CaseSearch } from "@/modules/cases/present/case-search";
import { EVIDENCE_RULE } from "@/lib/domain/pooling";
import { CaseList } from "./case-list";
import { CaseSearchForm } from "./case-search-form";
import { Pagination } from "./pagination";

// One view of the case index: the search form, the count and a page of results.
// Served by /cases (the unfiltered first page) and, for every other view, by the
// cached page proxy.ts rewrites /cases?… to (app/case-index/[view]).
export async function CaseIndexView({ search }: { search: CaseSearch }) {
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
          {result.total === 0
            ? "No case studies match"
            : `${result.total.toLocaleString("en-GB")} ${result.total === 1 ? "case study" : "case studies"}`}
        </h2>
        {result.total === 0 ? <p>Try fewer filters or different words.</p> : <CaseList cases={result.items} />}
        <Pagination search={search} page={result.page} pageCount={result.pageCount} />
        {result.total > 0 ? (
          <p className="max-w-3xl text-xs text-slate-600" data-testid="index-evidence-rule">
            Each card shows the case&apos;s first figures as its page does. Evidence rating, as on the approaches overview: {EVIDENCE_RULE}{" "}
            A card stands for one case.
          </p>
        ) : null}
      </section>
    </div>
  );
}
