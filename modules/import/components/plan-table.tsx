import type { CasePlan } from "@/modules/import/data/case-import";

// One line per case in the file: what importing it would do (or did).

function describePlan(p: CasePlan): string {
  switch (p.action) {
    case "create":
      return "New case, saved as a draft";
    case "update":
      return `Update the draft: ${p.changeCount} ${p.changeCount === 1 ? "change" : "changes"}`;
    case "unchanged":
      return "No changes";
    case "invalid":
      return "Not importable until its rows are fixed";
  }
}

function rowRange(rows: number[]): string {
  if (rows.length === 0) return "";
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  return first === last ? String(first) : `${first}–${last}`;
}

export function PlanTable({ plans, caption }: { plans: CasePlan[]; caption: string }) {
  return (
    <table className="w-full text-left text-sm" data-testid="import-plan">
      <caption className="mb-2 text-left text-lg font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-slate-300">
          <th scope="col" className="py-2 pr-3">
            Case (slug)
          </th>
          <th scope="col" className="py-2 pr-3">
            Title
          </th>
          <th scope="col" className="py-2 pr-3">
            Rows
          </th>
          <th scope="col" className="py-2 pr-3">
            Measures
          </th>
          <th scope="col" className="py-2">
            What happens
          </th>
        </tr>
      </thead>
      <tbody>
        {plans.map((p) => (
          <tr key={p.slug} className="border-b border-slate-200" data-plan={p.action}>
            <th scope="row" className="py-2 pr-3 font-mono font-normal">
              {p.slug}
            </th>
            <td className="py-2 pr-3">{p.title ?? "—"}</td>
            <td className="py-2 pr-3">{rowRange(p.rows)}</td>
            <td className="py-2 pr-3">{p.measureCount}</td>
            <td className={`py-2 ${p.action === "invalid" ? "font-semibold text-red-700" : ""}`}>{describePlan(p)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
