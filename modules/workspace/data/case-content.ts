import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseInput } from "@/lib/schemas/case";
import type { MeasureInput } from "@/lib/schemas/measure";
import { measureFieldsSelect, rowHolds, toMeasureData } from "./measure-fields";
import { readVersionContents } from "./version-contents";

// Reading and writing the content of one case version (its fields and its
// measures) in the shape the zod schemas produce, so the editor, CSV import,
// audit diff and conflict check all compare like with like.

export type Tx = Prisma.TransactionClient;

/** The content of a version, as the editor shows it and CaseInput describes it. */
export type CaseContent = CaseInput & { measures: Array<MeasureInput & { id: string }> };

/** The content of one version (readVersionContents, for many, has the one definition of the shape). */
export async function readVersionContent(tx: Tx, versionId: string): Promise<CaseContent> {
  const content = (await readVersionContents(tx, [versionId])).get(versionId);
  if (!content) throw new Error(`No case version ${versionId}`);
  return content;
}

async function lookupIds(tx: Tx, input: CaseInput) {
  const approach = input.approachKey
    ? await tx.approach.findFirst({ where: { key: input.approachKey, status: "accepted" }, select: { id: true } })
    : null;
  const typeKeys = [...new Set(input.measures.map((m) => m.measureTypeKey).filter((k): k is string => k !== null))];
  const types = typeKeys.length ? await tx.measureType.findMany({ where: { key: { in: typeKeys } }, select: { id: true, key: true } }) : [];
  return { approachId: approach?.id ?? null, typeIds: new Map(types.map((t) => [t.key, t.id])) };
}

export function versionFields(input: CaseInput, approachId: string | null) {
  return {
    title: input.title,
    summary: input.summary,
    sector: input.sector,
    approachId,
    reformShifts: input.reformShifts,
    interventionDate: input.interventionDate ? new Date(`${input.interventionDate}T00:00:00Z`) : null,
    baselinePeriod: input.baselinePeriod,
    followUpPeriod: input.followUpPeriod,
    sourceCitation: input.sourceCitation,
    sourceUrl: input.sourceUrl,
    evidenceLevel: input.evidenceLevel,
    reportingOrganisation: input.reportingOrganisation,
    country: input.country,
  };
}

function measureFields(m: MeasureInput, position: number, typeIds: Map<string, string>) {
  return {
    position,
    measureTypeId: m.measureTypeKey ? (typeIds.get(m.measureTypeKey) ?? null) : null,
    ...toMeasureData(m),
  };
}

/** Unknown measure-type or approach keys are input errors, reported by field path. */
export async function findUnknownKeys(tx: Tx, input: CaseInput): Promise<Record<string, string[]>> {
  const { approachId, typeIds } = await lookupIds(tx, input);
  const errors: Record<string, string[]> = {};
  if (input.approachKey && !approachId) errors.approachKey = ["Choose an approach from the list"];
  input.measures.forEach((m, i) => {
    if (m.measureTypeKey && !typeIds.has(m.measureTypeKey))
      errors[`measures.${i}.measureTypeKey`] = ["Choose a measure type from the library, or none"];
  });
  return errors;
}

/**
 * Writes the input into an unpublished version: version fields updated,
 * measures matched by id updated in place (so their series survive), new ones
 * created, missing ones deleted.
 */
export async function writeDraftContent(tx: Tx, versionId: string, input: CaseInput): Promise<void> {
  const { approachId, typeIds } = await lookupIds(tx, input);
  await tx.caseVersion.update({ where: { id: versionId }, data: versionFields(input, approachId) });

  const existingRows = await tx.measure.findMany({ where: { caseVersionId: versionId }, select: { id: true, ...comparableMeasureSelect } });
  const existing = new Map(existingRows.map((row) => [row.id, row]));
  const kept = new Set<string>();
  const created: Prisma.MeasureCreateManyInput[] = [];
  for (const [position, m] of input.measures.entries()) {
    const data = measureFields(m, position, typeIds);
    const current = m.id ? existing.get(m.id) : undefined;
    if (current && m.id) {
      kept.add(m.id);
      // One UPDATE per measure is the slow part of a save: skip the unchanged ones.
      if (!rowHolds(current, data)) await tx.measure.update({ where: { id: m.id }, data });
    } else {
      created.push({ ...data, caseVersionId: versionId });
    }
  }
  const removed = [...existing.keys()].filter((id) => !kept.has(id));
  if (removed.length) await tx.measure.deleteMany({ where: { id: { in: removed } } });
  if (created.length) await tx.measure.createMany({ data: created });
}

const comparableMeasureSelect = {
  position: true,
  measureTypeId: true,
  ...measureFieldsSelect,
} satisfies Prisma.MeasureSelect;

/**
 * Copies a published version into a new draft, series included, and returns
 * the draft's id with a map from the published measures' ids to the copies'.
 */
export async function copyVersionToDraft(tx: Tx, caseStudyId: string, sourceVersionId: string) {
  const source = await tx.caseVersion.findUniqueOrThrow({
    where: { id: sourceVersionId },
    include: { measures: { include: { observations: true }, orderBy: { position: "asc" } } },
  });
  const draft = await tx.caseVersion.create({
    data: {
      caseStudyId,
      title: source.title,
      summary: source.summary,
      sector: source.sector,
      approachId: source.approachId,
      reformShifts: source.reformShifts,
      interventionDate: source.interventionDate,
      baselinePeriod: source.baselinePeriod,
      followUpPeriod: source.followUpPeriod,
      sourceCitation: source.sourceCitation,
      sourceUrl: source.sourceUrl,
      evidenceLevel: source.evidenceLevel,
      reportingOrganisation: source.reportingOrganisation,
      country: source.country,
    },
  });
  const idMap = new Map<string, string>();
  for (const m of source.measures) {
    const { id, caseVersionId, createdAt, updatedAt, observations, ...fields } = m;
    void caseVersionId;
    void createdAt;
    void updatedAt;
    const copy = await tx.measure.create({ data: { ...fields, caseVersionId: draft.id } });
    idMap.set(id, copy.id);
    if (observations.length) {
      await tx.observation.createMany({
        data: observations.map((o) => ({ measureId: copy.id, date: o.date, value: o.value, annotation: o.annotation })),
      });
    }
  }
  return { draftId: draft.id, idMap };
}
