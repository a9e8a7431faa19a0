import type { PreviewTable as PreviewTableData } from "@/lib/domain/csv/preview-rows";

// The file's rows as the server read them, each row's problems beside it.
// Row numbers are the spreadsheet's, so the analyst can find the row to fix.

export function rowAnchor(row: number) {
  return `import-row-${row}`;
}

export function PreviewTable({ table, rowCount }: { table: PreviewTableData; rowCount: number }) {
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="import-preview">
          <caption className="mb-2 text-left text-lg font-semibold">Rows in the file</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="py-2 pr-3">
                Row
              </th>
              <th scope="col" className="py-2 pr-3">
                Case (slug)
              </th>
              <th scope="col" className="py-2 pr-3">
                Measure
              </th>
              <th scope="col" className="py-2 pr-3">
                Unit
              </th>
              <th scope="col" className="py-2 pr-3">
                Before
              </th>
              <th scope="col" className="py-2 pr-3">
                After
              </th>
              <th scope="col" className="py-2 pr-3">
                Reported change
              </th>
              <th scope="col" className="py-2 pr-3">
                Qualifiers and wording
              </th>
              <th scope="col" className="py-2 pr-3">
                As it will be published
              </th>
              <th scope="col" className="py-2">
                Problems
              </th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr
                key={r.row}
                id={rowAnchor(r.row)}
                className={`border-b border-slate-200 ${r.problems.length ? "bg-red-50" : ""}`}
                data-row={r.row}
              >
                <th scope="row" className="py-2 pr-3 font-normal">
                  {r.row}
                </th>
                <td className="py-2 pr-3 font-mono">{r.caseSlug}</td>
                <td className="py-2 pr-3">{r.measureLabel}</td>
                <td className="py-2 pr-3">{r.unit}</td>
                <td className="py-2 pr-3">{r.before}</td>
                <td className="py-2 pr-3">{r.after}</td>
                <td className="py-2 pr-3">{r.reportedChange}</td>
                <td className="py-2 pr-3 text-slate-700" data-testid="preview-wording">
                  {r.wording}
                </td>
                <td className="py-2 pr-3 font-semibold" data-testid="preview-published">
                  {r.asPublished ?? "–"}
                </td>
                <td className="py-2">
                  {r.problems.length ? (
                    <ul className="space-y-1 font-semibold text-red-700">
                      {r.problems.map((p) => (
                        <li key={p}>{p}</li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-slate-600">OK</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.hiddenCount > 0 ? (
        <p className="text-sm text-slate-700">
          Showing {table.rows.length.toLocaleString("en-GB")} of {rowCount.toLocaleString("en-GB")} rows: every row with a problem, then the
          first rows. All {rowCount.toLocaleString("en-GB")} rows were checked.
        </p>
      ) : null}
    </div>
  );
}
