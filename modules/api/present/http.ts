// The API's HTTP conventions, in one place: JSON bodies with a strong ETag and
// a 304 for a matching If-None-Match, Cache-Control for public reads, CORS open
// for reads, and problem documents for every error. Web-standard Request and
// Response only, so the unit tests need no server.
import { createHash } from "node:crypto";
import { makeProblem, PROBLEM_CONTENT_TYPE, type ProblemFieldError, type ProblemKind } from "./problem";

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** Published versions are frozen; a proxy may serve a withdrawn case for up to two minutes (a minute fresh, a minute stale while it refetches). */
export const PUBLIC_CACHE_CONTROL = "public, max-age=60, s-maxage=60, stale-while-revalidate=60";
/** Token-authenticated answers (drafts) are one analyst's: never stored by a shared cache. */
export const PRIVATE_CACHE_CONTROL = "private, no-store";

/** Any site may read the public API from a browser. Writes are for scripts, which need no CORS. */
export const CORS_READ_HEADERS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "ETag, Link, Location, Retry-After",
};

export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/**
 * Does If-None-Match name this ETag? Weak comparison (RFC 9110 §13.1.2): a
 * proxy that compressed the body may have made it W/"…"; "*" matches anything.
 */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((candidate) => candidate.trim() === "*" || bare(candidate) === bare(etag));
}

/** A public read: JSON with ETag, Cache-Control and CORS; 304 with no body when the client has it already. */
export function publicJson(request: Request, data: unknown, init: { headers?: Record<string, string> } = {}): Response {
  const body = JSON.stringify(data);
  const etag = etagOf(body);
  const headers = { ...CORS_READ_HEADERS, "cache-control": PUBLIC_CACHE_CONTROL, etag, vary: "Accept-Encoding", ...init.headers };
  if (ifNoneMatchHits(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(request.method === "HEAD" ? null : body, { status: 200, headers: { ...headers, "content-type": JSON_CONTENT_TYPE } });
}

/** A token-authenticated answer: JSON, never cached by others. */
export function privateJson(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { "content-type": JSON_CONTENT_TYPE, "cache-control": PRIVATE_CACHE_CONTROL, ...headers },
  });
}

export interface ProblemOptions {
  errors?: ProblemFieldError[];
  /** Reads answer errors with CORS too, so a browser client can read the problem. */
  cors?: boolean;
  headers?: Record<string, string>;
  [extension: string]: unknown;
}

export function problemResponse(
  siteUrl: string,
  request: Request,
  kind: ProblemKind,
  detail: string,
  options: ProblemOptions = {},
): Response {
  const { errors, cors, headers, ...extensions } = options;
  const problem = makeProblem(siteUrl, kind, detail, {
    instance: new URL(request.url).pathname,
    ...(errors ? { errors } : {}),
    ...extensions,
  });
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: {
      "content-type": PROBLEM_CONTENT_TYPE,
      "cache-control": "no-store",
      ...(cors ? CORS_READ_HEADERS : {}),
      ...(kind === "unauthorised" ? { "www-authenticate": 'Bearer realm="reform-metrics"' } : {}),
      ...headers,
    },
  });
}

/** The answer to a CORS preflight for a read-only address. */
export function preflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_READ_HEADERS,
      "access-control-allow-methods": "GET, HEAD, OPTIONS",
      "access-control-allow-headers": "If-None-Match, Accept",
      "access-control-max-age": "86400",
      allow: "GET, HEAD, OPTIONS",
    },
  });
}
