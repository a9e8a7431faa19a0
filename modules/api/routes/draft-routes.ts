import "server-only";
import { revalidatePath } from "next/cache";
import { revalidateMovedCase } from "@/modules/cases/cache";
import { log } from "@/lib/log";
import { readSiteUrl } from "@/lib/present/site-url";
import type { CurrentUser } from "@/lib/auth/permissions";
import { caseInputSchema } from "@/lib/schemas/case";
import { seriesInputSchema } from "@/lib/schemas/series";
import { clientAddress } from "@/modules/auth/client-address";
import { replaceMeasureSeries } from "@/modules/spc/data/series";
import { ConflictError, ForbiddenError, InputError, NotFoundError, createCase, saveDraft } from "@/modules/workspace/data/case-drafts";
import { getCaseForEditor } from "@/modules/workspace/data/workspace-cases";
import { describeChange } from "@/lib/domain/case-diff";
import { authenticateApiToken, recordTokenFailure, tokenFailureWait } from "../data/api-tokens";
import { privateJson, problemResponse } from "../present/http";
import { problemErrorsFrom, problemErrorsFromFields } from "../present/problem";
import { readBearer } from "../present/token-format";
import { toCaseInputShape } from "../present/to-api";
import { draftMeasureParamSchema, draftParamSchema, draftUpdateBodySchema } from "../schemas";

// The write endpoints of /api/v1 for analysts' scripts, with a personal token
// (Authorization: Bearer …). They go through the workspace's own path: the
// same zod schemas, createCase / saveDraft / replaceMeasureSeries with their
// permission checks, row locks, optimistic locking (revision) and audit
// entries in one transaction. There is no publish endpoint: publishing stays a
// person's action in the workspace.

type Ctx<P> = { params: Promise<P> };

class Refusal extends Error {
  constructor(readonly response: Response) {
    super("refused");
  }
}

const siteUrl = () => readSiteUrl();

function refuse(request: Request, kind: Parameters<typeof problemResponse>[2], detail: string, extra = {}): never {
  throw new Refusal(problemResponse(siteUrl(), request, kind, detail, extra));
}

/** Who the token speaks for, or a 401/429 problem. Failed attempts are counted per client address. */
async function tokenActor(request: Request): Promise<CurrentUser> {
  const bearer = readBearer(request.headers.get("authorization"));
  if (bearer.kind === "none")
    refuse(request, "unauthorised", "Send an API token as Authorization: Bearer <token> (make one in the workspace, under API tokens).");
  const address = clientAddress(request.headers);
  const wait = await tokenFailureWait(address);
  if (wait > 0)
    refuse(request, "too-many-requests", `Too many failed token attempts from this address: try again in ${wait} seconds.`, {
      headers: { "retry-after": String(wait) },
    });
  const check = bearer.kind === "token" ? await authenticateApiToken(bearer.token) : ({ ok: false, reason: "unknown" } as const);
  if (!check.ok) {
    await recordTokenFailure(address);
    const why = {
      unknown: "This token is not valid.",
      revoked: "This token has been revoked.",
      expired: "This token has expired: make a new one in the workspace.",
      user_disabled: "The account this token belongs to is disabled.",
      password_reset:
        "This token's account had its password reset: its owner must sign in and choose a new password, then make a new token.",
      not_allowed: "This token's account may no longer write to this organisation's cases.",
    }[check.reason];
    refuse(request, "unauthorised", why);
  }
  return check.actor;
}

export const MAX_BODY_BYTES = 5 * 1024 * 1024;
const TOO_LARGE = "The body is larger than 5 MB: send fewer measures or series points in one request. Nothing was saved.";

async function readJsonBody(request: Request): Promise<unknown> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") refuse(request, "unsupported-media-type", "Send the body as JSON with Content-Type: application/json.");
  // A cap before reading: the whole body is held in memory to parse it. A case with
  // a few hundred measures and their series is well under this.
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) refuse(request, "payload-too-large", TOO_LARGE);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) refuse(request, "payload-too-large", TOO_LARGE);
  try {
    return JSON.parse(text);
  } catch {
    refuse(request, "invalid-body", "The body is not valid JSON.");
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The case body with the token's organisation filled in when the script leaves it out. */
function withOrganisation(body: unknown, actor: CurrentUser): unknown {
  return isObject(body) && body.organisationId === undefined ? { ...body, organisationId: actor.organisationId } : body;
}

function parseId<T>(request: Request, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) refuse(request, "not-found", "No draft of yours has this id.");
  return parsed.data;
}

