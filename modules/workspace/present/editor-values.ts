// Converts stored case content into the editor's form values (all strings),
// so the editor's inputs start from exactly what is saved.
import type { CaseContent } from "@/modules/workspace/data/case-content";
import type { CaseEditorProps } from "@/modules/workspace/components/case-editor";
import { EMPTY_MEASURE } from "./measure-draft";

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
    reportingOrganisation: str(content.reportingOrganisation),
    country: str(content.country),
    measures: content.measures.map((m) => {
      const values = Object.fromEntries(
        Object.keys(EMPTY_MEASURE).map((key) => {
          const v = (m as Record<string, unknown>)[key];
          return [key, typeof v === "boolean" ? (v ? "true" : "") : str(v as string | number | null | undefined)];
        }),
      );
      return { ...EMPTY_MEASURE, ...values };
    }),
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
    reportingOrganisation: "",
    country: "",
    measures: [],
  };
}
