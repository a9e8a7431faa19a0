import Link from "next/link";
import type { CaseOption } from "@/modules/compare/data/comparisons";
import { compareHref, MAX_COMPARED } from "@/lib/schemas/comparison";
import { LETTERS } from "./compare-model";

// Add and remove cases with plain GET forms and links: the URL is the whole
// state, so it works without JavaScript and every view can be shared.
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
          <form method="get" action="/compare" className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="cases" value={slugs.join(",")} />
            {find ? <input type="hidden" name="find" value={find} /> : null}
            <div>
              <label htmlFor="add-case" className="block text-sm font-medium">
                Add a published case
              </label>
              <select id="add-case" name="add" className={`${control} max-w-md`} required>
                {available.map((o) => (
                  <option key={o.slug} value={o.slug}>
                    {o.title}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="rounded bg-improvement px-3 py-1.5 text-sm font-semibold text-white">
              Add case
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
