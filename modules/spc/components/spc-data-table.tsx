"use client";

// The data table beneath an SPC chart: every point with its phase, the
// phase's mean and limits, and what the engine found, in words. A client
// component only so that it shares the chart's compact data (sent once per
// chart) instead of sending a server-rendered table's element tree as well.
import type { SeriesUnit } from "@/lib/domain/series";
import { POINT_TYPE_WORDS, formatSeriesValue, type SpcChartData } from "@/modules/spc/present/spc";

export function SpcDataTable({ data, label, unit }: { data: SpcChartData; label: string; unit: SeriesUnit }) {
  const f = (v: number | null) => (v === null ? "–" : formatSeriesValue(v, unit));
  return (
    <table
      className="mt-2 min-w-[36rem] border-collapse text-left [&_td]:py-1 [&_td]:pr-3 [&_th]:py-1 [&_th]:pr-3 [&_tr]:border-b [&_tr]:border-slate-200"
      data-testid="spc-table"
    >
      <caption className="sr-only">{label}: each point with its phase, mean, process limits and signal</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Value</th>
          <th scope="col">Phase</th>
          <th scope="col">Mean</th>
          <th scope="col">Lower limit</th>
          <th scope="col">Upper limit</th>
          <th scope="col">Signal</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {data.phases.flatMap((ph) =>
          data.labels.slice(ph.start, ph.end + 1).map((date, k) => {
            const i = ph.start + k;
            return (
              <tr key={i}>
                <th scope="row" className="font-normal">
                  {date}
                </th>
                <td>{f(data.values[i]!)}</td>
                <td>{ph.phase}</td>
                <td>{f(ph.mean)}</td>
                <td>{f(ph.lpl)}</td>
                <td>{f(ph.upl)}</td>
                <td>
                  {POINT_TYPE_WORDS[data.types[i]!]}
                  {data.rules[i] ? ` (${data.rules[i]})` : ""}
                </td>
                <td>{data.annotations[i] ?? ""}</td>
              </tr>
            );
          }),
        )}
      </tbody>
    </table>
  );
}
