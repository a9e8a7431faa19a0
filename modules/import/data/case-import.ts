import "server-only";
import { assessMeasure } from "@/lib/domain/evidence";
import { formatFigure } from "@/lib/domain/evidence-text";
import { toEvidenceFigures } from "@/lib/schemas/measure";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { canCreateCaseIn, canEditCase, type CurrentUser } from "@/lib/auth/permissions";
import { diffCaseContent, measureKeys, type DiffableCase } from "@/lib/domain/case-diff";
import {
  mapRecordsToCases,
  parseCsvText,
  sortRowErrors,
  type CsvRecord,
  type ImportedCase,
  type MappedImport,
  type ParsedCsv,
  type RowError,
} from "@/lib/domain/csv";
import type { CaseInput } from "@/lib/schemas/case";
import type { Tx } from "@/modules/workspace/data/case-content";
import { readVersionContents } from "@/modules/workspace/data/version-contents";
import { ForbiddenError, InputError, saveDraftTx } from "@/modules/workspace/data/case-drafts";
import { createImportedCasesTx, type LibraryIds } from "./case-import-create";

// CSV import: a preview that says what would happen to each case, and a commit
// that re-checks everything and writes every case in one transaction — all of
// the file or none of it. Cases are matched by slug, measures by measure type
// or label (the same keys the audit diff uses), so a re-import keeps measure
// ids (and their series) and an identical file writes nothing at all.
// Updates go through saveDraftTx one case at a time; new cases are written
// together in a few statements (case-import-create.ts), which is what keeps a
// 10,000-measure file within seconds. Imports never publish: they create
// drafts or update them.

export type PlanAction = "create" | "update" | "unchanged" | "invalid";

export interface CasePlan {
  slug: string;
  title: string | null;
  organisationSlug: string;
  rows: number[];
  action: PlanAction;
  /** Field changes an update would make (measures added or removed count one each). */
  changeCount: number;
  measureCount: number;
}

export interface ImportPreview {
  rowCount: number;
  measureCount: number;
  errors: RowError[];
  plans: CasePlan[];
  /** Each valid measure row as the case page will state it, by row number (issue 16). */
  figures: Map<number, string>;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  changeCount: number;
  plans: CasePlan[];
}

/** The file was refused; nothing was written. */
export class ImportRejectedError extends Error {
  constructor(readonly errors: RowError[]) {
    super(
      errors.length === 1
        ? "The file has 1 problem: nothing was imported."
        : `The file has ${errors.length} problems: nothing was imported.`,
    );
  }
}

// Thousands of statements run in one transaction; the editor's 20 s would be too short.
const IMPORT_TX_OPTIONS = { timeout: 120_000, maxWait: 10_000, isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted } as const;

interface ResolvedCase {
  imported: ImportedCase;
  plan: CasePlan;
  input: CaseInput | null;
  existingId: string | null;
}

function basePlan(c: ImportedCase): CasePlan {
  return {
    slug: c.slug,
    title: c.fields?.title ?? null,
    organisationSlug: c.organisationSlug,
    rows: c.rows,
    action: "invalid",
    changeCount: 0,
    measureCount: c.measures.length,
  };
}

/** Gives the imported measures the ids of the current measures with the same key, so updates keep them. */
function withExistingIds(input: CaseInput, current: CaseInput): CaseInput {
  const currentKeys = measureKeys(current.measures);
  const idByKey = new Map(currentKeys.map((key, i) => [key, current.measures[i]!.id]));
  const inputKeys = measureKeys(input.measures);
  return { ...input, measures: input.measures.map((m, i) => ({ ...m, id: idByKey.get(inputKeys[i]!) })) };
}

async function loadLookups(client: Tx, mapped: MappedImport, lock: boolean) {
  const valid = mapped.cases.filter((c) => !c.hasErrors);
  const slugs = valid.map((c) => c.slug);
  const orgSlugs = [...new Set(valid.map((c) => c.organisationSlug))];
  const approachKeys = [...new Set(valid.map((c) => c.fields!.approachKey).filter((k): k is string => k !== null))];
  const typeKeys = [...new Set(valid.flatMap((c) => c.measures.map((m) => m.input.measureTypeKey)).filter((k): k is string => k !== null))];
  // In the commit, lock the existing cases first (in id order, so two imports cannot deadlock):
  // the plan made from them then stays true until the transaction ends.
  if (lock && slugs.length) await client.$queryRaw`SELECT id FROM case_study WHERE slug = ANY(${slugs}::text[]) ORDER BY id FOR UPDATE`;
  // One after another: inside the commit's transaction they share one connection.
  const orgs = await client.organisation.findMany({ where: { slug: { in: orgSlugs } }, select: { id: true, slug: true } });
  const existing = await client.caseStudy.findMany({
    where: { slug: { in: slugs } },
    select: { id: true, slug: true, organisationId: true, status: true, draftVersionId: true, publishedVersionId: true },
  });
  const approaches = approachKeys.length
    ? await client.approach.findMany({ where: { key: { in: approachKeys }, status: "accepted" }, select: { id: true, key: true } })
    : [];
  const types = typeKeys.length
    ? await client.measureType.findMany({ where: { key: { in: typeKeys } }, select: { id: true, key: true } })
    : [];
  return {
    orgIdBySlug: new Map(orgs.map((o) => [o.slug, o.id])),
    existingBySlug: new Map(existing.map((c) => [c.slug, c])),
    library: {
      approachIds: new Map(approaches.map((a) => [a.key, a.id])),
      typeIds: new Map(types.map((t) => [t.key, t.id])),
    } satisfies LibraryIds,
  };
}

