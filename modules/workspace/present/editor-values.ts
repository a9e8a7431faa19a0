// Converts stored case content into the editor's form values (all strings),
// so the editor's inputs start from exactly what is saved.
import type { CaseContent } from "@/modules/workspace/data/case-content";
import type { CaseEditorProps } from "@/modules/workspace/components/case-editor";

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));

export function toEditorValues(content: CaseContent): CaseEditorProps["initial"] {
  return {
    title: content.title,
    slug: content.slug,
    summary: content.summary,
    organisationId: content.organisationId,
    sector: content.sector,
    approachKey: str(content.approachKey),
    reformShifts: content.reformShifts,
    interventionDate: str(content.interventionDate),
    baselinePeriod: str(content.baselinePeriod),
    followUpPeriod: str(content.followUpPeriod),
    sourceCitation: content.sourceCitation,
    sourceUrl: str(content.sourceUrl),
    evidenceLevel: String(content.evidenceLevel),
    measures: content.measures.map((m) => ({
      id: m.id ?? "",
      measureTypeKey: str(m.measureTypeKey),
      label: m.label,
      unit: m.unit,
      rateBasis: str(m.rateBasis),
      denominator: str(m.denominator),
      direction: m.direction,
      before: str(m.before),
      beforeQualifier: m.beforeQualifier,
      beforeWording: str(m.beforeWording),
      after: str(m.after),
      afterQualifier: m.afterQualifier,
      afterWording: str(m.afterWording),
      reportedChange: str(m.reportedChange),
      reportedChangeBasis: m.reportedChangeBasis,
      reportedChangeQualifier: m.reportedChangeQualifier,
      reportedChangeWording: str(m.reportedChangeWording),
      beforePeriod: str(m.beforePeriod),
      afterPeriod: str(m.afterPeriod),
      sampleSize: str(m.sampleSize),
      sourceCitation: str(m.sourceCitation),
      sourceUrl: str(m.sourceUrl),
      notes: str(m.notes),
    })),
  };
}

export function emptyEditorValues(organisationId: string): CaseEditorProps["initial"] {
  return {
    title: "",
    slug: "",
    summary: "",
    organisationId,
    sector: "health",
    approachKey: "",
    reformShifts: [],
    interventionDate: "",
    baselinePeriod: "",
    followUpPeriod: "",
    sourceCitation: "",
    sourceUrl: "",
    evidenceLevel: "1",
    measures: [],
  };
}
