import Link from "next/link";
import type { CaseOption } from "@/modules/compare/data/comparisons";
import { compareHref, MAX_COMPARED } from "@/lib/schemas/comparison";
import { LETTERS } from "./compare-model";

// Add and remove cases with plain GET forms and links: the URL is the whole
// state, so it works without JavaScript and every view can be shared. Several
// cases are added at once, by ticking them (issue 20: five cases took 13 clicks).
const control = "mt-1 block rounded border border-slate-400 px-2 py-1.5";

export function ComparePicker({
  slugs,
  titles,
  options,
  more,
  find,
}: {
  slugs: string[];
  titles: Map<string, string>;
  options: CaseOption[];
  more: boolean;
  find: string;
}) {
  const available = options.filter((o) => !slugs.includes(o.slug));
  return (
    <section aria-labelledby="picker-heading" className="space-y-3 rounded border border-slate-200 p-4">
      <h2 id="picker-heading" className="text-lg font-semibold">
        Cases compared ({slugs.length} of up to {MAX_COMPARED})
      </h2>
      {slugs.length > 0 ? (
        <ul className="flex flex-wrap gap-2" data-testid="compared-cases">
          {slugs.map((s, i) => (
            <li key={s} className="flex items-center gap-2 rounded border border-slate-300 px-2 py-1 text-sm">
              <span className="font-bold">{LETTERS[i]}</span> {titles.get(s) ?? s}
              <Link href={compareHref(slugs.filter((x) => x !== s))} className="text-improvement underline">
                Remove<span className="sr-only"> {titles.get(s) ?? s}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {slugs.length < MAX_COMPARED ? (
        <div className="flex flex-wrap items-end gap-6">
          <form method="get" action="/compare" className="space-y-2">
            <input type="hidden" name="cases" value={slugs.join(",")} />
            {find ? <input type="hidden" name="find" value={find} /> : null}
            <fieldset>
              <legend className="text-sm font-medium">Add published cases (up to {MAX_COMPARED - slugs.length} more)</legend>
              <ul
                className="mt-1 max-h-64 max-w-xl space-y-1 overflow-y-auto rounded border border-slate-300 p-2 text-sm"
                data-testid="case-choices"
              >
                {available.map((o) => (
                  <li key={o.slug}>
                    <label className="flex items-start gap-2">
                      <input type="checkbox" name="add" value={o.slug} className="mt-1" />
                      <span>{o.title}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <button type="submit" className="rounded bg-improvement px-3 py-1.5 text-sm font-semibold text-white">
              Add the chosen cases
            </button>
          </form>
          <form method="get" action="/compare" className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="cases" value={slugs.join(",")} />
            <div>
              <label htmlFor="find-case" className="block text-sm font-medium">
                Find cases by title or organisation
              </label>
              <input id="find-case" name="find" type="search" defaultValue={find} className={control} />
            </div>
            <button type="submit" className="rounded border border-slate-400 px-3 py-1.5 text-sm font-semibold">
              Find
            </button>
          </form>
        </div>
      ) : (
        <p className="text-sm text-slate-600">Remove a case to add another.</p>
      )}
      {more ? (
        <p className="text-sm text-slate-600">
          The list shows the first {options.length} cases{find ? " that match" : ""}; use Find to narrow it.
        </p>
      ) : null}
    </section>
  );
}
