import Link from "next/link";
import { REFORM_SHIFT_LABELS, SECTOR_LABELS } from "@/lib/domain/labels";
import type { ExplorerFilters } from "@/lib/schemas/comparison";

// A plain GET form: the filters live in the URL, so a link reproduces the view
// and the form works without JavaScript.
const selectClass = "mt-1 block w-full rounded border border-slate-400 px-2 py-1.5";

export function ExplorerFiltersForm({
  action,
  filters,
  approaches,
}: {
  action: string;
  filters: ExplorerFilters;
  approaches: Array<{ key: string; name: string }>;
}) {
  return (
    <form
      method="get"
      action={action}
      className="grid gap-3 rounded border border-slate-200 p-4 sm:grid-cols-3 lg:grid-cols-6"
      aria-label="Filter the cases"
    >
      <div className="sm:col-span-1 lg:col-span-2">
        <label htmlFor="f-approach" className="block text-sm font-medium">
          Approach
        </label>
        <select id="f-approach" name="approach" defaultValue={filters.approach ?? ""} className={selectClass}>
          <option value="">Any approach</option>
          {approaches.map((a) => (
            <option key={a.key} value={a.key}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-sector" className="block text-sm font-medium">
          Sector
        </label>
        <select id="f-sector" name="sector" defaultValue={filters.sector ?? ""} className={selectClass}>
          <option value="">Any sector</option>
          {Object.entries(SECTOR_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-shift" className="block text-sm font-medium">
          Reform shift
        </label>
        <select id="f-shift" name="shift" defaultValue={filters.shift ?? ""} className={selectClass}>
          <option value="">Any shift</option>
          {Object.entries(REFORM_SHIFT_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="sm:col-span-2 lg:col-span-2">
        <legend className="text-sm font-medium">Intervention year</legend>
        <div className="flex items-center gap-2">
          <label htmlFor="f-from" className="sr-only">
            From year
          </label>
          <input
            id="f-from"
            name="from"
            type="number"
            inputMode="numeric"
            min={1900}
            max={2100}
            placeholder="from"
            defaultValue={filters.from ?? ""}
            className={`${selectClass} w-24`}
          />
          <span aria-hidden="true">to</span>
          <label htmlFor="f-to" className="sr-only">
            To year
          </label>
          <input
            id="f-to"
            name="to"
            type="number"
            inputMode="numeric"
            min={1900}
            max={2100}
            placeholder="to"
            defaultValue={filters.to ?? ""}
            className={`${selectClass} w-24`}
          />
        </div>
      </fieldset>
      <div className="sm:col-span-1 lg:col-span-2">
        <label htmlFor="f-design" className="block text-sm font-medium">
          Evidence design
        </label>
        <select id="f-design" name="design" defaultValue={filters.design ?? ""} className={selectClass}>
          <option value="">All designs</option>
          <option value="before_after">Before and after only</option>
          <option value="controlled">Against a comparison group only (incl. difference-in-differences)</option>
        </select>
      </div>
      <div className="flex items-end gap-2 text-sm sm:col-span-2 lg:col-span-4">
        <input id="f-small" name="small" type="checkbox" value="1" defaultChecked={filters.small} className="mb-1.5" />
        <label htmlFor="f-small" className="mb-1">
          Also pool changes from a small baseline (under 5, or a rise of over 500%)
        </label>
      </div>
      <div className="flex items-end gap-3 sm:col-span-3 lg:col-span-6">
        <button type="submit" className="rounded bg-improvement px-3 py-1.5 text-sm font-semibold text-white">
          Apply filters
        </button>
        <Link href={action} className="text-sm text-improvement underline">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
