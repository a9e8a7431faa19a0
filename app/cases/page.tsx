import type { Metadata } from "next";
import { parseCaseSearch } from "@/modules/cases/present/case-search";
import { caseIndexMetadata } from "@/modules/cases/present/case-index-metadata";
import { CaseIndexView } from "@/modules/cases/components/case-index-view";

// The case index, its view in the query string. proxy.ts rewrites every request
// for /cases to the cached twin of this page (app/case-index/[view]), so this
// render-per-request version is what runs only where the proxy does not.
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return caseIndexMetadata(parseCaseSearch(await searchParams));
}

export default async function CasesIndexPage({ searchParams }: Props) {
  return <CaseIndexView search={parseCaseSearch(await searchParams)} />;
}