/**
 * Checks what the pure rules cannot (organisations, permissions, library keys,
 * existing cases) and plans each case. Reads only; runs inside the commit's
 * transaction too, so the plan and the write see the same data.
 */
async function resolveImport(client: Tx, actor: CurrentUser, mapped: MappedImport, lock = false) {
  const lookups = await loadLookups(client, mapped, lock);
  const currentIds = [...lookups.existingBySlug.values()]
    .map((c) => c.draftVersionId ?? c.publishedVersionId)
    .filter((id): id is string => id !== null);
  const contents = await readVersionContents(client, currentIds);
  const errors: RowError[] = [];
  const resolved: ResolvedCase[] = [];

  for (const imported of mapped.cases) {
    const plan = basePlan(imported);
    if (imported.hasErrors) {
      resolved.push({ imported, plan, input: null, existingId: null });
      continue;
    }
    const caseErrors: RowError[] = [];
    const firstRow = imported.rows[0]!;
    const fields = imported.fields!;
    const organisationId = lookups.orgIdBySlug.get(imported.organisationSlug);
    const existing = lookups.existingBySlug.get(imported.slug);

    if (!organisationId) {
      caseErrors.push({
        row: firstRow,
        column: "organisation_slug",
        message: `No organisation has the slug “${imported.organisationSlug}”`,
      });
    } else if (existing) {
      if (!canEditCase(actor, existing)) {
        caseErrors.push({
          row: firstRow,
          column: "case_slug",
          message: "A case with this web address belongs to an organisation whose cases you cannot edit",
        });
      } else if (existing.status === "archived") {
        caseErrors.push({ row: firstRow, column: "case_slug", message: "This case is archived: restore it before importing into it" });
      }
      if (existing.organisationId !== organisationId && !canCreateCaseIn(actor, organisationId)) {
        caseErrors.push({
          row: firstRow,
          column: "organisation_slug",
          message: `You cannot import cases into the organisation “${imported.organisationSlug}”`,
        });
      }
    } else if (!canCreateCaseIn(actor, organisationId)) {
      caseErrors.push({
        row: firstRow,
        column: "organisation_slug",
        message: `You cannot import cases into the organisation “${imported.organisationSlug}”`,
      });
    }
    if (fields.approachKey && !lookups.library.approachIds.has(fields.approachKey)) {
      caseErrors.push({ row: firstRow, column: "approach_key", message: `No approach in the library has the key “${fields.approachKey}”` });
    }
    for (const m of imported.measures) {
      if (m.input.measureTypeKey && !lookups.library.typeIds.has(m.input.measureTypeKey)) {
        caseErrors.push({
          row: m.row,
          column: "measure_type_key",
          message: `No measure type in the library has the key “${m.input.measureTypeKey}”`,
        });
      }
    }
    if (caseErrors.length) {
      errors.push(...caseErrors);
      resolved.push({ imported, plan, input: null, existingId: null });
      continue;
    }

    let input: CaseInput = { ...fields, organisationId: organisationId!, measures: imported.measures.map((m) => m.input) };
    if (!existing) {
      resolved.push({ imported, plan: { ...plan, action: "create" }, input, existingId: null });
      continue;
    }
    const current = contents.get((existing.draftVersionId ?? existing.publishedVersionId)!)!;
    input = withExistingIds(input, current);
    const changeCount = diffCaseContent(current as unknown as DiffableCase, input as unknown as DiffableCase).length;
    resolved.push({
      imported,
      plan: { ...plan, action: changeCount ? "update" : "unchanged", changeCount },
      input,
      existingId: existing.id,
    });
  }
  return { resolved, errors, library: lookups.library };
}

