"use client";

// The data table under an approach card's chart: rows of text, the first cell
// of each a row header (a link to its case where there is one). Rendered into
// the HTML on the server like any table; a client component only so that the
// RSC payload carries the cells' text once rather than every <tr>, <th> and
// <td> a second time (/approaches has about 40 of these; issue 14's cold
// render). It has no state and no effects.
import Link from "next/link";

export interface FigureTableRow {
  cells: string[];
  /** Where the row header links to. */
  href?: string;
}

export function FigureTable({
  id,
  caption,
  columns,
  rows,
  wide = false,
}: {
  id: string;
  caption: string;
  columns: string[];
  rows: FigureTableRow[];
  wide?: boolean;
}) {
  return (
    <table id={id} className={wide ? "figure-table w-full" : "figure-table"}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            <th scope="row">
              {r.href ? (
                <Link href={r.href} className="text-improvement underline">
                  {r.cells[0]}
                </Link>
              ) : (
                r.cells[0]
              )}
            </th>
            {r.cells.slice(1).map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
