import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { decodeCaseView } from "@/modules/cases/present/case-search";
import { caseIndexMetadata } from "@/modules/cases/present/case-index-metadata";
import { CaseIndexView } from "@/modules/cases/components/case-index-view";

// A filtered, sorted or later view of the case index. Readers never see this
// address: proxy.ts rewrites /cases and /cases?sector=health&sort=title here, with the view
// in canonical form as one segment, so each view is rendered once and then
// served from Next's cache (50 connections at a time cannot wait for a render
// each). Expired with the index when a case is published or withdrawn. Only
// filter views come here (a free-text search is rendered by /cases each time),
// and the cache keeps them in a share of memory of their own
// (lib/cache/cache-handler.cjs), so no stream of views evicts the case pages.
export const dynamic = "force-static";
export const dynamicParams = true;
export function generateStaticParams(): Array<{ view: string }> {
  return [];
}

type Props = { params: Promise<{ view: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const search = decodeCaseView((await params).view);
  return search && !search.q ? caseIndexMetadata(search) : {};
}

export default async function CaseIndexViewPage({ params }: Props) {
  const search = decodeCaseView((await params).view);
  if (!search || search.q) notFound();
  return <CaseIndexView search={search} />;
}
