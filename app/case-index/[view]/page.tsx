import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { decodeCaseView } from "@/modules/cases/present/case-search";
import { caseIndexMetadata } from "@/modules/cases/present/case-index-metadata";
import { CaseIndexView } from "@/modules/cases/components/case-index-view";

// A filtered, sorted or later view of the case index. Readers never see this
// address: proxy.ts rewrites /cases and /cases?sector=health&sort=title here, with the view
// in canonical form as one segment, so each view is rendered once and then
// served from Next's cache (50 connections at a time cannot wait for a render
// each). Expired with the index when a case is published or withdrawn. Next
// keeps these entries in memory only (next.config.js), so however many
// distinct searches arrive, the cache stays within its memory limit.
export const dynamic = "force-static";
export const dynamicParams = true;
export function generateStaticParams(): Array<{ view: string }> {
  return [];
}

type Props = { params: Promise<{ view: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const search = decodeCaseView((await params).view);
  return search ? caseIndexMetadata(search) : {};
}

export default async function CaseIndexViewPage({ params }: Props) {
  const search = decodeCaseView((await params).view);
  if (!search) notFound();
  return <CaseIndexView search={search} />;
}
