import { NextResponse, type NextRequest } from "next/server";
import { encodeCaseView, parseCaseSearch } from "@/modules/cases/present/case-search";

// Runs only for the paths in `config.matcher` below.
export function proxy(request: NextRequest) {
  // Next's router answers a path with a broken %-escape (e.g. /cases/%E0%A4%A)
  // with a bare 500 while decoding the dynamic segment. Such a URL is the
  // client's mistake: answer 400 before it reaches the router.
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse("Bad request: the address contains an invalid %-escape.", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  if (isCrossOriginFormPost(request)) {
    return new NextResponse("Forbidden: this form can only be sent from this site's own pages.", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  if (request.nextUrl.pathname === "/cases") return rewriteCaseIndexView(request);
  if (request.nextUrl.pathname.startsWith("/embed/cases/")) return rewriteEmbedSeries(request);
  return NextResponse.next();
}

/**
 * A server action (or a form posted to a page) from another site. Next refuses
 * it too, but as a 500 with no word (issue 19: a cross-origin POST to the
 * sign-in form); it is the client's request that is wrong, so it is a 403.
 * Compared as Next compares: the Origin's host against the forwarded host or Host.
 */
function isCrossOriginFormPost(request: NextRequest): boolean {
  if (request.method !== "POST") return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false; // same-origin navigations of old browsers; Next checks these itself
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (a sandboxed frame, a privacy-sensitive redirect) or garbage
  }
}

/**
 * /embed/cases/<slug>?series=<k> → /embed/cases/<slug>/series/<k>, a cached
 * page (a page that read the query string would render on every request).
 * The page answers 404 for a k that is not one of the case's series.
 */
function rewriteEmbedSeries(request: NextRequest) {
  const k = request.nextUrl.searchParams.get("series");
  const slug = /^\/embed\/cases\/([^/]+)$/.exec(request.nextUrl.pathname)?.[1];
  if (k === null || !slug) return NextResponse.next();
  const target = request.nextUrl.clone();
  target.pathname = `/embed/cases/${slug}/series/${encodeURIComponent(k) || "0"}`;
  target.search = "";
  return NextResponse.rewrite(target);
}

/**
 * /cases?sector=health&sort=title → the cached page of that view. A page that
 * reads its query string is rendered on every request; a path segment can be
 * cached. The address in the browser stays /cases?….
 *
 * Only filter views (sector, approach, shift, measure, year, sort, page) are
 * cached, and the cache keeps them in a share of memory of their own. A
 * free-text search (q) is rendered by /cases on every request and never
 * cached: anyone can make endless distinct searches, and cached they would
 * push the case pages out.
 */
function rewriteCaseIndexView(request: NextRequest) {
  const params: Record<string, string[]> = {};
  for (const [name, value] of request.nextUrl.searchParams) (params[name] ??= []).push(value);
  const search = parseCaseSearch(params);
  if (search.q) return NextResponse.next();
  const segment = encodeCaseView(search);
  if (!segment) return NextResponse.next(); // too long to cache: /cases renders it
  const target = request.nextUrl.clone();
  target.pathname = `/case-index/${segment}`;
  target.search = "";
  return NextResponse.rewrite(target);
}

// Paths with a %-escape (the only ones that can fail to decode), the case index, the embed (?series=),
// and server-action or form posts to pages that carry an Origin (route handlers under /api check their own).
// Literal values only: Next reads this object without running the module.
export const config = {
  matcher: [
    "/((?!_next/static|_next/image).*%.*)",
    "/cases",
    "/embed/cases/:slug",
    {
      source: "/((?!_next/|api/).*)",
      has: [
        { type: "header", key: "origin" },
        { type: "header", key: "next-action" },
      ],
    },
    {
      source: "/((?!_next/|api/).*)",
      has: [
        { type: "header", key: "origin" },
        { type: "header", key: "content-type", value: "(multipart/form-data|application/x-www-form-urlencoded).*" },
      ],
    },
  ],
};
