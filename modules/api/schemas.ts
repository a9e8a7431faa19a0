// The API's schemas: query parameters (parsed with these), request bodies (the
// workspace's own schemas, lib/schemas) and responses. openapi.ts generates the
// OpenAPI document from exactly these, so the document cannot drift from what
// the handlers accept; the integration tests check every answer against it.
import { z } from "zod";
import { SECTORS, caseInputSchema } from "@/lib/schemas/case";
import { seriesBodySchema } from "@/lib/schemas/series";
import { SLUG_PATTERN } from "@/lib/schemas/slug";
import { textSchema } from "@/lib/schemas/text";
import { DOWNLOAD_COLUMNS } from "@/modules/cases/present/download-columns";
import { PROBLEM_TYPES } from "./present/problem";

export const API_PAGE_SIZE_DEFAULT = 20;
export const API_PAGE_SIZE_MAX = 100;
export const API_SORTS = ["newest", "title", "intervention", "relevance"] as const;

const keyPattern = /^[a-z0-9][a-z0-9_-]{0,79}$/;

// ---- Query and path parameters -------------------------------------------------

export const caseListQuerySchema = z.strictObject({
  q: textSchema()
    .trim()
    .max(200, "Search words must be 200 characters or fewer")
    .optional()
    .meta({ description: "Search words (PostgreSQL full-text search over title, organisation, summary and measure labels)." }),
  sector: z
    .enum(SECTORS, { message: `Choose one of: ${SECTORS.join(", ")}` })
    .optional()
    .meta({ description: "Sector key." }),
  approach: z
    .string()
    .regex(keyPattern, "An approach key is lower-case letters, digits, - and _ (see /api/v1/approaches)")
    .optional()
    .meta({ description: "Approach key, as listed by /api/v1/approaches." }),
  organisation: z
    .string()
    .regex(SLUG_PATTERN, "An organisation is given by its slug: lower-case letters, digits and single hyphens")
    .max(120)
    .optional()
    .meta({ description: "The slug of the organisation that recorded the case (organisation_slug in the list)." }),
  sort: z
    .enum(API_SORTS, { message: `Sort by one of: ${API_SORTS.join(", ")}` })
    .optional()
    .meta({ description: "newest (default without q), title, intervention, or relevance (default with q)." }),
  page: z.coerce
    .number({ message: "page must be a whole number from 1" })
    .int("page must be a whole number from 1")
    .min(1, "page must be a whole number from 1")
    .max(10_000, "page must be 10,000 or less")
    .default(1)
    .meta({ description: "Page number, from 1." }),
  page_size: z.coerce
    .number({ message: `page_size must be a whole number from 1 to ${API_PAGE_SIZE_MAX}` })
    .int(`page_size must be a whole number from 1 to ${API_PAGE_SIZE_MAX}`)
    .min(1, `page_size must be a whole number from 1 to ${API_PAGE_SIZE_MAX}`)
    .max(API_PAGE_SIZE_MAX, `page_size must be a whole number from 1 to ${API_PAGE_SIZE_MAX}`)
    .default(API_PAGE_SIZE_DEFAULT)
    .meta({ description: `Cases per page, 1 to ${API_PAGE_SIZE_MAX}.` }),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

/** Read-only endpoints take no query parameters but these are ignored: none. Anything else is refused, so typos show. */
export const noQuerySchema = z.strictObject({});

export const slugParamSchema = z.object({
  slug: z
    .string()
    .regex(SLUG_PATTERN, "A case is given by its slug")
    .max(120)
    .meta({ description: "The case's slug.", example: "integrated-health-and-social-care" }),
});
export const versionParamSchema = slugParamSchema.extend({
  number: z.coerce.number().int().min(1).max(999_999).meta({ description: "A published version number (1, 2, 3 …)." }),
});
export const figureParamSchema = z.object({
  id: z
    .uuid({ message: "A figure id is a UUID (figure_id in the case's measures)" })
    .meta({ description: "The figure's stable id (figure_id)." }),
});
export const draftParamSchema = z.object({
  id: z.uuid({ message: "A draft id is a UUID" }).meta({ description: "The case's id, as POST /api/v1/drafts answered it." }),
});
export const draftMeasureParamSchema = draftParamSchema.extend({
  measureId: z.uuid({ message: "A measure id is a UUID" }).meta({ description: "The measure's id, as GET /api/v1/drafts/{id} lists it." }),
});

// ---- Responses -------------------------------------------------------------------

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const columnsOf = (level: "case" | "measure") =>
  Object.fromEntries(DOWNLOAD_COLUMNS.filter((c) => c.level === level).map((c) => [c.name, cell.meta({ description: c.description })]));

export const apiMeasureSchema = z.object({ ...columnsOf("measure"), figure_url: z.string() }).meta({
  id: "Measure",
  description: "One published figure: the same fields as the CSV download's measure columns (documented on /data), and its API address.",
});

export const apiVersionRefSchema = z
  .object({
    number: z.int(),
    published_at: z.string().meta({ format: "date-time" }),
    change_note: z.string().nullable(),
    url: z.string().meta({ description: "This version in the API." }),
    case_url: z.string().meta({ description: "This version's permanent public page." }),
  })
  .meta({ id: "VersionRef" });

export const apiCaseSchema = z
  .object({
    ...columnsOf("case"),
    current_version: z.int().meta({ description: "The case's live version (equal to case_version unless this is an older version)." }),
    measures: z.array(apiMeasureSchema),
    versions: z.array(apiVersionRefSchema),
  })
  .meta({
    id: "Case",
    description: "A published version of a case: the download's case fields, its measures, and every published version.",
  });

export const caseDocumentSchema = z.object({ data: apiCaseSchema }).meta({ id: "CaseDocument" });

export const apiCaseSummarySchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    organisation: z.string(),
    organisation_slug: z.string(),
    sector: z.enum(SECTORS),
    approach: z.object({ key: z.string(), name: z.string() }).nullable(),
    published_at: z.string().meta({ format: "date-time" }),
    measure_count: z.int(),
    is_fictional_example: z.boolean().meta({ description: "Made-up demonstration data: never cite." }),
    url: z.string().meta({ description: "The case in the API." }),
    case_url: z.string().meta({ description: "The case's public page." }),
  })
  .meta({ id: "CaseSummary" });

