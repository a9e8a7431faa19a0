import { NextResponse, type NextRequest } from "next/server";

// Next's router answers a path with a broken %-escape (e.g. /cases/%E0%A4%A)
// with a bare 500 while decoding the dynamic segment. Such a URL is the
// client's mistake: answer 400 before it reaches the router.
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse("Bad request: the address contains an invalid %-escape.", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return NextResponse.next();
}

// Only paths with a %-escape can fail to decode; everything else skips the proxy.
export const config = { matcher: ["/((?!_next/static|_next/image).*%.*)"] };
