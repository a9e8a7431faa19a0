// How to cite a case: always the frozen version's address, so a citation in a
// board paper keeps pointing at the figures it quoted after later corrections.
import { formatLongDate } from "@/lib/present/dates";

export interface CitableCase {
  slug: string;
  title: string;
  organisation: string;
  version: number;
  publishedAt: string;
  /** Who published the source, and where the reform took place (issue 16). */
  reportingOrganisation?: string | null;
  country?: string | null;
}

export function versionPath(slug: string, version: number): string {
  return `/cases/${slug}/v/${version}`;
}

/** The k-th series (from 1, in measure order) of a published version: frozen with it, so citable. */
export function seriesPath(slug: string, version: number, k: number): string {
  return `${versionPath(slug, version)}/series/${k}`;
}

export function formatCitation(c: CitableCase, siteUrl: string): string {
  const year = c.publishedAt.slice(0, 4);
  const reported = c.reportingOrganisation ? ` Figures as reported by ${c.reportingOrganisation}.` : "";
  const where = c.country ? ` (${c.country})` : "";
  return `${c.organisation} (${year}). ${c.title}${where}.${reported} Reform Metrics case study, version ${c.version}, published ${formatLongDate(c.publishedAt)}. ${siteUrl}${versionPath(c.slug, c.version)}`;
}

export const DATASET_CITATION_TITLE = "Reform Metrics: published before-and-after results of public-service reforms";

export function formatDatasetCitation(siteUrl: string, retrieved: string): string {
  return `${DATASET_CITATION_TITLE}. All published case studies, retrieved ${formatLongDate(retrieved)}. ${siteUrl}/data`;
}
