import Link from "next/link";
import { OutcomeTag } from "@/modules/cases/components/outcome-tag";
import { ExampleBadge } from "@/components/ui/example-badge";
import type { ComparedCase } from "@/modules/compare/data/comparisons";
import { describeEvidenceLevel, SECTOR_LABELS } from "@/lib/domain/labels";
import { LETTERS, type CompareCell, type OnlyRow, type SharedRow } from "./compare-model";

function provenance(c: ComparedCase): string {
  const reported = c.measures.filter((m) => (m.before === null || m.after === null) && m.reportedChange !== null).length;
  const raw = c.measures.filter((m) => m.before !== null && m.after !== null).length;
  const fromSeries = c.measures.filter((m) => m.fromSeries).length;
  const series = fromSeries ? ` (${fromSeries} of them the means of a series' phases)` : "";
  return `${raw} raw before/after${series} · ${reported} reported only · ${c.measures.length - raw - reported} one value`;
}

function period(c: ComparedCase): string {
  const parts = [
    c.baselinePeriod && `before: ${c.baselinePeriod}`,
    c.followUpPeriod && `after: ${c.followUpPeriod}`,
    c.interventionDate && `intervention ${c.interventionDate}`,
  ];
  return parts.filter(Boolean).join("; ") || "not stated";
}

export function ContextTable({ cases }: { cases: ComparedCase[] }) {
  const rows: Array<[string, (c: ComparedCase) => React.ReactNode]> = [
    ["Organisation", (c) => c.organisation],
    ["Approach", (c) => c.approach ?? "not recorded"],
    ["Sector", (c) => SECTOR_LABELS[c.sector]],
    ["Period", period],
    ["Evidence level", (c) => describeEvidenceLevel(c.evidenceLevel)],
    ["Raw vs reported figures", provenance],
  ];
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid="context-table">
        <caption className="mb-2 text-left text-lg font-semibold">Context of each case</caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <td />
            {cases.map((c, i) => (
              <th key={c.slug} scope="col" className="py-2 pr-3 align-top">
                <span className="font-bold">{LETTERS[i]}</span>{" "}
                <Link href={`/cases/${c.slug}`} className="text-improvement underline">
                  {c.title}
                </Link>
                {c.isExample ? (
                  <span className="block">
                    <ExampleBadge />
                  </span>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, get]) => (
            <tr key={label} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-3">
                {label}
              </th>
              {cases.map((c) => (
                <td key={c.slug} className="py-2 pr-3">
                  {get(c)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ cell }: { cell: CompareCell | null }) {
  if (!cell) return <span className="text-slate-600">not reported</span>;
  return (
    <span className="space-y-1">
      <span className="block font-semibold" data-testid="shared-change">
        {cell.display}
      </span>
      <OutcomeTag outcome={cell.outcome} word={cell.outcomeWord} tone={cell.tone} />
      {cell.reportedOnly ? <span className="block text-xs text-slate-600">Reported change only</span> : null}
    </span>
  );
}

export function SharedTable({ cases, shared }: { cases: ComparedCase[]; shared: SharedRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid="shared-table">
        <caption className="mb-2 text-left font-semibold">Shared measures, side by side</caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="py-2 pr-3">
              Measure type
            </th>
            {cases.map((c, i) => (
              <th key={c.slug} scope="col" className="py-2 pr-3">
                {LETTERS[i]}: {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shared.map((r) => (
            <tr key={r.typeKey} className="border-b border-slate-200 align-top" data-testid="shared-row">
              <th scope="row" className="py-2 pr-3">
                <Link href={`/measures/${r.typeKey}`} className="text-improvement underline">
                  {r.typeName}
                </Link>
              </th>
              {r.cells.map((cell, i) => (
                <td key={i} className="py-2 pr-3">
                  <Cell cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OnlyTable({ only }: { only: OnlyRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid="only-table">
        <caption className="mb-2 text-left text-lg font-semibold">Measures only one of these cases has</caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="py-2 pr-3">
              Case
            </th>
            <th scope="col" className="py-2 pr-3">
              Measure
            </th>
            <th scope="col" className="py-2 pr-3">
              Change
            </th>
            <th scope="col" className="py-2">
              Outcome
            </th>
          </tr>
        </thead>
        <tbody>
          {only.map((r, i) => (
            <tr key={`${r.slug}-${i}`} className="border-b border-slate-200 align-top">
              <td className="py-2 pr-3">
                <span className="font-bold">{r.letter}</span>{" "}
                <Link href={`/cases/${r.slug}`} className="text-improvement underline">
                  {r.caseTitle}
                </Link>
              </td>
              <th scope="row" className="py-2 pr-3 font-normal">
                {r.cell.label}
                {r.typeName ? (
                  <span className="block text-xs text-slate-600">{r.typeName}</span>
                ) : (
                  <span className="block text-xs text-slate-600">no measure type</span>
                )}
              </th>
              <td className="py-2 pr-3 font-semibold">{r.cell.display}</td>
              <td className="py-2">
                <OutcomeTag outcome={r.cell.outcome} word={r.cell.outcomeWord} tone={r.cell.tone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
