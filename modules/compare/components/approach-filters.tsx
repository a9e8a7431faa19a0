import Link from "next/link";
import { DESIGN_LABELS } from "@/lib/domain/evidence-text";
import { SECTOR_LABELS } from "@/lib/domain/labels";
import { APPROACH_DESIGNS, type ApproachFilters } from "@/lib/schemas/comparison";

// A plain GET form, so a link reproduces the view and it works without JavaScript.
const selectClass = "mt-1 block w-full rounded border border-slate-400 px-2 py-1.5";

export function ApproachFiltersForm({ filters }: { filters: ApproachFilters }) {
  const any = filters.sector || filters.design || filters.level;
  return (
    <form
      method="get"
      action="/approaches"
      className="grid items-end gap-3 rounded border border-slate-200 p-4 sm:grid-cols-4"
      aria-label="Filter the figures"
    >
      <div>
        <label htmlFor="a-sector" className="block text-sm font-medium">
          Sector
        </label>
        <select id="a-sector" name="sector" defaultValue={filters.sector ?? ""} className={selectClass}>
          <option value="">Any sector</option>
          {Object.entries(SECTOR_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="a-design" className="block text-sm font-medium">
          Design
        </label>
        <select id="a-design" name="design" defaultValue={filters.design ?? ""} className={selectClass}>
          <option value="">Any design</option>
          {APPROACH_DESIGNS.map((d) => (
            <option key={d} value={d}>
              {DESIGN_LABELS[d]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="a-level" className="block text-sm font-medium">
          Evidence level of each figure
        </label>
        <select id="a-level" name="level" defaultValue={filters.level ? String(filters.level) : ""} className={selectClass}>
          <option value="">Any level</option>
          {[2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              Level {n} or above
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" className="rounded bg-improvement px-4 py-2 font-semibold text-white">
          Show
        </button>
        {any ? (
          <Link href="/approaches" className="text-sm text-improvement underline">
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}
