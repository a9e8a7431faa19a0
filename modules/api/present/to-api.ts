// Public cases as the API shows them. The case and measure fields are the JSON
// download's (modules/cases/present/download-columns.ts), so the API, the CSV
// and the JSON files describe a figure with the same names and values. Pure.
import type { PublicCase, PublicCaseListItem } from "@/modules/cases/data/public-cases";
import type { CaseSearchResult } from "@/modules/cases/data/public-search";
import { formatCitation, versionPath } from "@/modules/cases/present/citation";
import { toDownloadJson } from "@/modules/cases/present/download-columns";
import type { SeriesForChart } from "@/modules/spc/present/spc";
import type { CaseListQuery } from "../schemas";

export const API_BASE = "/api/v1";

export const apiCasePath = (slug: string) => `${API_BASE}/cases/${slug}`;
export const apiVersionPath = (slug: string, n: number) => `${API_BASE}/cases/${slug}/versions/${n}`;
export const apiFigurePath = (id: string) => `${API_BASE}/figures/${id}`;

type Cell = string | number | boolean | null;

export function toApiCase(c: PublicCase, siteUrl: string) {
  const doc = toDownloadJson(c, siteUrl) as unknown as Record<string, Cell> & { measures: Array<Record<string, Cell>> };
  const { measures, ...fields } = doc;
  return {
    ...(fields as Record<string, Cell>),
    current_version: c.currentVersion,
    measures: measures.map((m): Record<string, Cell> => ({ ...m, figure_url: `${siteUrl}${apiFigurePath(String(m.figure_id))}` })),
    versions: toApiVersions(c, siteUrl),
  };
}

export function toApiVersions(c: PublicCase, siteUrl: string) {
  return c.versions.map((v) => ({
    number: v.number,
    published_at: v.publishedAt,
    change_note: v.changeNote,
    url: `${siteUrl}${apiVersionPath(c.slug, v.number)}`,
    case_url: `${siteUrl}${versionPath(c.slug, v.number)}`,
  }));
}

/** One figure of a case version, with where to cite it; null when the version has no such figure. */
export function toApiFigure(c: PublicCase, figureId: string, siteUrl: string) {
  const doc = toApiCase(c, siteUrl);
  const measure = doc.measures.find((m) => m.figure_id === figureId);
  if (!measure) return null;
  const caseUrl = `${siteUrl}${versionPath(c.slug, c.version)}`;
  return {
    data: measure,
    case: {
      slug: c.slug,
      title: c.title,
      version: c.version,
      case_url: caseUrl,
      citation: formatCitation(c, siteUrl),
      is_fictional_example: c.isExample,
    },
    cite_as: `${caseUrl}#figure-${figureId}`,
  };
}

export function toApiSeries(s: SeriesForChart) {
  return {
    data: {
      figure_id: s.measureId,
      label: s.label,
      unit: s.unit,
      rate_basis: s.rateBasis,
      direction: s.direction,
      frequency: s.frequency,
      headline_method: s.headlineMethod,
      intervention_date: s.interventionDate,
      target: s.target,
      rebase_dates: s.rebaseDates,
      run_length: s.runLength,
      points: s.points.map((p) => ({ date: p.date, value: p.value, annotation: p.annotation ?? null })),
    },
  };
}

function toApiSummary(item: PublicCaseListItem, siteUrl: string) {
  return {
    slug: item.slug,
    title: item.title,
    organisation: item.organisation,
    organisation_slug: item.organisationSlug ?? "",
    sector: item.sector,
    approach: item.approach && item.approachKey ? { key: item.approachKey, name: item.approach } : null,
    published_at: item.publishedAt,
    measure_count: item.measureCount,
    is_fictional_example: item.isExample,
    url: `${siteUrl}${apiCasePath(item.slug)}`,
    case_url: `${siteUrl}/cases/${item.slug}`,
  };
}

/** The list query as a URL: defaults left out, so links are canonical. */
export function caseListHref(siteUrl: string, q: CaseListQuery, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["q", "sector", "approach", "organisation", "sort"] as const) {
    const value = q[key];
    if (value) params.set(key, value);
  }
  if (q.page_size !== 20) params.set("page_size", String(q.page_size));
  if (page !== 1) params.set("page", String(page));
  const search = params.toString();
  return `${siteUrl}${API_BASE}/cases${search ? `?${search}` : ""}`;
}

export function toApiCaseList(result: CaseSearchResult, q: CaseListQuery, siteUrl: string) {
  // A page past the end is answered with the last page's number (as the index does), so links stay consistent.
  const page = result.page;
  return {
    data: result.items.map((item) => toApiSummary(item, siteUrl)),
    meta: { page, page_size: q.page_size, total: result.total, page_count: result.pageCount },
    links: {
      self: caseListHref(siteUrl, q, page),
      first: caseListHref(siteUrl, q, 1),
      prev: page > 1 ? caseListHref(siteUrl, q, page - 1) : null,
      next: page < result.pageCount ? caseListHref(siteUrl, q, page + 1) : null,
    },
  };
}

/**
 * A stored case's content in the shape the case schema accepts back (PUT's
 * `case`): the store writes "not given" as null, the schema takes it as absent.
 */
export function toCaseInputShape(content: unknown): unknown {
  if (Array.isArray(content)) return content.map(toCaseInputShape);
  if (content === null || typeof content !== "object") return content;
  return Object.fromEntries(
    Object.entries(content)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, toCaseInputShape(v)]),
  );
}
