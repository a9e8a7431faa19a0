import { COLUMNS, EXPORT_ONLY_COLUMNS } from "@/lib/domain/csv/columns";

// The file format, generated from the same column list the import checks.

export function ColumnGuide() {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left text-lg font-semibold">Columns</caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="py-2 pr-3">
              Column
            </th>
            <th scope="col" className="py-2 pr-3">
              Per
            </th>
            <th scope="col" className="py-2 pr-3">
              Must have a value
            </th>
            <th scope="col" className="py-2">
              What to enter
            </th>
          </tr>
        </thead>
        <tbody>
          {COLUMNS.map((c) => (
            <tr key={c.name} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-3 font-mono font-normal">
                {c.name}
              </th>
              <td className="py-2 pr-3">{c.level}</td>
              <td className="py-2 pr-3">{c.required ? "yes" : "no"}</td>
              <td className="py-2">{c.description}</td>
            </tr>
          ))}
          {EXPORT_ONLY_COLUMNS.map((c) => (
            <tr key={c.name} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-3 font-mono font-normal">
                {c.name}
              </th>
              <td className="py-2 pr-3">case</td>
              <td className="py-2 pr-3">no (ignored on import)</td>
              <td className="py-2">{c.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
