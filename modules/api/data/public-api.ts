import "server-only";
import { unstable_cache } from "next/cache";
import { getCachedCaseSearch, getCachedPublishedCase, getCachedPublishedCaseVersion } from "@/modules/cases/cache";
import { locatePublishedFigure } from "@/modules/cases/data/public-cases";
import { listMeasureTypes } from "@/modules/compare/data/measure-library";
import { listApproachLibrary } from "@/modules/compare/data/approach-library";
import { getCachedPublishedSeriesForCase } from "@/modules/spc/data/series";
import type { CaseListQuery } from "../schemas";

// The public API reads published, frozen content only, through the same
// readers (and Next's data cache, with the same tags) as the public pages and
// the downloads: a publish or unpublish expires the API's answers with them.

export function searchApiCases(q: CaseListQuery) {
  const sort = q.sort === "relevance" && !q.q ? "newest" : (q.sort ?? (q.q ? "relevance" : "newest"));
  return getCachedCaseSearch({
    q: q.q ?? "",
    sector: q.sector ?? null,
    approach: q.approach ?? null,
    shift: null,
    measure: null,
    year: null,
    sort,
    page: q.page,
    organisation: q.organisation ?? null,
    pageSize: q.page_size,
  });
}

export { getCachedPublishedCase as getApiCase, getCachedPublishedCaseVersion as getApiCaseVersion };

/** A figure's case version, or null; the lookup is cached under the public list's tag (any unpublish expires it). */
export async function getApiFigureCase(id: string) {
  const where = await unstable_cache(locatePublishedFigure, ["api-figure-location"], { tags: ["public-cases"] })(id);
  if (!where) return null;
  return getCachedPublishedCaseVersion(where.slug, where.version);
}

export async function getApiFigureSeries(id: string) {
  const where = await unstable_cache(locatePublishedFigure, ["api-figure-location"], { tags: ["public-cases"] })(id);
  if (!where) return null;
  const series = await getCachedPublishedSeriesForCase(where.slug, where.version);
  return series.find((s) => s.measureId === id) ?? null;
}

export async function listApiMeasureTypes() {
  const types = await listMeasureTypes();
  return types.map((t) => ({
    key: t.key,
    name: t.name,
    definition: t.definition,
    counting_unit: t.countingUnit,
    unit: t.unit,
    direction: t.direction,
    category: t.category,
    published_figures: t.published,
  }));
}

/** Accepted approaches only; who proposed one is not public. */
export async function listApiApproaches() {
  const approaches = await listApproachLibrary("accepted");
  return approaches.map((a) => ({
    key: a.key,
    name: a.name,
    description: a.description,
    source_citation: a.sourceCitation,
    source_url: a.sourceUrl,
    cases: a.cases,
  }));
}
