import "server-only";
import { randomBytes } from "node:crypto";
import { canCreateCaseIn, type CurrentUser } from "@/lib/auth/permissions";
import { diffCaseContent, type DiffableCase } from "@/lib/domain/case-diff";
import type { CaseInput } from "@/lib/schemas/case";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MeasureInput } from "@/lib/schemas/measure";
import { versionFields, type Tx } from "@/modules/workspace/data/case-content";
import { MEASURE_FIELDS } from "@/modules/workspace/data/measure-fields";
import { ForbiddenError } from "@/modules/workspace/data/case-drafts";

// Creating the new cases of an import in five statements, whatever their
// number. Measured on 500 cases × 20 measures: createCaseTx (about ten round
// trips per case) took ~40 s, and even Prisma's createMany spent ~4 ms of
// client time per measure row; INSERT … SELECT FROM unnest(column arrays)
// binds one parameter per column. It writes the same rows as createCaseTx
// (case, draft version, measures, the "create" audit event with the same
// diff). The caller has already checked slugs, library keys and
// organisations inside the same transaction; the database's unique, foreign
// key and CHECK constraints remain the last word.

export interface LibraryIds {
  approachIds: Map<string, string>;
  typeIds: Map<string, string>;
}

/** A version-7 UUID (time-ordered), as Prisma's @default(uuid(7)) makes: the raw INSERTs below bypass it. */
export function uuidv7(): string {
  const bytes = randomBytes(16);
  let ms = Date.now();
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Column arrays for INSERT … SELECT FROM unnest(…): one bind parameter per column, not per cell. */
function columnsOf<T, K extends string>(rows: T[], pick: (row: T) => Record<K, unknown>): Record<K, unknown[]> {
  const out = {} as Record<K, unknown[]>;
  rows.forEach((row, i) => {
    for (const [key, value] of Object.entries(pick(row)) as Array<[K, unknown]>) (out[key] ??= new Array(rows.length))[i] = value;
  });
  return out;
}

export async function createImportedCasesTx(tx: Tx, actor: CurrentUser, inputs: CaseInput[], library: LibraryIds): Promise<void> {
  if (inputs.length === 0) return;
  for (const input of inputs) {
    if (!canCreateCaseIn(actor, input.organisationId)) throw new ForbiddenError("You cannot create cases for this organisation");
  }
  const now = new Date();
  const planned = inputs.map((input) => ({ input, caseId: uuidv7(), versionId: uuidv7() }));

  const c = columnsOf(planned, ({ input, caseId }) => ({ id: caseId, slug: input.slug, org: input.organisationId }));
  await tx.$executeRaw`
    INSERT INTO case_study (id, slug, organisation_id, created_by_id, updated_by_id, updated_at)
    SELECT id, slug, org, ${actor.id}, ${actor.id}, ${now}
    FROM unnest(${c.id}::uuid[], ${c.slug}::text[], ${c.org}::uuid[]) AS t(id, slug, org)`;

  const v = columnsOf(planned, ({ input, caseId, versionId }) => {
    const f = versionFields(input, input.approachKey ? (library.approachIds.get(input.approachKey) ?? null) : null);
    return {
      id: versionId,
      caseId,
      title: f.title,
      summary: f.summary,
      sector: f.sector,
      approach: f.approachId,
      shifts: f.reformShifts.join(","),
      date: input.interventionDate,
      baseline: f.baselinePeriod,
      followUp: f.followUpPeriod,
      citation: f.sourceCitation,
      url: f.sourceUrl,
      evidence: f.evidenceLevel,
    };
  });
  await tx.$executeRaw`
    INSERT INTO case_version (id, case_study_id, title, summary, sector, approach_id, reform_shifts, intervention_date,
      baseline_period, follow_up_period, source_citation, source_url, evidence_level, updated_at)
    SELECT id, case_id, title, summary, sector::"Sector", approach, string_to_array(shifts, ',')::"ReformShift"[], date::date,
      baseline, follow_up, citation, url, evidence, ${now}
    FROM unnest(${v.id}::uuid[], ${v.caseId}::uuid[], ${v.title}::text[], ${v.summary}::text[], ${v.sector}::text[], ${v.approach}::uuid[],
      ${v.shifts}::text[], ${v.date}::text[], ${v.baseline}::text[], ${v.followUp}::text[], ${v.citation}::text[], ${v.url}::text[],
      ${v.evidence}::int[])
      AS t(id, case_id, title, summary, sector, approach, shifts, date, baseline, follow_up, citation, url, evidence)`;

  const measures = planned.flatMap(({ input, versionId }) => input.measures.map((m, position) => ({ m, position, versionId })));
  if (measures.length) await tx.$executeRaw(bulkInsertMeasuresSql(measures, library.typeIds, now));

  await tx.$executeRaw`
    UPDATE case_study AS cs SET draft_version_id = t.version
    FROM unnest(${c.id}::uuid[], ${v.id}::uuid[]) AS t(id, version)
    WHERE cs.id = t.id`;

  const a = columnsOf(planned, ({ input, caseId }) => ({
    caseId,
    changes: JSON.stringify(diffCaseContent({ measures: [] }, input as unknown as DiffableCase)),
  }));
  await tx.$executeRaw`
    INSERT INTO audit_event (actor_id, action, entity_type, entity_id, case_study_id, changes)
    SELECT ${actor.id}, 'create', 'case', id::text, id, changes::jsonb
    FROM unnest(${a.caseId}::uuid[], ${a.changes}::text[]) AS t(id, changes)`;
}

/**
 * One INSERT … SELECT FROM unnest(…) for many measures, its columns and casts
 * built from the one field list (measure-fields.ts), so it writes exactly what
 * writeDraftContent writes.
 */
function bulkInsertMeasuresSql(
  rows: Array<{ m: MeasureInput; position: number; versionId: string }>,
  typeIds: Map<string, string>,
  now: Date,
): Prisma.Sql {
  const arrayType = (sql: string) => (sql === "numeric" || sql === "int" || sql === "smallint" || sql === "boolean" ? sql : "text");
  const fields = MEASURE_FIELDS.map((field, i) => ({ ...field, alias: `c${i}` }));
  const arrays = fields.map(
    (field) =>
      Prisma.sql`${rows.map(({ m }) => (m as Record<string, unknown>)[field.input] ?? null)}::${Prisma.raw(arrayType(field.sql))}[]`,
  );
  const columns = Prisma.raw(fields.map((field) => field.column).join(", "));
  const casts = Prisma.raw(fields.map((field) => (field.sql.startsWith('"') ? `${field.alias}::${field.sql}` : field.alias)).join(", "));
  const aliases = Prisma.raw(fields.map((field) => field.alias).join(", "));
  return Prisma.sql`
    INSERT INTO measure (id, case_version_id, measure_type_id, position, ${columns}, updated_at)
    SELECT id, version, type, position, ${casts}, ${now}
    FROM unnest(${rows.map(() => uuidv7())}::uuid[], ${rows.map((r) => r.versionId)}::uuid[],
      ${rows.map(({ m }) => (m.measureTypeKey ? (typeIds.get(m.measureTypeKey) ?? null) : null))}::uuid[],
      ${rows.map((r) => r.position)}::int[], ${Prisma.join(arrays)})
      AS t(id, version, type, position, ${aliases})`;
}
