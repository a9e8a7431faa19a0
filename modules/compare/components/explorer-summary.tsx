import type { ExplorerStats } from "@/modules/compare/data/measure-library";
import { formatNumber } from "@/lib/domain/format";
import { describeSpread, MIN_FOR_QUARTILES, type PoolScale } from "@/lib/domain/pooling";
import { formatPooled } from "./pooled-text";

const n = (x: number) => formatNumber(x, 0);

/** The distribution's figures as a list, and the one-sentence summary that goes under the plot. */
export function ExplorerSummary({ stats, scale }: { stats: ExplorerStats; scale: PoolScale }) {
  const spread = describeSpread(stats);
  const items: Array<[string, string, string]> = [
    ["n", `${n(stats.n)} ${stats.n === 1 ? "figure" : "figures"}`, `from ${n(stats.cases)} ${stats.cases === 1 ? "case" : "cases"}`],
    ["Median", formatPooled(stats.median, scale), "half the figures lie each side"],
    spread?.kind === "interquartile"
      ? [
          "Interquartile range",
          `${formatPooled(spread.low, scale)} to ${formatPooled(spread.high, scale)}`,
          "the middle half of the figures",
        ]
      : [
          "Range",
          spread ? `${formatPooled(spread.low, scale)} to ${formatPooled(spread.high, scale)}` : "–",
          `lowest to highest: too few figures (under ${MIN_FOR_QUARTILES}) for quartiles`,
        ],
    ["Improved", n(stats.improved), "by each measure's own direction"],
    ["No change", n(stats.noChange), ""],
    ["Got worse", n(stats.worsened), ""],
    ["Raw vs reported", `${n(stats.raw)} raw · ${n(stats.reported)} reported only`, "reported-only changes are lower confidence"],
  ];
  if (stats.changed > 0) items.splice(6, 0, ["Changed, no better direction", n(stats.changed), ""]);
  return (
    <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="explorer-stats">
      {items.map(([term, value, note]) => (
        <div key={term} className="rounded border border-slate-200 p-3">
          <dt className="text-sm text-slate-600">{term}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid={`stat-${term.toLowerCase().replace(/\W+/g, "-")}`}>
            {value}
          </dd>
          {note ? <dd className="text-xs text-slate-600">{note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

export function summarySentence(name: string, stats: ExplorerStats, scale: PoolScale): string {
  if (stats.n === 0) return `No published figures for ${name} can be pooled with these filters.`;
  const spread = describeSpread(stats);
  const spreadText =
    spread?.kind === "interquartile"
      ? `middle half from ${formatPooled(spread.low, scale)} to ${formatPooled(spread.high, scale)}`
      : spread && spread.low !== spread.high
        ? `ranging from ${formatPooled(spread.low, scale)} to ${formatPooled(spread.high, scale)}`
        : null;
  return `${n(stats.n)} published ${stats.n === 1 ? "figure" : "figures"} for ${name}: median ${formatPooled(stats.median, scale)}${spreadText ? `, ${spreadText}` : ""}; ${n(stats.improved)} improved, ${n(stats.noChange)} did not change and ${n(stats.worsened)} got worse; ${n(stats.reported)} are reported-only changes.`;
}
