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
  if (request.nextUrl.pathname === "/cases") return rewriteCaseIndexView(request);
  if (request.nextUrl.pathname.startsWith("/embed/cases/")) return rewriteEmbedSeries(request);
  return NextResponse.next();
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
 */
function rewriteCaseIndexView(request: NextRequest) {
  const params: Record<string, string[]> = {};
  for (const [name, value] of request.nextUrl.searchParams) (params[name] ??= []).push(value);
  const segment = encodeCaseView(parseCaseSearch(params));
  if (!segment) return NextResponse.next(); // too long to cache: /cases renders it
  const target = request.nextUrl.clone();
  target.pathname = `/case-index/${segment}`;
  target.search = "";
  return NextResponse.rewrite(target);
}

// Paths with a %-escape (the only ones that can fail to decode), the case index and the embed (?series=).
export const config = { matcher: ["/((?!_next/static|_next/image).*%.*)", "/cases", "/embed/cases/:slug"] };
