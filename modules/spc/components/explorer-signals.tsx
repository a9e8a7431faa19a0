import Link from "next/link";
import type { SeriesSignalRow } from "@/modules/spc/data/series";

// Which of the explorer's figures rest on a time series that shows a real
// (special-cause) change, and how many rest on two points only — the honest
// caveat leaders need before pooling before/after figures.
export function ExplorerSignals({ rows, totalFigures }: { rows: SeriesSignalRow[]; totalFigures: number }) {
  const supported = rows.filter((r) => r.evidence.kind === "series" && r.evidence.signal.status === "special_cause");
  const twoPointOnly = Math.max(0, totalFigures - rows.length);
  return (
    <section aria-labelledby="signals-heading" className="space-y-2 text-sm" data-testid="explorer-signals">
      <h2 id="signals-heading" className="text-xl font-semibold">
        Real change or noise?
      </h2>
      <p className="max-w-3xl text-slate-700">
        {supported.length} of {totalFigures} {totalFigures === 1 ? "figure is" : "figures are"} supported by a special-cause signal in a
        series charted with process limits (NHS “Making Data Count” rules; each measure&apos;s own SPC settings). {twoPointOnly}{" "}
        {twoPointOnly === 1 ? "rests" : "rest"} on two points only — a before and an after — which cannot tell a real change from ordinary
        variation.
      </p>
      {rows.length > 0 ? (
        <ul className="list-disc space-y-1 pl-6">
          {rows.map((r) => (
            <li key={r.measureId}>
              <Link href={`/cases/${r.caseSlug}`} className="text-improvement underline">
                {r.caseTitle}
              </Link>
              {r.isExample ? " (fictional example)" : ""} — {r.measureLabel}: {r.description}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
