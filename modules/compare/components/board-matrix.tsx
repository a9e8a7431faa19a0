import Link from "next/link";
import { CHART_COLOURS } from "@/components/charts/chart-colours";
import { SpcGlyph } from "@/modules/spc/components/spc-glyph";
import type { SpcIconView } from "@/modules/spc/present/spc-overview";
import type { BoardGroup, BoardGrouping } from "../present/board-matrix";

// The board summary matrix on a leader's home: one row per measure of the
// organisation's published cases, grouped by case or approach, with the Making
// Data Count icons where a series exists. Server-rendered; printable on A4
// landscape (globals.css, .board-matrix) and downloadable as CSV.

function Icon({ icon }: { icon: SpcIconView }) {
  return (
    <span className="inline-flex items-center gap-1">
      <SpcGlyph icon={icon} size={20} />
      <span>{icon.text}</span>
    </span>
  );
}

export function BoardMatrix({
  groups,
  grouping,
  total,
  shown,
}: {
  groups: BoardGroup[];
  grouping: BoardGrouping;
  total: number;
  shown: number;
}) {
  const other: BoardGrouping = grouping === "case" ? "approach" : "case";
  return (
    <section aria-labelledby="board-heading" className="board-matrix space-y-3" data-testid="board-matrix">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="board-heading" className="text-xl font-semibold">
          Board summary: every published measure ({total})
        </h2>
        <p className="flex flex-wrap gap-4 text-sm print:hidden">
          <Link href={`/dashboard?group=${other}`} className="text-improvement underline" data-testid="board-regroup">
            Group by {other}
          </Link>
          <a href={`/dashboard/board-summary.csv?group=${grouping}`} className="text-improvement underline" download>
            Download as CSV
          </a>
          <span className="text-slate-600">Prints on A4 landscape.</span>
        </p>
      </div>
      <p className="max-w-4xl text-sm text-slate-700">
        The latest value and the change as each published case reports them; where a measure has a series, its Making Data Count icons:
        variation in the latest point (H or L: a special cause high or low; ~: common cause) and assurance against its target (P: will pass,
        F: will fail, ?: hit and miss). Blue is an improvement, orange a concern. Each measure links to its chart.
      </p>
      {total > shown ? (
        <p className="text-sm text-concern">
          The first {shown} of {total} measures are shown; the CSV has them all.
        </p>
      ) : null}
      {groups.length === 0 ? (
        <p>Your organisation has no published cases yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm" data-testid="board-table">
            <caption className="sr-only">
              Every measure of your organisation&apos;s published cases, grouped by {grouping}, with its latest value, change and Making
              Data Count icons
            </caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="py-2 pr-3">
                  Measure
                </th>
                <th scope="col" className="py-2 pr-3">
                  Latest value
                </th>
                <th scope="col" className="py-2 pr-3">
                  Change
                </th>
                <th scope="col" className="py-2 pr-3">
                  Variation
                </th>
                <th scope="col" className="py-2">
                  Assurance
                </th>
              </tr>
            </thead>
            {groups.map((g) => (
              <tbody key={g.key} className="board-group" data-testid="board-group">
                <tr className="border-b border-slate-300 bg-slate-50">
                  <th scope="colgroup" colSpan={5} className="py-1.5 pr-3 font-semibold">
                    {g.href ? (
                      <Link href={g.href} className="text-ink underline">
                        {g.title}
                      </Link>
                    ) : (
                      g.title
                    )}
                  </th>
                </tr>
                {g.rows.map((r) => (
                  <tr key={r.id} className="border-b border-slate-200 align-top" data-testid="board-row">
                    <th scope="row" className="py-1.5 pr-3 font-normal">
                      <Link href={r.href} className="text-improvement underline">
                        {r.label}
                      </Link>
                      {grouping === "approach" ? <span className="block text-xs text-slate-600">{r.caseTitle}</span> : null}
                    </th>
                    <td className="py-1.5 pr-3 tabular-nums">
                      {r.latest}
                      {r.latestNote ? <span className="block text-xs text-slate-600">{r.latestNote}</span> : null}
                    </td>
                    <td className="py-1.5 pr-3">
                      <span className="font-medium" style={{ color: r.tone === "neutral" ? undefined : CHART_COLOURS[r.tone] }}>
                        {r.change}
                      </span>
                      <span className="block text-xs text-slate-600">{r.outcome}</span>
                    </td>
                    <td className="py-1.5 pr-3" data-testid="board-variation">
                      {r.variation ? (
                        <Icon icon={r.variation} />
                      ) : r.runChart ? (
                        r.runChart
                      ) : (
                        <span className="text-slate-600">No series</span>
                      )}
                    </td>
                    <td className="py-1.5" data-testid="board-assurance">
                      {r.assurance ? <Icon icon={r.assurance} /> : <span className="text-slate-600">–</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  );
}
