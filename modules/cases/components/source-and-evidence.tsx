import type { CaseViewData } from "./case-view";
import { describeEvidenceLevel } from "@/lib/domain/labels";

export function SourceAndEvidence({ c }: { c: CaseViewData }) {
  return (
    <div className="space-y-4">
      <div>
        <h3 className="font-semibold">Source</h3>
        <p className="text-sm">{c.sourceCitation}</p>
        {c.sourceUrl ? (
          <p className="text-sm">
            <a href={c.sourceUrl} className="break-all text-improvement underline" rel="noopener noreferrer">
              {c.sourceUrl}
            </a>
          </p>
        ) : (
          <p className="text-sm text-slate-600">No web address is recorded for this source.</p>
        )}
      </div>
      <div>
        <h3 className="font-semibold">Strength of evidence</h3>
        <p className="text-sm" data-testid="evidence-level">
          {describeEvidenceLevel(c.evidenceLevel)}.
        </p>
        <p className="text-sm text-slate-700">
          {c.evidenceLevel <= 2
            ? "A comparison of before and after shows what changed, not why: other things that changed at the same time (demand, staffing, the season, other programmes) could explain some or all of it. Figures reported without their underlying numbers cannot be checked."
            : "The design compares against a group that did not have the reform, which rules out some other explanations; it still cannot rule out all of them."}
        </p>
      </div>
    </div>
  );
}