/** The workspace's errors as problems: another organisation's case answers exactly as a missing one. */
function fromWriteError(request: Request, error: unknown, prefix: string[]): Response {
  if (error instanceof Refusal) return error.response;
  if (error instanceof InputError) {
    return problemResponse(siteUrl(), request, "invalid-body", error.message, {
      errors: problemErrorsFromFields(error.fieldErrors, prefix),
    });
  }
  if (error instanceof NotFoundError) return problemResponse(siteUrl(), request, "not-found", "No draft of yours has this id.");
  if (error instanceof ForbiddenError) return problemResponse(siteUrl(), request, "forbidden", `${error.message}.`);
  if (error instanceof ConflictError) {
    return problemResponse(
      siteUrl(),
      request,
      "conflict",
      "The case was saved by someone else after the revision you sent, so nothing was saved. Read it again (GET), apply your changes and send its current revision.",
      { current_revision: error.currentRevision, their_changes: error.theirChanges.map(describeChange) },
    );
  }
  log.error({ err: error, path: new URL(request.url).pathname }, "API write failed");
  return problemResponse(siteUrl(), request, "server-error", "The service had a problem, so nothing was saved. Try again in a minute.");
}

function editUrl(id: string) {
  return `${siteUrl()}/workspace/cases/${id}`;
}

export async function createDraft(request: Request): Promise<Response> {
  try {
    const actor = await tokenActor(request);
    const body = withOrganisation(await readJsonBody(request), actor);
    const parsed = caseInputSchema.safeParse(body);
    if (!parsed.success) {
      return problemResponse(siteUrl(), request, "invalid-body", "Some fields need correcting: see errors. Nothing was saved.", {
        errors: problemErrorsFrom(parsed.error, "body"),
      });
    }
    const created = await createCase(actor, parsed.data);
    const c = await getCaseForEditor(actor, created.id);
    revalidatePath("/workspace");
    return privateJson({ data: { id: created.id, slug: created.slug, revision: c?.revision ?? 1, changes: 0 } }, 201, {
      location: `${siteUrl()}/api/v1/drafts/${created.id}`,
    });
  } catch (error) {
    return fromWriteError(request, error, []);
  }
}

export async function getDraft(request: Request, { params }: Ctx<{ id: string }>): Promise<Response> {
  try {
    const actor = await tokenActor(request);
    const { id } = parseId(request, draftParamSchema, await params);
    const c = await getCaseForEditor(actor, id);
    if (!c || !c.canEdit) return problemResponse(siteUrl(), request, "not-found", "No draft of yours has this id.");
    return privateJson({
      data: {
        id: c.id,
        slug: c.slug,
        status: c.status,
        revision: c.revision,
        has_unpublished_changes: c.hasDraft,
        edit_url: editUrl(c.id),
        case: toCaseInputShape(c.content) as Record<string, unknown>,
        measures: c.content.measures.map((m) => ({ id: m.id ?? "", label: m.label })),
      },
    });
  } catch (error) {
    return fromWriteError(request, error, []);
  }
}

export async function updateDraft(request: Request, { params }: Ctx<{ id: string }>): Promise<Response> {
  try {
    const actor = await tokenActor(request);
    const { id } = parseId(request, draftParamSchema, await params);
    const body = await readJsonBody(request);
    const parsed = draftUpdateBodySchema.safeParse(isObject(body) ? { ...body, case: withOrganisation(body.case, actor) } : body);
    if (!parsed.success) {
      return problemResponse(siteUrl(), request, "invalid-body", "Some fields need correcting: see errors. Nothing was saved.", {
        errors: problemErrorsFrom(parsed.error, "body"),
      });
    }
    const result = await saveDraft(actor, id, parsed.data.case, parsed.data.revision, null);
    await revalidateMovedCase(result, parsed.data.case.slug);
    revalidatePath(`/workspace/cases/${id}`);
    revalidatePath("/workspace");
    return privateJson({ data: { id, slug: parsed.data.case.slug, revision: result.revision, changes: result.changes.length } });
  } catch (error) {
    return fromWriteError(request, error, ["case"]);
  }
}

export async function putSeries(request: Request, { params }: Ctx<{ id: string; measureId: string }>): Promise<Response> {
  try {
    const actor = await tokenActor(request);
    const { id, measureId } = parseId(request, draftMeasureParamSchema, await params);
    const body = await readJsonBody(request);
    const parsed = seriesInputSchema.safeParse(isObject(body) ? { ...body, caseId: id, measureId } : body);
    if (!parsed.success) {
      return problemResponse(siteUrl(), request, "invalid-body", "Some fields need correcting: see errors. Nothing was saved.", {
        errors: problemErrorsFrom(parsed.error, "body"),
      });
    }
    const result = await replaceMeasureSeries(actor, parsed.data);
    revalidatePath(`/workspace/cases/${id}`);
    const c = await getCaseForEditor(actor, id);
    return privateJson({
      data: { id, slug: c?.slug ?? "", revision: result.revision, changes: result.changes.length, measure_id: result.measureId },
    });
  } catch (error) {
    return fromWriteError(request, error, []);
  }
}
