"use client";

import Link from "next/link";
import { REFORM_SHIFT_LABELS, SECTOR_LABELS } from "@/lib/domain/labels";
import { SORT_LABELS, type CaseSearch } from "@/modules/cases/present/case-search";
import type { SearchFacets } from "@/modules/cases/data/public-search";

// A plain GET form: works without JavaScript, and its query string is the
// view's address, so a link reproduces the search. A client component only so
// that the facets travel in the page's RSC payload as data rather than as
// rendered <option>s (see modules/cases/components/case-view.tsx); it has no state.
function Select({ name, label, value, options }: { name: string; label: string; value: string; options: Array<[string, string]> }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`f-${name}`} className="text-sm font-semibold">
        {label}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={value} className="rounded border border-slate-500 bg-white p-2 text-sm">
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CaseSearchForm({ search, facets }: { search: CaseSearch; facets: SearchFacets }) {
  const any = (text: string): [string, string] => ["", text];
  return (
    <form
      method="get"
      action="/cases"
      role="search"
      aria-label="Search and filter case studies"
      className="space-y-3 rounded border border-slate-300 p-4"
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="f-q" className="text-sm font-semibold">
          Search titles, summaries, organisations and measures
        </label>
        <input id="f-q" type="search" name="q" defaultValue={search.q} className="rounded border border-slate-500 p-2" />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <Select name="sector" label="Sector" value={search.sector ?? ""} options={[any("Any sector"), ...Object.entries(SECTOR_LABELS)]} />
        <Select
          name="approach"
          label="Approach"
          value={search.approach ?? ""}
          options={[any("Any approach"), ...facets.approaches.map((a): [string, string] => [a.key, a.name])]}
        />
        <Select
          name="shift"
          label="Reform shift"
          value={search.shift ?? ""}
          options={[any("Any shift"), ...Object.entries(REFORM_SHIFT_LABELS)]}
        />
        <Select
          name="measure"
          label="Measure type"
          value={search.measure ?? ""}
          options={[any("Any measure"), ...facets.measureTypes.map((t): [string, string] => [t.key, t.name])]}
        />
        <Select
          name="year"
          label="Year the reform began"
          value={search.year === null ? "" : String(search.year)}
          options={[any("Any year"), ...facets.years.map((y): [string, string] => [String(y), String(y)])]}
        />
        <Select name="sort" label="Sort by" value={search.sort} options={Object.entries(SORT_LABELS)} />
      </div>
      <div className="flex items-center gap-4">
        <button type="submit" className="rounded bg-improvement px-4 py-2 font-semibold text-white">
          Show case studies
        </button>
        <Link href="/cases" className="text-sm text-improvement underline">
          Clear search and filters
        </Link>
      </div>
    </form>
  );
}
