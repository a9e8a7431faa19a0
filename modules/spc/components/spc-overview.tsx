"use client";

// The "Over time" summary table: one row per series with its Making Data Count
// icons, the mean before and after, and the summary sentence; each measure
// links to its chart page. A client component only so that the page's inline
// RSC payload carries these rows as data, not as a rendered table (see
// modules/cases/components/case-view.tsx); it has no state.
import type { SpcIconView, SpcOverviewRow } from "@/modules/spc/present/spc-overview";
import { SpcGlyph } from "./spc-glyph";

function Icon({ icon }: { icon: SpcIconView }) {
  return (
    <span className="inline-flex items-center gap-1">
      <SpcGlyph icon={icon} size={22} />
      {icon.text}
    </span>
  );
}

export function SpcOverview({ rows }: { rows: SpcOverviewRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="data-table" data-testid="spc-overview">
        <caption>Each series at a glance: variation, assurance and the mean before and after the intervention</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">Variation (latest point)</th>
            <th scope="col">Assurance (against the target)</th>
            <th scope="col">Mean: first phase → latest</th>
            <th scope="col">What the chart shows</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid="spc-overview-row">
              <th scope="row">
                <a href={r.href} className="text-improvement underline">
                  {r.label}
                </a>
                <span className="block text-xs font-normal text-slate-600">{r.points} points</span>
              </th>
              <td>{r.variation ? <Icon icon={r.variation} /> : r.runChart ? r.runChart.text : null}</td>
              <td>{r.assurance ? <Icon icon={r.assurance} /> : "No target set"}</td>
              <td className="whitespace-nowrap">{r.after === null ? r.before : `${r.before} → ${r.after}`}</td>
              <td>{r.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
