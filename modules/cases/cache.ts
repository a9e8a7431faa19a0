import "server-only";
import { revalidatePath, revalidateTag, unstable_cache } from "next/cache";
import { waitForReplicas } from "@/lib/db";
import {
  getPublishedCase,
  getPublishedCaseVersion,
  listPublishedCases,
  listPublishedCasesWithMeasures,
} from "@/modules/cases/data/public-cases";
import { listSearchFacets, searchPublishedCases, type PublicCaseQuery } from "@/modules/cases/data/public-search";
import type { CaseSearch } from "@/modules/cases/present/case-search";

// Public traffic reads the database only to fill Next's cache: every public
// read goes through one of these wrappers, tagged so that one publish,
// unpublish, archive or restore expires exactly what shows that case.
// Pages on dynamic segments are also ISR-cached whole (generateStaticParams
// returning []), and their cache entries carry these data tags too.

/** Everything that lists many cases: index, home, sitemap, all-data downloads, facets. */
const LIST_TAG = "public-cases";
const caseTag = (slug: string) => `public-case:${slug}`;

export function getCachedPublishedCase(slug: string) {
  return unstable_cache(getPublishedCase, ["public-case"], { tags: [caseTag(slug)] })(slug);
}

export function getCachedPublishedCaseVersion(slug: string, number: number) {
  return unstable_cache(getPublishedCaseVersion, ["public-case-version"], { tags: [caseTag(slug)] })(slug, number);
}

export const getCachedPublishedCaseList = unstable_cache(listPublishedCases, ["public-case-list"], { tags: [LIST_TAG] });

export const getCachedAllPublishedCases = unstable_cache(listPublishedCasesWithMeasures, ["public-all-cases"], { tags: [LIST_TAG] });

export const getCachedSearchFacets = unstable_cache(listSearchFacets, ["public-search-facets"], { tags: [LIST_TAG] });

/**
 * The cache handler keeps entries with this tag (and the /case-index views)
 * in a share of memory of their own (lib/cache/cache-handler.cjs, VIEW_TAG),
 * so that many distinct views never push case pages out.
 */
const VIEW_TAG = "public-case-views";

/**
 * A filter view's results are cached; a free-text search's are not: anyone can
 * make endless distinct searches, and each would be an entry of its own.
 */
export function getCachedCaseSearch(search: CaseSearch | PublicCaseQuery) {
  if (search.q) return searchPublishedCases(search);
  return unstable_cache(searchPublishedCases, ["public-case-search"], { tags: [LIST_TAG, VIEW_TAG] })(search);
}

/**
 * Called by every action that changes what the public sees of a case (publish,
 * republish, unpublish, archive, restore, slug change). `{ expire: 0 }`: the
 * next request renders afresh rather than being served the old version once
 * more (stale-while-revalidate would show an unpublished case one extra time).
 * Public reads may come from a replica: the cache is expired once the replicas
 * have replayed the change, or the fresh render would cache the old rows.
 */
export async function revalidatePublicCase(slug: string): Promise<void> {
  // The change is committed whatever the replicas do: the cache is always
  // expired. If they lag past the wait (or the wait fails), expire once more
  // when they have surely caught up, so a render from a stale replica made in
  // between does not stay cached.
  let caughtUp = false;
  try {
    caughtUp = await waitForReplicas();
  } finally {
    expirePublicCase(slug);
    if (!caughtUp) setTimeout(() => expirePublicCase(slug), REPLICA_RETRY_MS).unref();
  }
}

/**
 * A save that changed a live case's slug moves its public page at once: the
 * pages under the old address, the new one and every list that links it expire.
 */
export async function revalidateMovedCase(saved: { publicSlugChangedFrom: string | null }, newSlug: string): Promise<void> {
  if (!saved.publicSlugChangedFrom) return;
  await revalidatePublicCase(saved.publicSlugChangedFrom);
  expirePublicCase(newSlug);
}

/** A second expiry after a replica lagged, well past any healthy replication delay. */
const REPLICA_RETRY_MS = 30_000;

function expirePublicCase(slug: string): void {
  revalidateTag(caseTag(slug), { expire: 0 });
  revalidateTag(LIST_TAG, { expire: 0 });
  // The tags reach every cached page and handler that read the data; the paths
  // make sure ISR entries (pages, the social card, the 404 a not-yet-published
  // slug left in the cache) are rebuilt too.
  for (const path of [`/cases/${slug}`, `/embed/cases/${slug}`, `/cases/${slug}/opengraph-image`]) revalidatePath(path);
  revalidatePath("/cases/[slug]/v/[n]", "page");
  revalidatePath("/cases/[slug]/v/[n]/series/[k]", "page");
  revalidatePath("/embed/cases/[slug]/series/[k]", "page"); // the embed with a chosen series (proxy.ts)
  revalidatePath("/downloads/cases/[file]", "page");
  revalidatePath("/case-index/[view]", "page"); // every cached view of /cases (proxy.ts)
  for (const path of ["/", "/cases", "/sitemap.xml"]) revalidatePath(path);
}
