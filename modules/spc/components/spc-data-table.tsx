"use client";

// The data table beneath an SPC chart: every point with its phase, the
// phase's mean and limits, and what the engine found, in words. A client
// component only so that it shares the chart's compact data (sent once per
// chart) instead of sending a server-rendered table's element tree as well.
import type { SeriesUnit } from "@/lib/domain/series";
import { formatSeriesValue, signalWords, type SpcChartData } from "@/modules/spc/present/spc";

export function SpcDataTable({ data, label, unit, id }: { data: SpcChartData; label: string; unit: SeriesUnit; id?: string }) {
  const f = (v: number | null) => (v === null ? "–" : formatSeriesValue(v, unit));
  return (
    <table
      id={id}
      className="mt-2 min-w-[36rem] border-collapse text-left [&_td]:py-1 [&_td]:pr-3 [&_th]:py-1 [&_th]:pr-3 [&_tr]:border-b [&_tr]:border-slate-200"
      data-testid="spc-table"
    >
      <caption className="sr-only">
        {label}:{" "}
        {data.runChart
          ? "each point with the median and its signal under the run-chart rules"
          : "each point with its phase, mean, process limits and signal"}
      </caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Value</th>
          {data.runChart ? null : <th scope="col">Phase</th>}
          <th scope="col">{data.centreLabel}</th>
          {data.runChart ? null : <th scope="col">Lower limit</th>}
          {data.runChart ? null : <th scope="col">Upper limit</th>}
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
                {data.runChart ? null : <td>{ph.phase}</td>}
                <td>{f(ph.mean)}</td>
                {data.runChart ? null : <td>{f(ph.lpl)}</td>}
                {data.runChart ? null : <td>{f(ph.upl)}</td>}
                <td>
                  {signalWords(data.types[i]!, data.sides[i] ?? null)}
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
