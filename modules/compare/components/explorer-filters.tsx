import Link from "next/link";
import { FilterSelect, selectClass } from "@/components/ui/filter-select";
import { REFORM_SHIFT_LABELS, SECTOR_LABELS } from "@/lib/domain/labels";
import type { ExplorerFilters } from "@/lib/schemas/comparison";

// A plain GET form: the filters live in the URL, so a link reproduces the view
// and the form works without JavaScript.

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
      <FilterSelect
        id="f-approach"
        name="approach"
        label="Approach"
        value={filters.approach ?? ""}
        any="Any approach"
        options={approaches.map((a) => [a.key, a.name])}
        className="sm:col-span-1 lg:col-span-2"
      />
      <FilterSelect
        id="f-sector"
        name="sector"
        label="Sector"
        value={filters.sector ?? ""}
        any="Any sector"
        options={Object.entries(SECTOR_LABELS)}
      />
      <FilterSelect
        id="f-shift"
        name="shift"
        label="Reform shift"
        value={filters.shift ?? ""}
        any="Any shift"
        options={Object.entries(REFORM_SHIFT_LABELS)}
      />
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
      <FilterSelect
        id="f-design"
        name="design"
        label="Evidence design"
        value={filters.design ?? ""}
        any="All designs"
        options={[
          ["before_after", "Before and after only"],
          ["controlled", "Against a comparison group only (incl. difference-in-differences)"],
        ]}
        className="sm:col-span-1 lg:col-span-2"
      />
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
