import Link from "next/link";
import { FilterSelect } from "@/components/ui/filter-select";
import { DESIGN_LABELS } from "@/lib/domain/evidence-text";
import { SECTOR_LABELS } from "@/lib/domain/labels";
import { APPROACH_DESIGNS, type ApproachFilters } from "@/lib/schemas/comparison";

// A plain GET form, so a link reproduces the view and it works without JavaScript.

export function ApproachFiltersForm({ filters }: { filters: ApproachFilters }) {
  const any = filters.sector || filters.design || filters.level;
  return (
    <form
      method="get"
      action="/approaches"
      className="grid items-end gap-3 rounded border border-slate-200 p-4 sm:grid-cols-4"
      aria-label="Filter the figures"
    >
      <FilterSelect
        id="a-sector"
        name="sector"
        label="Sector"
        value={filters.sector ?? ""}
        any="Any sector"
        options={Object.entries(SECTOR_LABELS)}
      />
      <FilterSelect
        id="a-design"
        name="design"
        label="Design"
        value={filters.design ?? ""}
        any="Any design"
        options={APPROACH_DESIGNS.map((d) => [d, DESIGN_LABELS[d]])}
      />
      <FilterSelect
        id="a-level"
        name="level"
        label="Evidence level of each figure"
        value={filters.level ? String(filters.level) : ""}
        any="Any level"
        options={[2, 3, 4, 5].map((n) => [String(n), `Level ${n} or above`])}
      />
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
