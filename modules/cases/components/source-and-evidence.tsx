import type { CaseViewData } from "./case-view";
import { DESIGN_LABELS } from "@/lib/domain/evidence-text";
import type { Design } from "@/lib/domain/evidence-types";
import { describeEvidenceLevel } from "@/lib/domain/labels";

// The case's source and how strong its evidence is. Each figure is rated by
// its own design (issue 11): a matched comparison rates above a plain
// before/after, so the range and the mix of designs are stated.
export function SourceAndEvidence({ c }: { c: CaseViewData }) {
  const levels = c.measures.map((m) => m.figure.assessment.evidenceLevel);
  const low = levels.length ? Math.min(...levels) : c.evidenceLevel;
  const high = levels.length ? Math.max(...levels) : c.evidenceLevel;
  const designs = new Map<Design, number>();
  for (const m of c.measures) designs.set(m.design, (designs.get(m.design) ?? 0) + 1);
  const controlled = (designs.get("comparison_group") ?? 0) + (designs.get("difference_in_differences") ?? 0);
  return (
    <div className="space-y-4">
      <div>
        <h3 className="font-semibold">Source</h3>
        <p className="text-sm">{c.sourceCitation}</p>
        {c.reportingOrganisation ? <p className="text-sm">Reported by {c.reportingOrganisation}.</p> : null}
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
          {low === high
            ? `${describeEvidenceLevel(low)}.`
            : `Figures rate from level ${low} to level ${high} of 5 on the Maryland Scientific Methods Scale, each by its design.`}
        </p>
        {designs.size > 0 ? (
          <ul className="list-disc pl-6 text-sm" data-testid="design-mix">
            {[...designs].map(([design, n]) => (
              <li key={design}>
                {DESIGN_LABELS[design]}: {n} {n === 1 ? "figure" : "figures"}
              </li>
            ))}
          </ul>
        ) : null}
        <p className="text-sm text-slate-700">
          {controlled === 0
            ? "A comparison of before and after shows what changed, not why: other things that changed at the same time (demand, staffing, the season, other programmes) could explain some or all of it. Figures reported without their underlying numbers cannot be checked."
            : "Figures against a comparison group rule out some other explanations, since the group did not have the reform; they still cannot rule out all of them. Before-and-after figures show what changed, not why."}
        </p>
      </div>
    </div>
  );
}
