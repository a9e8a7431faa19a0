import { describe, expect, it } from "vitest";
import { z } from "zod";
import { etagOf, ifNoneMatchHits, preflightResponse, problemResponse, publicJson } from "./http";
import { makeProblem, problemErrorsFrom, problemErrorsFromFields } from "./problem";

const SITE = "https://metrics.example.org";

describe("ETag and If-None-Match", () => {
  it("gives equal bodies equal tags and different bodies different ones", () => {
    expect(etagOf('{"a":1}')).toBe(etagOf('{"a":1}'));
    expect(etagOf('{"a":1}')).not.toBe(etagOf('{"a":2}'));
    expect(etagOf("x")).toMatch(/^"[A-Za-z0-9_-]+"$/);
  });

  it("matches a listed tag, a weak copy of it, or *; nothing else", () => {
    const tag = etagOf("body");
    expect(ifNoneMatchHits(tag, tag)).toBe(true);
    expect(ifNoneMatchHits(`"other", W/${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits("*", tag)).toBe(true);
    expect(ifNoneMatchHits('"other"', tag)).toBe(false);
    expect(ifNoneMatchHits(null, tag)).toBe(false);
  });

  it("answers 304 without a body when the client has the answer, with CORS and caching headers either way", async () => {
    const first = publicJson(new Request(`${SITE}/api/v1/x`), { a: 1 });
    expect(first.status).toBe(200);
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    expect(first.headers.get("cache-control")).toContain("public");
    const again = publicJson(new Request(`${SITE}/api/v1/x`, { headers: { "if-none-match": first.headers.get("etag")! } }), { a: 1 });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
  });

  it("preflights reads with the methods and headers a browser may send", () => {
    const res = preflightResponse();
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    expect(res.headers.get("access-control-allow-headers")).toContain("If-None-Match");
  });
});

describe("problem documents (RFC 9457)", () => {
  it("have type, title, status, detail and the request's path as instance", async () => {
    const res = problemResponse(SITE, new Request(`${SITE}/api/v1/cases?page=0`), "invalid-parameters", "Bad page.", {
      errors: [{ path: "page", parameter: "page", detail: "page must be a whole number from 1" }],
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toEqual({
      type: `${SITE}/data/api#problem-invalid-parameters`,
      title: "Some query parameters are not valid",
      status: 400,
      detail: "Bad page.",
      instance: "/api/v1/cases",
      errors: [{ path: "page", parameter: "page", detail: "page must be a whole number from 1" }],
    });
  });

  it("asks for a bearer token on a 401", () => {
    const res = problemResponse(SITE, new Request(`${SITE}/api/v1/drafts`), "unauthorised", "No token.");
    expect(res.headers.get("www-authenticate")).toContain("Bearer");
    expect(makeProblem(SITE, "conflict", "x").status).toBe(409);
  });

  it("turn zod issues into field paths: parameters for queries, JSON pointers for bodies", () => {
    const schema = z.object({ a: z.array(z.object({ "b/c": z.number() })) });
    const error = schema.safeParse({ a: [{ "b/c": "x" }] }).error!;
    expect(problemErrorsFrom(error, "body", ["case"])).toEqual([
      { path: "case.a.0.b/c", pointer: "#/case/a/0/b~1c", detail: expect.any(String) },
    ]);
    const q = z.strictObject({ page: z.number() }).safeParse({ page: "x" }).error!;
    expect(problemErrorsFrom(q, "query")[0]).toMatchObject({ path: "page", parameter: "page" });
    expect(problemErrorsFromFields({ slug: ["taken"] }, ["case"])).toEqual([
      { path: "case.slug", pointer: "#/case/slug", detail: "taken" },
    ]);
  });
});
