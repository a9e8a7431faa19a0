import type { Metadata } from "next";
import { caseSearchHref, isUnfiltered, type CaseSearch } from "./case-search";
import { readSiteUrl } from "@/lib/present/site-url";

/** Metadata of one view of the case index; its canonical address is always /cases?…, never the internal page. */
export function caseIndexMetadata(search: CaseSearch): Metadata {
  return {
    metadataBase: new URL(readSiteUrl()),
    title: "Case studies",
    description: "Search published before-and-after results of public-service reforms by sector, approach, reform shift, measure and year.",
    alternates: { canonical: caseSearchHref(search) },
    // Filtered views are for people, not search engines.
    robots: isUnfiltered(search) && search.page === 1 ? undefined : { index: false, follow: true },
  };
}
