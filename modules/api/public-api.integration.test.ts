import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { caseInputSchema } from "@/lib/schemas/case";
import { changeCaseStatus, createCase, publishCase, saveDraft } from "@/modules/workspace/data/case-drafts";
import { replaceMeasureSeries } from "@/modules/spc/data/series";
import { makeResponseValidator } from "./test-support/openapi-validator";

// The public API against a real, migrated PostgreSQL: every route's answers
// (200, 304, 400, 404) validated against the OpenAPI document the app serves,
// drafts never shown, an unpublished case gone at once.

vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  // No Next server here: the data cache is bypassed, so every call reads the database.
  unstable_cache:
    (fn: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) =>
      fn(...args),
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
}));

const routes = {
  cases: await import("@/app/api/v1/cases/route"),
  case: await import("@/app/api/v1/cases/[slug]/route"),
  versions: await import("@/app/api/v1/cases/[slug]/versions/route"),
  version: await import("@/app/api/v1/cases/[slug]/versions/[number]/route"),
  figure: await import("@/app/api/v1/figures/[id]/route"),
  series: await import("@/app/api/v1/figures/[id]/series/route"),
  measureTypes: await import("@/app/api/v1/measure-types/route"),
  approaches: await import("@/app/api/v1/approaches/route"),
  openapi: await import("@/app/api/v1/openapi.json/route"),
  unknown: await import("@/app/api/v1/[...rest]/route"),
};

const prisma = db();
const BASE = "http://localhost:3000";
const tag = randomUUID().slice(0, 8);
let analyst: CurrentUser;
let orgSlug: string;
let published: { id: string; slug: string; measureIds: string[]; v1MeasureIds: string[] };
let draftOnly: { id: string; slug: string; measureIds: string[] };
let check: ReturnType<typeof makeResponseValidator>;

type Params = Record<string, string>;
async function call(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route types its own params
  route: { GET: (r: Request, c: { params: Promise<any> }) => Promise<Response> },
  path: string,
  params: Params = {},
  headers: Record<string, string> = {},
) {
  return route.GET(new Request(`${BASE}${path}`, { headers }), { params: Promise.resolve(params) });
}

function caseInput(slug: string, organisationId: string) {
  return caseInputSchema.parse({
    title: `API case ${slug}`,
    slug,
    organisationId,
    sector: "housing",
    sourceCitation: "Council report, 2024",
    evidenceLevel: 1,
    interventionDate: "2023-01-01",
    measures: [
      { label: "Repairs chased", unit: "count", direction: "lower_is_better", before: "100", after: "59" },
      { label: "Failure demand", unit: "percent", direction: "lower_is_better", before: "71", after: "12" },
    ],
  });
}

async function newCase(slug: string, organisationId: string) {
  const created = await createCase(analyst, caseInput(slug, organisationId));
  const c = await prisma.caseStudy.findUniqueOrThrow({ where: { id: created.id }, select: { revision: true, draftVersionId: true } });
  const measures = await prisma.measure.findMany({ where: { caseVersionId: c.draftVersionId! }, orderBy: { position: "asc" } });
  return { id: created.id, slug, revision: c.revision, measureIds: measures.map((m) => m.id) };
}

beforeAll(async () => {
  const org = await prisma.organisation.create({ data: { slug: `api-org-${tag}`, name: `API Org ${tag}` } });
  orgSlug = org.slug;
  const id = randomUUID();
  await prisma.user.create({ data: { id, name: "API analyst", email: `api-${id}@example.test`, role: "analyst", organisationId: org.id } });
  analyst = { id, email: `api-${id}@example.test`, name: "API analyst", role: "analyst", organisationId: org.id, organisationName: null };

  const c = await newCase(`api-pub-${tag}`, org.id);
  const points = Array.from({ length: 14 }, (_, i) => ({
    date: `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`,
    value: 70 - i,
    annotation: null,
  }));
  const s = await replaceMeasureSeries(analyst, {
    caseId: c.id,
    measureId: c.measureIds[1]!,
    revision: c.revision,
    points,
    rebaseDates: [],
    target: null,
    runLength: 7,
    headlineMethod: "figures",
    screenOutliers: true,
    fixAfterPoints: null,
    frequency: "monthly",
  });
  await publishCase(analyst, c.id, s.revision, null);
  const firstLive = await prisma.caseStudy.findUniqueOrThrow({ where: { id: c.id }, select: { publishedVersionId: true } });
  const v1MeasureIds = (
    await prisma.measure.findMany({ where: { caseVersionId: firstLive.publishedVersionId! }, orderBy: { position: "asc" } })
  ).map((m) => m.id);
  // A second version, so the case has two frozen versions with their own figure ids.
  const v1 = await prisma.caseStudy.findUniqueOrThrow({ where: { id: c.id }, select: { revision: true } });
  const edit = await saveDraft(analyst, c.id, { ...caseInput(c.slug, org.id), title: `API case ${c.slug} (corrected)` }, v1.revision, null);
  await publishCase(analyst, c.id, edit.revision, "Corrected the title");
  const live = await prisma.caseStudy.findUniqueOrThrow({ where: { id: c.id }, select: { publishedVersionId: true } });
  const liveMeasures = await prisma.measure.findMany({ where: { caseVersionId: live.publishedVersionId! }, orderBy: { position: "asc" } });
  published = { id: c.id, slug: c.slug, measureIds: liveMeasures.map((m) => m.id), v1MeasureIds };
  draftOnly = await newCase(`api-draft-${tag}`, org.id);

  const doc = (await (await call(routes.openapi, "/api/v1/openapi.json")).json()) as Record<string, unknown>;
  check = makeResponseValidator(doc);
}, 120_000);

