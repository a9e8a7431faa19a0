import type { Metadata } from "next";
import Link from "next/link";
import { DOWNLOAD_COLUMNS, SCHEMA_VERSION } from "@/modules/cases/present/download-columns";

export const metadata: Metadata = {
  title: "Download the data",
  description: "CSV and JSON downloads of every published case study, with the meaning of each column.",
  alternates: { canonical: "/data" },
};

// The documentation of the download schema, generated from the same column
// list the downloads are written from.
export default function DataPage() {
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-3xl font-semibold">Download the data</h1>
      <p>
        Every published case study, at its current version, one row per measure:{" "}
        <a href="/downloads/reform-metrics-cases.csv" className="text-improvement underline" download>
          all cases as CSV
        </a>
        ,{" "}
        <a href="/downloads/reform-metrics-cases.xlsx" className="text-improvement underline" download>
          as Excel (.xlsx, with a sheet documenting the columns)
        </a>{" "}
        or{" "}
        <a href="/downloads/reform-metrics-cases.json" className="text-improvement underline" download>
          as JSON
        </a>
        . Each case page has its own CSV and JSON links too (<code>/downloads/cases/&lt;slug&gt;.csv</code> and <code>.json</code>).
      </p>
      <p>
        For scripts and other sites:{" "}
        <Link href="/data/api" className="text-improvement underline">
          the JSON API
        </Link>{" "}
        (cases with filters and pages, single figures by their stable id, series, measure types, approaches; an OpenAPI document).
      </p>
      <section aria-labelledby="rules-heading" className="space-y-2">
        <h2 id="rules-heading" className="text-xl font-semibold">
          How the files work
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            Schema <code>{SCHEMA_VERSION}</code>. Columns are only ever added at the end; renaming or removing one would get a new schema
            name.
          </li>
          <li>CSV: UTF-8 with a byte-order mark, comma-separated, header row, quoted where needed. Empty cell = not reported.</li>
          <li>
            Citation: the CSV has no comment lines (they break most readers). Instead every row carries a <code>citation</code> column and a{" "}
            <code>case_url</code> pointing at the frozen version it came from, and a single case&apos;s file name includes its version (
            <code>reform-metrics-&lt;slug&gt;-v3.csv</code>). The JSON files have a top-level <code>citation</code>.
          </li>
          <li>
            Text cells that begin with <code>=</code>, <code>+</code>, <code>-</code>, <code>@</code>, a tab or a carriage return get a
            leading <code>&apos;</code>, so a spreadsheet does not run them as formulas. Plain numbers (<code>-64</code>) are left as
            numbers.
          </li>
          <li>
            Figures are as the source reports them; nothing is back-calculated. Reported-only changes have empty before and after values.
            Fictional examples are marked <code>is_fictional_example = true</code>: do not cite them.
          </li>
          <li>The JSON files nest measures inside each case, with the same field names as the CSV columns.</li>
        </ul>
      </section>
      <section aria-labelledby="columns-heading" className="space-y-2">
        <h2 id="columns-heading" className="text-xl font-semibold">
          Columns
        </h2>
        <table className="w-full border-collapse text-left text-sm" data-testid="column-table">
          <caption className="sr-only">Download columns, in order</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="py-2 pr-3">
                Column
              </th>
              <th scope="col" className="py-2 pr-3">
                Level
              </th>
              <th scope="col" className="py-2">
                Meaning
              </th>
            </tr>
          </thead>
          <tbody>
            {DOWNLOAD_COLUMNS.map((c) => (
              <tr key={c.name} className="border-b border-slate-200 align-top">
                <th scope="row" className="py-2 pr-3 font-mono font-medium">
                  {c.name}
                </th>
                <td className="py-2 pr-3">{c.level}</td>
                <td className="py-2">{c.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p>
        <Link href="/cases" className="text-improvement underline">
          Browse the case studies
        </Link>
      </p>
    </div>
  );
}