export const caseListSchema = z
  .object({
    data: z.array(apiCaseSummarySchema),
    meta: z.object({ page: z.int(), page_size: z.int(), total: z.int(), page_count: z.int() }),
    links: z.object({ self: z.string(), first: z.string(), prev: z.string().nullable(), next: z.string().nullable() }),
  })
  .meta({ id: "CaseList" });

export const versionListSchema = z.object({ data: z.array(apiVersionRefSchema) }).meta({ id: "VersionList" });

export const figureDocumentSchema = z
  .object({
    data: apiMeasureSchema,
    case: z.object({
      slug: z.string(),
      title: z.string(),
      version: z.int(),
      case_url: z.string(),
      citation: z.string(),
      is_fictional_example: z.boolean(),
    }),
    cite_as: z.string().meta({ description: "The figure's anchor on the frozen version's public page: <case_url>#figure-<id>." }),
  })
  .meta({ id: "FigureDocument" });

export const seriesDocumentSchema = z
  .object({
    data: z.object({
      figure_id: z.string(),
      label: z.string(),
      unit: z.string(),
      rate_basis: z.string().nullable(),
      direction: z.string(),
      frequency: z.string().nullable(),
      headline_method: z.string(),
      intervention_date: z.string().nullable(),
      target: z.number().nullable(),
      rebase_dates: z.array(z.string()),
      run_length: z.int(),
      points: z.array(z.object({ date: z.string().meta({ format: "date" }), value: z.number(), annotation: z.string().nullable() })),
    }),
  })
  .meta({ id: "SeriesDocument" });

export const measureTypeListSchema = z
  .object({
    data: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        definition: z.string(),
        counting_unit: z.string(),
        unit: z.string(),
        direction: z.string(),
        category: z.string(),
        published_figures: z.int().meta({ description: "Figures of this type in published cases." }),
      }),
    ),
  })
  .meta({ id: "MeasureTypeList" });

export const approachListSchema = z
  .object({
    data: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        description: z.string(),
        source_citation: z.string().nullable(),
        source_url: z.string().nullable(),
        cases: z.int().meta({ description: "Case versions that name this approach." }),
      }),
    ),
  })
  .meta({ id: "ApproachList" });

export const problemSchema = z
  .object({
    type: z.string().meta({ description: "A URI naming the kind of problem (its anchor on /data/api)." }),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          path: z.string().meta({ description: 'The field, dotted: "page_size", "case.measures.2.before".' }),
          pointer: z.string().optional().meta({ description: "A JSON pointer into the request body." }),
          parameter: z.string().optional().meta({ description: "The query parameter." }),
          detail: z.string(),
        }),
      )
      .optional(),
  })
  .catchall(z.unknown())
  .meta({ id: "Problem", description: `RFC 9457 problem details. Kinds: ${Object.keys(PROBLEM_TYPES).join(", ")}.` });

// ---- Writes (API tokens) ------------------------------------------------------------

/** The case body is the workspace editor's own (lib/schemas/case.ts); organisationId defaults to the token's organisation. */
export const draftCreateBodySchema = caseInputSchema;
export const draftUpdateBodySchema = z
  .object({
    revision: z.int({ message: "Give the revision you last read (GET /api/v1/drafts/{id})" }).min(1, "Give the revision you last read"),
    case: caseInputSchema,
  })
  .meta({ id: "DraftUpdate" });
export { seriesBodySchema };

export const draftDocumentSchema = z
  .object({
    data: z.object({
      id: z.string(),
      slug: z.string(),
      status: z.enum(["draft", "published", "archived"]),
      revision: z.int().meta({ description: "Quote it in the next PUT: a save based on an older revision is refused with 409." }),
      has_unpublished_changes: z.boolean(),
      edit_url: z.string().meta({ description: "Where a person reviews and publishes it." }),
      case: z.record(z.string(), z.unknown()).meta({ description: "The working content, in the shape PUT accepts as `case`." }),
      measures: z
        .array(z.object({ id: z.string(), label: z.string() }))
        .meta({ description: "Each measure's id, for uploading its series." }),
    }),
  })
  .meta({ id: "DraftDocument" });

export const draftSavedSchema = z
  .object({
    data: z.object({
      id: z.string(),
      slug: z.string(),
      revision: z.int().meta({ description: "The case's revision after the save: quote it in the next write." }),
      changes: z.int().meta({ description: "How many fields changed (0: nothing to save)." }),
      measure_id: z
        .string()
        .optional()
        .meta({ description: "After a series upload: the measure's id, a new one when a published case was copied into a new draft." }),
    }),
  })
  .meta({ id: "DraftSaved" });
