import "server-only";
import type { z } from "zod";
import { log } from "@/lib/log";
import { readSiteUrl } from "@/lib/present/site-url";
import {
  getApiCase,
  getApiCaseVersion,
  getApiFigureCase,
  getApiFigureSeries,
  listApiApproaches,
  listApiMeasureTypes,
  searchApiCases,
} from "../data/public-api";
import { preflightResponse, problemResponse, publicJson } from "../present/http";
import { problemErrorsFrom } from "../present/problem";
import { toApiCase, toApiCaseList, toApiFigure, toApiSeries, toApiVersions } from "../present/to-api";
import { caseListQuerySchema, figureParamSchema, noQuerySchema, slugParamSchema, versionParamSchema } from "../schemas";
import { buildOpenApiDocument } from "../openapi";

// The public read endpoints of /api/v1, one function per route; app/api/v1/…
// route files only re-export them. Each: parse the query and the path with the
// schemas the OpenAPI document is made from, read published content through
// the public pages' cached readers, answer JSON with ETag and CORS, or a
// problem document.

type Ctx<P> = { params: Promise<P> };
type Handler<P> = (request: Request, ctx: Ctx<P>) => Promise<Response>;

class ApiProblem extends Error {
  constructor(readonly response: Response) {
    super("api problem");
  }
}

function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const url = new URL(request.url);
  const raw = Object.fromEntries(url.searchParams.entries());
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ApiProblem(
      problemResponse(readSiteUrl(), request, "invalid-parameters", "Some query parameters are not valid: see errors.", {
        errors: problemErrorsFrom(parsed.error, "query"),
        cors: true,
      }),
    );
  }
  return parsed.data;
}

/** A path that cannot name anything is a 404, as for a slug that names nothing. */
function parseParams<S extends z.ZodType>(request: Request, schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ApiProblem(notFound(request));
  return parsed.data;
}

function notFound(
  request: Request,
  detail = "Nothing is published at this address: it may never have been, or it was unpublished.",
): Response {
  return problemResponse(readSiteUrl(), request, "not-found", detail, { cors: true });
}

/** Known problems become their responses; anything else is logged and answered as a 500 problem. */
function publicRoute<P>(name: string, run: Handler<P>): Handler<P> {
  return async (request, ctx) => {
    try {
      return await run(request, ctx);
    } catch (error) {
      if (error instanceof ApiProblem) return error.response;
      log.error({ err: error, route: name }, "API request failed");
      return problemResponse(
        readSiteUrl(),
        request,
        "server-error",
        "The service had a problem answering this request. Try again in a minute.",
        {
          cors: true,
        },
      );
    }
  };
}

export const listCases = publicRoute<object>("cases", async (request) => {
  const q = parseQuery(request, caseListQuerySchema);
  const siteUrl = readSiteUrl();
  return publicJson(request, toApiCaseList(await searchApiCases(q), q, siteUrl));
});

export const getCase = publicRoute<{ slug: string }>("case", async (request, { params }) => {
  parseQuery(request, noQuerySchema);
  const { slug } = parseParams(request, slugParamSchema, await params);
  const c = await getApiCase(slug);
  if (!c) return notFound(request);
  return publicJson(request, { data: toApiCase(c, readSiteUrl()) });
});

export const listVersions = publicRoute<{ slug: string }>("versions", async (request, { params }) => {
  parseQuery(request, noQuerySchema);
  const { slug } = parseParams(request, slugParamSchema, await params);
  const c = await getApiCase(slug);
  if (!c) return notFound(request);
  return publicJson(request, { data: toApiVersions(c, readSiteUrl()) });
});

export const getVersion = publicRoute<{ slug: string; number: string }>("version", async (request, { params }) => {
  parseQuery(request, noQuerySchema);
  const { slug, number } = parseParams(request, versionParamSchema, await params);
  const c = await getApiCaseVersion(slug, number);
  if (!c) return notFound(request);
  return publicJson(request, { data: toApiCase(c, readSiteUrl()) });
});

export const getFigure = publicRoute<{ id: string }>("figure", async (request, { params }) => {
  parseQuery(request, noQuerySchema);
  const { id } = parseParams(request, figureParamSchema, await params);
  const c = await getApiFigureCase(id);
  const figure = c ? toApiFigure(c, id, readSiteUrl()) : null;
  if (!figure) return notFound(request, "No published figure has this id.");
  return publicJson(request, figure);
});

export const getFigureSeries = publicRoute<{ id: string }>("figure-series", async (request, { params }) => {
  parseQuery(request, noQuerySchema);
  const { id } = parseParams(request, figureParamSchema, await params);
  const series = await getApiFigureSeries(id);
  if (!series) return notFound(request, "No published figure with a series has this id.");
  return publicJson(request, toApiSeries(series));
});

export const listMeasureTypes = publicRoute<object>("measure-types", async (request) => {
  parseQuery(request, noQuerySchema);
  return publicJson(request, { data: await listApiMeasureTypes() });
});

export const listApproaches = publicRoute<object>("approaches", async (request) => {
  parseQuery(request, noQuerySchema);
  return publicJson(request, { data: await listApiApproaches() });
});

export const getOpenApiDocument = publicRoute<object>("openapi", async (request) => {
  return publicJson(request, buildOpenApiDocument(readSiteUrl()));
});

/** Any other address under /api/v1. */
export const unknownAddress = publicRoute<object>("unknown", async (request) =>
  problemResponse(readSiteUrl(), request, "not-found", "There is no API endpoint at this address: see /api/v1/openapi.json.", {
    cors: true,
  }),
);

export async function preflight(): Promise<Response> {
  return preflightResponse();
}
