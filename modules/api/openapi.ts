// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the
// handlers parse with (zod-openapi, on zod 4's own JSON Schema output). Served
// at /api/v1/openapi.json and rendered for people at /data/api.
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import {
  approachListSchema,
  caseDocumentSchema,
  caseListQuerySchema,
  caseListSchema,
  figureDocumentSchema,
  figureParamSchema,
  measureTypeListSchema,
  problemSchema,
  seriesDocumentSchema,
  slugParamSchema,
  versionListSchema,
  versionParamSchema,
} from "./schemas";
import { PROBLEM_CONTENT_TYPE } from "./present/problem";

export const API_VERSION = "1.0.0";

const problem = (description: string) => ({ description, content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } } });
const etagHeader = {
  ETag: { description: "Send it back as If-None-Match: an unchanged answer is a 304 with no body.", schema: { type: "string" as const } },
};
const json = (description: string, schema: unknown) => ({
  description,
  headers: etagHeader,
  content: { "application/json": { schema } },
});

function read(
  operationId: string,
  summary: string,
  description: string,
  schema: unknown,
  requestParams: ZodOpenApiOperationObject["requestParams"] = {},
  notFound = true,
): ZodOpenApiOperationObject {
  return {
    operationId,
    summary,
    description,
    tags: ["Published data"],
    requestParams,
    responses: {
      "200": json("OK", schema) as never,
      "304": { description: "Not modified (If-None-Match matched the ETag)." },
      "400": problem("A query parameter is not valid (or not known)."),
      ...(notFound ? { "404": problem("Nothing published at this address.") } : {}),
      "500": problem("The service had a problem."),
    },
  };
}

export const publicPaths: ZodOpenApiPathsObject = {
  "/api/v1/cases": {
    get: read(
      "listCases",
      "List published cases",
      "Published cases at their live version, newest first, with filters and pagination. Links to the next and previous pages are in `links`.",
      caseListSchema,
      { query: caseListQuerySchema },
      false,
    ),
  },
  "/api/v1/cases/{slug}": {
    get: read(
      "getCase",
      "One published case",
      "The live published version of a case with all its measures (the download's fields) and the list of its published versions.",
      caseDocumentSchema,
      { path: slugParamSchema },
    ),
  },
  "/api/v1/cases/{slug}/versions": {
    get: read(
      "listCaseVersions",
      "A case's published versions",
      "Every published version of a case, newest first. Each is frozen and citable.",
      versionListSchema,
      {
        path: slugParamSchema,
      },
    ),
  },
  "/api/v1/cases/{slug}/versions/{number}": {
    get: read(
      "getCaseVersion",
      "One published version of a case",
      "A frozen published version, exactly as it was published.",
      caseDocumentSchema,
      {
        path: versionParamSchema,
      },
    ),
  },
  "/api/v1/figures/{id}": {
    get: read(
      "getFigure",
      "One published figure",
      "A figure (one measure of one published version) by its stable id, with its case and how to cite it: `cite_as` is its anchor on the public page.",
      figureDocumentSchema,
      { path: figureParamSchema },
    ),
  },
  "/api/v1/figures/{id}/series": {
    get: read(
      "getFigureSeries",
      "A published figure's series",
      "The dated observations (daily to yearly) behind a figure, with its SPC settings. 404 when the figure has no series.",
      seriesDocumentSchema,
      { path: figureParamSchema },
    ),
  },
  "/api/v1/measure-types": {
    get: read(
      "listMeasureTypes",
      "The measure-type library",
      "Every measure type: key, definition, unit and which direction is an improvement.",
      measureTypeListSchema,
      {},
      false,
    ),
  },
  "/api/v1/approaches": {
    get: read(
      "listApproaches",
      "Reform approaches",
      "The accepted approaches of the library, with the number of case versions naming each.",
      approachListSchema,
      {},
      false,
    ),
  },
};

let cached: { siteUrl: string; doc: ReturnType<typeof createDocument> } | null = null;

export function buildOpenApiDocument(siteUrl: string) {
  if (cached?.siteUrl === siteUrl) return cached.doc;
  const doc = createDocument({
    openapi: "3.1.0",
    info: {
      title: "Reform Metrics API",
      version: API_VERSION,
      description:
        "Published, frozen before-and-after results of public-service reforms. Reads are open (CORS allows any origin) and cacheable (ETag, Cache-Control). Errors are RFC 9457 problem documents. Human-readable reference: /data/api.",
      license: { name: "See the site's terms", url: `${siteUrl}/data` },
    },
    servers: [{ url: siteUrl }],
    paths: publicPaths,
  });
  cached = { siteUrl, doc };
  return doc;
}