/** What importing these rows would do, without writing anything. */
export async function previewImport(actor: CurrentUser, records: CsvRecord[], parseErrors: RowError[] = []): Promise<ImportPreview> {
  const mapped = mapRecordsToCases(records);
  const { resolved, errors } = await resolveImport(db(), actor, mapped);
  return {
    rowCount: mapped.rowCount,
    measureCount: mapped.cases.reduce((n, c) => n + c.measures.length, 0),
    errors: sortRowErrors([...parseErrors, ...mapped.errors, ...errors]),
    plans: resolved.map((r) => r.plan),
    figures: new Map(
      mapped.cases.flatMap((c) =>
        c.measures.map(({ row, input }) => {
          const figures = toEvidenceFigures(input);
          return [row, formatFigure(figures, assessMeasure(figures, { caseEvidenceLevel: c.fields?.evidenceLevel ?? 1 }))] as const;
        }),
      ),
    ),
  };
}

/** PostgreSQL's classes 22 (data exception) and 23 (integrity constraint violation), as Prisma reports them. */
const DATA_REFUSAL_CODES = new Set(["P2000", "P2002", "P2003", "P2004", "P2011", "P2020"]);

function isDataRefusal(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    if (DATA_REFUSAL_CODES.has(err.code)) return true;
    const meta = err.meta as { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined;
    const sqlState = String(meta?.code ?? meta?.driverAdapterError?.cause?.originalCode ?? "");
    if (/^2[23]/.test(sqlState)) return true;
  }
  const message = err instanceof Error ? err.message : "";
  return /violates (check|foreign key|unique|not-null|exclusion) constraint|value too long|out of range|invalid input syntax/i.test(
    message,
  );
}

/** A refusal while writing, on the case's first row (null: the new cases, written together). */
function writeFailure(c: ResolvedCase | null, err: unknown): RowError[] {
  const row = c ? c.imported.rows[0]! : null;
  if (err instanceof InputError) {
    const fieldErrors = Object.entries(err.fieldErrors).flatMap(([field, messages]) =>
      messages.map((message) => ({ row, column: field === "slug" ? "case_slug" : null, message })),
    );
    return fieldErrors.length ? fieldErrors : [{ row, column: null, message: err.message }];
  }
  if (err instanceof ForbiddenError) return [{ row, column: "organisation_slug", message: err.message }];
  // Only a rule the data broke is the file's fault; a dropped connection or a
  // full disk is the service's, and the action says so (issue 19).
  if (!isDataRefusal(err)) throw err;
  const detail = err instanceof Error ? err.message.split("\n").filter(Boolean).pop() : String(err);
  const what = c ? `case “${c.imported.slug}”` : "the new cases";
  return [{ row, column: null, message: `The database refused ${what}, so nothing was imported: ${detail}` }];
}

/**
 * Parses (CSV text) or takes the mapped records of a file, checks and writes the whole file in one transaction. Any problem —
 * in a row, a permission, or a database constraint on the last case — throws
 * ImportRejectedError and nothing is written.
 */
export async function commitImport(actor: CurrentUser, source: string | ParsedCsv): Promise<ImportResult> {
  // CSV text with the template's headers, or records already read and mapped (import-source.ts).
  const parsed = typeof source === "string" ? parseCsvText(source) : source;
  if (parsed.errors.length) throw new ImportRejectedError(sortRowErrors(parsed.errors));
  const mapped = mapRecordsToCases(parsed.records);
  if (mapped.errors.length) throw new ImportRejectedError(sortRowErrors(mapped.errors));

  return db().$transaction(async (tx) => {
    const { resolved, errors, library } = await resolveImport(tx, actor, mapped, true);
    if (errors.length) throw new ImportRejectedError(sortRowErrors(errors));

    const result: ImportResult = { created: 0, updated: 0, unchanged: 0, changeCount: 0, plans: resolved.map((c) => c.plan) };
    // Unchanged cases are locked and identical: nothing to write, no audit event.
    for (const c of resolved.filter((r) => r.plan.action === "update")) {
      try {
        // saveDraftTx re-checks permission, keeps measure ids (and series) and records the audit diff.
        const { changes } = await saveDraftTx(tx, actor, c.existingId!, c.input!, null, null);
        result.updated++;
        result.changeCount += changes.length;
      } catch (err) {
        throw new ImportRejectedError(writeFailure(c, err));
      }
    }
    const created = resolved.filter((r) => r.plan.action === "create");
    try {
      await createImportedCasesTx(
        tx,
        actor,
        created.map((c) => c.input!),
        library,
      );
    } catch (err) {
      throw new ImportRejectedError(writeFailure(null, err));
    }
    result.created = created.length;
    result.unchanged = resolved.filter((r) => r.plan.action === "unchanged").length;
    return result;
  }, IMPORT_TX_OPTIONS);
}
