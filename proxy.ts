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
  return NextResponse.next();
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

// Paths with a %-escape (the only ones that can fail to decode) and the case index.
export const config = { matcher: ["/((?!_next/static|_next/image).*%.*)", "/cases"] };
