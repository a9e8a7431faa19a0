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
  draftCreateBodySchema,
  draftDocumentSchema,
  draftMeasureParamSchema,
  draftParamSchema,
  draftSavedSchema,
  draftUpdateBodySchema,
  seriesBodySchema,
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

const bearer = [{ apiToken: [] }];
const writeProblems = {
  "401": problem("No token, or a token that is unknown, revoked, expired, whose account is disabled or had its password reset."),
  "404": problem("No draft of the token's organisation has this id (another organisation's drafts answer the same)."),
  "413": problem("The body is larger than 5 MB."),
  "415": problem("The body is not JSON."),
  "429": problem("Too many failed token attempts from this address; Retry-After says when to try again."),
  "500": problem("The service had a problem; nothing was saved."),
};
const saved = (description: string) => ({ description, content: { "application/json": { schema: draftSavedSchema } } });

export const writePaths: ZodOpenApiPathsObject = {
  "/api/v1/drafts": {
    post: {
      operationId: "createDraft",
      summary: "Create a draft case",
      description:
        "Creates a case as an unpublished draft of the token's organisation, with the same validation, transaction and audit entry as the workspace editor. `organisationId` may be left out (the token's organisation). A person publishes it in the workspace.",
      tags: ["Drafts (API token)"],
      security: bearer,
      requestBody: { required: true, content: { "application/json": { schema: draftCreateBodySchema } } },
      responses: {
        "201": saved("Created; Location is the draft's address."),
        "400": problem("The body is not valid: `errors` lists each field. Nothing was saved."),
        "403": problem("The token may not create cases for that organisation."),
        ...writeProblems,
      },
    },
  },
  "/api/v1/drafts/{id}": {
    get: {
      operationId: "getDraft",
      summary: "Read a case's working content",
      description: "The draft (or, if there is none, the live version) as the editor holds it, with its revision for the next PUT.",
      tags: ["Drafts (API token)"],
      security: bearer,
      requestParams: { path: draftParamSchema },
      responses: { "200": { description: "OK", content: { "application/json": { schema: draftDocumentSchema } } }, ...writeProblems },
    },
    put: {
      operationId: "updateDraft",
      summary: "Save a case's draft",
      description:
        "Replaces the working content, as the editor's Save does. `revision` is the revision you read: if someone saved since, nothing is saved and the answer is 409 with the current revision. Editing a published case starts a new draft; the live version stays as it is until a person publishes.",
      tags: ["Drafts (API token)"],
      security: bearer,
      requestParams: { path: draftParamSchema },
      requestBody: { required: true, content: { "application/json": { schema: draftUpdateBodySchema } } },
      responses: {
        "200": saved("Saved (or nothing to save)."),
        "400": problem("The body is not valid: `errors` lists each field. Nothing was saved."),
        "403": problem("The token may not move the case to another organisation."),
        "409": problem("Someone saved first: `current_revision` and `their_changes` say what changed. Nothing was saved."),
        ...writeProblems,
      },
    },
  },
  "/api/v1/drafts/{id}/measures/{measureId}/series": {
    put: {
      operationId: "putSeries",
      summary: "Upload a measure's series",
      description:
        "Replaces one measure's dated observations and SPC settings in the draft, as the workspace's series editor does (same rules: one point per period, rebase dates inside the series, values that fit the unit).",
      tags: ["Drafts (API token)"],
      security: bearer,
      requestParams: { path: draftMeasureParamSchema },
      requestBody: { required: true, content: { "application/json": { schema: seriesBodySchema } } },
      responses: {
        "200": saved("Saved."),
        "400": problem("The body is not valid: `errors` lists each field. Nothing was saved."),
        "409": problem("Someone saved first. Nothing was saved."),
        ...writeProblems,
      },
    },
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
    paths: { ...publicPaths, ...writePaths },
    components: {
      securitySchemes: {
        apiToken: {
          type: "http",
          scheme: "bearer",
          description:
            "A personal API token (rm_pat_…), made in the workspace under API tokens. It acts as an analyst of its organisation.",
        },
      },
    },
  });
  cached = { siteUrl, doc };
  return doc;
}
