import Link from "next/link";
import { AddToComparison } from "./add-to-comparison";
import { OutcomeTag } from "@/modules/cases/components/outcome-tag";
import { ExampleBadge } from "@/components/ui/example-badge";
import { DESIGN_LABELS, formatFigure } from "@/lib/domain/evidence-text";
import type { PoolScale } from "@/lib/domain/pooling";
import type { ExplorerRow } from "@/modules/compare/data/measure-library";
import { formatPooled, OUTCOME_WORDS, STATUS_WORDS, toneOf } from "./pooled-text";

// The figures behind the plot: every row links to its case. The figure is
// printed under its design as the source reports it (formatFigure), the pooled
// value beside it, and the design and evidence level after.
export function ExplorerTable({ rows, scale, caption, id }: { rows: ExplorerRow[]; scale: PoolScale; caption: string; id?: string }) {
  return (
    <div className="overflow-x-auto">
      <table id={id} className="w-full border-collapse text-left text-sm" data-testid="explorer-table">
        <caption className="mb-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="py-2 pr-3">
              Case
            </th>
            <th scope="col" className="py-2 pr-3">
              Change as reported or computed
            </th>
            <th scope="col" className="py-2 pr-3">
              {scale === "pp" ? "Pooled (pp)" : "Pooled (log change)"}
            </th>
            <th scope="col" className="py-2 pr-3">
              Outcome
            </th>
            <th scope="col" className="py-2">
              Design and figures
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.slug}-${i}`} className="border-b border-slate-200 align-top" data-testid="explorer-row">
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link href={`/cases/${r.slug}`} className="font-medium text-improvement underline">
                  {r.title}
                </Link>
                <span className="block text-xs text-slate-600">{r.organisation}</span>
                {r.isExample ? <ExampleBadge /> : null}
                <AddToComparison slug={r.slug} title={r.title} className="block text-xs" />
              </th>
              <td className="py-2 pr-3 font-semibold" data-testid="explorer-change">
                {formatFigure(r.figures, r.figures.assessment)}
              </td>
              <td className="py-2 pr-3 tabular-nums" data-testid="explorer-pooled">
                {r.status === "pooled" ? formatPooled(r.value, scale) : STATUS_WORDS[r.status]}
              </td>
              <td className="py-2 pr-3">
                <OutcomeTag outcome={r.outcome} word={OUTCOME_WORDS[r.outcome]} tone={toneOf(r.outcome)} />
              </td>
              <td className="py-2">
                <span className="block" data-testid="explorer-design">
                  {DESIGN_LABELS[r.design]} · level {r.evidenceLevel}
                </span>
                {r.reportedOnly
                  ? "◇ Reported change only"
                  : r.status === "one_figure"
                    ? "One value only"
                    : r.figures.fromSeries
                      ? "● Means of the series' phases"
                      : "● Raw before and after"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