afterAll(async () => {
  await prisma.$disconnect();
});

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and lists every read endpoint", async () => {
    const res = await call(routes.openapi, "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/cases",
        "/api/v1/cases/{slug}",
        "/api/v1/cases/{slug}/versions",
        "/api/v1/cases/{slug}/versions/{number}",
        "/api/v1/figures/{id}",
        "/api/v1/figures/{id}/series",
        "/api/v1/measure-types",
        "/api/v1/approaches",
      ]),
    );
  });
});

describe("GET /api/v1/cases", () => {
  it("lists published cases only, filtered by organisation, paged, valid against the document", async () => {
    const res = await call(routes.cases, `/api/v1/cases?organisation=${orgSlug}&page_size=1`);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toContain("max-age=60");
    expect(res.headers.get("etag")).toMatch(/^".+"$/);
    const r = await check("/api/v1/cases", "get", res);
    expect(r.errors).toEqual([]);
    const body = r.body as {
      data: Array<{ slug: string; organisation_slug: string }>;
      meta: { total: number; page_size: number };
      links: { next: string | null };
    };
    expect(body.data.map((c) => c.slug)).toEqual([published.slug]);
    expect(body.data[0]!.organisation_slug).toBe(orgSlug);
    expect(body.meta).toMatchObject({ total: 1, page_size: 1 });
    expect(body.links.next).toBeNull();
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const first = await call(routes.cases, `/api/v1/cases?organisation=${orgSlug}`);
    const etag = first.headers.get("etag")!;
    const again = await call(routes.cases, `/api/v1/cases?organisation=${orgSlug}`, {}, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect((await check("/api/v1/cases", "get", again)).errors).toEqual([]);
  });

  it.each([
    ["page_size=0", "page_size"],
    ["page_size=101", "page_size"],
    ["page_size=ten", "page_size"],
    ["page=-1", "page"],
    ["sector=moon", "sector"],
    ["pagesize=10", ""],
  ])("refuses %s with a 400 problem naming the parameter", async (query, parameter) => {
    const res = await call(routes.cases, `/api/v1/cases?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const r = await check("/api/v1/cases", "get", res);
    expect(r.errors).toEqual([]);
    const problem = r.body as {
      type: string;
      title: string;
      status: number;
      detail: string;
      errors: Array<{ path: string; parameter?: string }>;
    };
    expect(problem.status).toBe(400);
    expect(problem.type).toContain("/data/api#problem-invalid-parameters");
    if (parameter) expect(problem.errors.map((e) => e.parameter)).toContain(parameter);
    else expect(problem.errors.length).toBeGreaterThan(0);
  });
});

describe("GET /api/v1/cases/{slug} and its versions", () => {
  it("gives the live version with figure ids and both versions; never a draft", async () => {
    const r = await check(
      "/api/v1/cases/{slug}",
      "get",
      await call(routes.case, `/api/v1/cases/${published.slug}`, { slug: published.slug }),
    );
    expect(r.errors).toEqual([]);
    const data = (
      r.body as { data: { case_version: number; case_title: string; measures: Array<{ figure_id: string }>; versions: unknown[] } }
    ).data;
    expect(data.case_version).toBe(2);
    expect(data.case_title).toContain("(corrected)");
    expect(data.measures.map((m) => m.figure_id)).toEqual(published.measureIds);
    expect(data.versions).toHaveLength(2);

    const draft = await call(routes.case, `/api/v1/cases/${draftOnly.slug}`, { slug: draftOnly.slug });
    expect(draft.status).toBe(404);
    expect((await check("/api/v1/cases/{slug}", "get", draft)).errors).toEqual([]);
  });

  it("lists the versions and gives a frozen older one", async () => {
    const list = await check(
      "/api/v1/cases/{slug}/versions",
      "get",
      await call(routes.versions, `/api/v1/cases/${published.slug}/versions`, { slug: published.slug }),
    );
    expect(list.errors).toEqual([]);
    expect((list.body as { data: Array<{ number: number }> }).data.map((v) => v.number)).toEqual([2, 1]);

    const v1 = await check(
      "/api/v1/cases/{slug}/versions/{number}",
      "get",
      await call(routes.version, `/api/v1/cases/${published.slug}/versions/1`, { slug: published.slug, number: "1" }),
    );
    expect(v1.errors).toEqual([]);
    expect((v1.body as { data: { case_version: number; case_title: string } }).data).toMatchObject({
      case_version: 1,
      case_title: `API case ${published.slug}`,
    });

    const missing = await call(routes.version, `/api/v1/cases/${published.slug}/versions/9`, { slug: published.slug, number: "9" });
    expect(missing.status).toBe(404);
    expect((await check("/api/v1/cases/{slug}/versions/{number}", "get", missing)).errors).toEqual([]);
  });
});

describe("GET /api/v1/figures/{id}", () => {
  it("gives a figure with its anchor on the frozen version's page", async () => {
    const id = published.measureIds[0]!;
    const r = await check("/api/v1/figures/{id}", "get", await call(routes.figure, `/api/v1/figures/${id}`, { id }));
    expect(r.errors).toEqual([]);
    const body = r.body as { data: { figure_id: string; measure_label: string }; cite_as: string; case: { version: number } };
    expect(body.data).toMatchObject({ figure_id: id, measure_label: "Repairs chased" });
    expect(body.cite_as).toBe(`${BASE}/cases/${published.slug}/v/2#figure-${id}`);
  });

  it("404s a draft's figure and a malformed id", async () => {
    const draftFigure = draftOnly.measureIds[0]!;
    for (const id of [draftFigure, "not-a-uuid"]) {
      const res = await call(routes.figure, `/api/v1/figures/${id}`, { id });
      expect(res.status).toBe(404);
      expect((await check("/api/v1/figures/{id}", "get", res)).errors).toEqual([]);
    }
  });

  it("gives a published figure's series (version 1's, frozen), and 404 for a figure without one", async () => {
    const withSeries = published.v1MeasureIds[1]!;
    const r = await check(
      "/api/v1/figures/{id}/series",
      "get",
      await call(routes.series, `/api/v1/figures/${withSeries}/series`, { id: withSeries }),
    );
    expect(r.errors).toEqual([]);
    expect((r.body as { data: { points: unknown[]; frequency: string } }).data).toMatchObject({ frequency: "monthly" });
    expect((r.body as { data: { points: unknown[] } }).data.points).toHaveLength(14);
    const without = published.measureIds[0]!;
    const res = await call(routes.series, `/api/v1/figures/${without}/series`, { id: without });
    expect(res.status).toBe(404);
    expect((await check("/api/v1/figures/{id}/series", "get", res)).errors).toEqual([]);
  });
});

describe("the libraries", () => {
  it("lists measure types and approaches, valid against the document", async () => {
    const types = await check("/api/v1/measure-types", "get", await call(routes.measureTypes, "/api/v1/measure-types"));
    expect(types.errors).toEqual([]);
    const approaches = await check("/api/v1/approaches", "get", await call(routes.approaches, "/api/v1/approaches"));
    expect(approaches.errors).toEqual([]);
    const bad = await call(routes.measureTypes, "/api/v1/measure-types?x=1");
    expect(bad.status).toBe(400);
    expect((await check("/api/v1/measure-types", "get", bad)).errors).toEqual([]);
  });
});

describe("withdrawal and unknown addresses", () => {
  it("an unpublished case and its figures are gone from the API", async () => {
    const c = await prisma.caseStudy.findUniqueOrThrow({ where: { id: published.id }, select: { revision: true } });
    await changeCaseStatus(analyst, published.id, "unpublish", c.revision);
    expect((await call(routes.case, `/api/v1/cases/${published.slug}`, { slug: published.slug })).status).toBe(404);
    const id = published.measureIds[0]!;
    expect((await call(routes.figure, `/api/v1/figures/${id}`, { id })).status).toBe(404);
    const list = (await (await call(routes.cases, `/api/v1/cases?organisation=${orgSlug}`)).json()) as { data: unknown[] };
    expect(list.data).toEqual([]);
  });

  it("answers an unknown address with a 404 problem, and preflights with CORS", async () => {
    const res = await call(routes.unknown, "/api/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const pre = await routes.cases.OPTIONS();
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-methods")).toContain("GET");
  });
});
