import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canCreateCaseIn, type CurrentUser } from "@/lib/auth/permissions";
import { diffCaseContent, type DiffableCase } from "@/lib/domain/case-diff";
import type { CaseInput } from "@/lib/schemas/case";
import type { MeasureInput } from "@/lib/schemas/measure";
import { versionFields, type Tx } from "./case-content";
import { ForbiddenError } from "./case-drafts";

// Creating the new cases of an import in a handful of statements, whatever
// their number. createCaseTx takes about ten round trips per case, so 500 new
// cases took tens of seconds; this writes the same rows (case, draft version,
// measures, the "create" audit event with the same diff) with one INSERT per
// table. The caller has already checked slugs, library keys and organisations
// inside the same transaction; the database's unique and CHECK constraints
// remain the last word.

export interface LibraryIds {
  approachIds: Map<string, string>;
  typeIds: Map<string, string>;
}

/** The measure columns as case-content.ts's writeDraftContent writes them. */
function measureData(m: MeasureInput, position: number, caseVersionId: string, typeIds: Map<string, string>): Prisma.MeasureCreateManyInput {
  return {
    caseVersionId,
    position,
    measureTypeId: m.measureTypeKey ? (typeIds.get(m.measureTypeKey) ?? null) : null,
    label: m.label,
    unit: m.unit,
    rateBasis: m.rateBasis,
    denominator: m.denominator,
    direction: m.direction,
    beforeValue: m.before,
    beforeQualifier: m.beforeQualifier,
    beforeWording: m.beforeWording,
    afterValue: m.after,
    afterQualifier: m.afterQualifier,
    afterWording: m.afterWording,
    reportedChange: m.reportedChange,
    reportedChangeBasis: m.reportedChangeBasis,
    reportedChangeQualifier: m.reportedChangeQualifier,
    reportedChangeWording: m.reportedChangeWording,
    beforePeriod: m.beforePeriod,
    afterPeriod: m.afterPeriod,
    sampleSize: m.sampleSize,
    sourceCitation: m.sourceCitation,
    sourceUrl: m.sourceUrl,
    notes: m.notes,
  };
}

export async function createImportedCasesTx(tx: Tx, actor: CurrentUser, inputs: CaseInput[], library: LibraryIds): Promise<void> {
  if (inputs.length === 0) return;
  for (const input of inputs) {
    if (!canCreateCaseIn(actor, input.organisationId)) throw new ForbiddenError("You cannot create cases for this organisation");
  }
  console.time('c1');const cases = await tx.caseStudy.createManyAndReturn({
    data: inputs.map((i) => ({ slug: i.slug, organisationId: i.organisationId, createdById: actor.id, updatedById: actor.id })),
    select: { id: true, slug: true },
  });
  console.timeEnd('c1');console.time('c2');const caseIdBySlug = new Map(cases.map((c) => [c.slug, c.id]));
  const versions = await tx.caseVersion.createManyAndReturn({
    data: inputs.map((i) => ({
      ...versionFields(i, i.approachKey ? (library.approachIds.get(i.approachKey) ?? null) : null),
      caseStudyId: caseIdBySlug.get(i.slug)!,
    })),
    select: { id: true, caseStudyId: true },
  });
  console.timeEnd('c2');const versionIdByCase = new Map(versions.map((v) => [v.caseStudyId, v.id]));
  const measures = inputs.flatMap((i) => {
    const versionId = versionIdByCase.get(caseIdBySlug.get(i.slug)!)!;
    return i.measures.map((m, position) => measureData(m, position, versionId, library.typeIds));
  });
  console.time('c3');if (measures.length) await tx.measure.createMany({ data: measures });console.timeEnd('c3');console.time('c4');
  const caseIds = cases.map((c) => c.id);
  await tx.$executeRaw`
    UPDATE case_study AS cs SET draft_version_id = v.id
    FROM case_version AS v
    WHERE v.case_study_id = cs.id AND cs.id = ANY(${caseIds}::uuid[])`;
  console.timeEnd('c4');console.time('c5');await tx.auditEvent.createMany({
    data: inputs.map((i) => {
      const id = caseIdBySlug.get(i.slug)!;
      const changes = diffCaseContent({ measures: [] }, i as unknown as DiffableCase);
      return { actorId: actor.id, action: "create", entityType: "case", entityId: id, caseStudyId: id, changes: changes as unknown as Prisma.InputJsonValue };
    }),
  });
}
