import type { CaseViewData } from "./case-view";
import { REFORM_SHIFT_LABELS, SECTOR_LABELS } from "@/lib/domain/labels";
import { formatLongDate } from "@/lib/present/dates";

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function CaseContext({ c }: { c: CaseViewData }) {
  const periods = [c.baselinePeriod && `before: ${c.baselinePeriod}`, c.followUpPeriod && `after: ${c.followUpPeriod}`].filter(Boolean);
  return (
    <dl className="facts text-sm">
      <Item term="Organisation">{c.organisation}</Item>
      <Item term="Sector">{SECTOR_LABELS[c.sector]}</Item>
      <Item term="Approach">{c.approach?.name ?? "Not stated"}</Item>
      <Item term="Reform shifts">
        {c.reformShifts.length > 0 ? c.reformShifts.map((s) => REFORM_SHIFT_LABELS[s]).join(", ") : "None recorded"}
      </Item>
      <Item term="Intervention date">{c.interventionDate ? formatLongDate(c.interventionDate) : "Not stated in the source"}</Item>
      <Item term="Periods compared">{periods.length > 0 ? periods.join("; ") : "Not stated in the source"}</Item>
    </dl>
  );
}
