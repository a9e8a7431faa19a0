// Problem details for HTTP APIs (RFC 9457): every error the API answers is one
// of these, as application/problem+json. Pure: the route handlers build the
// Response from it (see http.ts).
import type { z } from "zod";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** The kinds of problem the API answers; each has a stable type URI on the reference page. */
export const PROBLEM_TYPES = {
  "invalid-parameters": { status: 400, title: "Some query parameters are not valid" },
  "invalid-body": { status: 400, title: "The request body is not valid" },
  unauthorised: { status: 401, title: "A valid API token is needed" },
  forbidden: { status: 403, title: "This token may not do that" },
  "not-found": { status: 404, title: "Nothing is published at this address" },
  "method-not-allowed": { status: 405, title: "This address does not accept that method" },
  conflict: { status: 409, title: "Someone saved this draft first" },
  "payload-too-large": { status: 413, title: "The request body is too large" },
  "unsupported-media-type": { status: 415, title: "Send the body as application/json" },
  "too-many-requests": { status: 429, title: "Too many failed token attempts" },
  "server-error": { status: 500, title: "The service had a problem" },
} as const;

export type ProblemKind = keyof typeof PROBLEM_TYPES;

/** One field that failed validation: where (a dotted path and, for bodies, a JSON pointer) and why. */
export interface ProblemFieldError {
  path: string;
  pointer?: string;
  parameter?: string;
  detail: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: ProblemFieldError[];
  [extension: string]: unknown;
}

/** The type URI of a kind of problem: its anchor on the API reference page. */
export function problemType(siteUrl: string, kind: ProblemKind): string {
  return `${siteUrl}/data/api#problem-${kind}`;
}

export function makeProblem(
  siteUrl: string,
  kind: ProblemKind,
  detail: string,
  extra: { instance?: string; errors?: ProblemFieldError[]; [key: string]: unknown } = {},
): Problem {
  const { status, title } = PROBLEM_TYPES[kind];
  return { type: problemType(siteUrl, kind), title, status, detail, ...extra };
}

/** RFC 6901: "~" and "/" are escaped inside a pointer's tokens. */
function pointerOf(path: ReadonlyArray<PropertyKey>): string {
  return `#/${path.map((p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;
}

/**
 * zod issues as the problem's `errors`: for a query, the parameter's name; for a
 * body, a JSON pointer into it as well as the dotted path the workspace uses
 * ("measures.2.before"). `prefix` places a nested schema's paths in the body.
 */
export function problemErrorsFrom(
  error: z.ZodError,
  where: "query" | "body",
  prefix: ReadonlyArray<PropertyKey> = [],
): ProblemFieldError[] {
  return error.issues.map((issue) => {
    const full = [...prefix, ...issue.path];
    const path = full.map(String).join(".");
    if (where === "query") return { path: path || "(query)", parameter: path || undefined, detail: issue.message };
    return { path: path || "(body)", pointer: pointerOf(full), detail: issue.message };
  });
}

/** Field errors the data layer reports ({ "slug": ["taken"] }) as problem errors. */
export function problemErrorsFromFields(fieldErrors: Record<string, string[]>, prefix: string[] = []): ProblemFieldError[] {
  return Object.entries(fieldErrors).flatMap(([key, messages]) => {
    const path = [...prefix, ...key.split(".").filter(Boolean)];
    return messages.map((detail) => ({ path: path.join(".") || "(body)", pointer: pointerOf(path), detail }));
  });
}
