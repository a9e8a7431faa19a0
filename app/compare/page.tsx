import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { GroupedChangeChart } from "@/modules/compare/components/grouped-change-chart";
import { buildComparison, LETTERS } from "@/modules/compare/components/compare-model";
import { ComparePicker } from "@/modules/compare/components/compare-picker";
import { RememberComparison } from "@/modules/compare/components/add-to-comparison";
import { ContextTable, OnlyTable, SharedTable } from "@/modules/compare/components/compare-tables";
import { SaveComparisonForm } from "@/modules/compare/components/save-comparison-form";
import { getCurrentUser } from "@/modules/auth/session";
import { getComparedCases, listCaseOptions } from "@/modules/compare/data/comparisons";
import { compareHref, MIN_COMPARED, parseComparedSlugs } from "@/lib/schemas/comparison";
import { ChartDownloads } from "@/components/charts/chart-downloads";
import { readSiteUrl } from "@/lib/present/site-url";

export const metadata: Metadata = {
  title: "Compare cases",
  description:
    "Two to six published reform cases side by side: the measures they share, their context and the measures only one of them has.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ComparePage({ searchParams }: Props) {
  const params = await searchParams;
  const requested = parseComparedSlugs(params);
  // The picker's GET forms add ?add=; answer with the canonical ?cases=a,b,c URL.
  if (params.add !== undefined || params.remove !== undefined) redirect(compareHref(requested));
  const find = typeof params.find === "string" ? params.find.trim().slice(0, 100) : "";
  const [cases, { options, more }, user] = await Promise.all([getComparedCases(requested), listCaseOptions(find), getCurrentUser()]);
  const slugs = cases.map((c) => c.slug);
  const titles = new Map(cases.map((c) => [c.slug, c.title]));
  const { shared, only } = buildComparison(cases);
  const letters = LETTERS.slice(0, cases.length);
  const missing = requested.filter((s) => !titles.has(s));

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">Compare cases</h1>
        <p className="max-w-3xl text-slate-700">
          Choose two to six published cases. Measures are matched by their type in the{" "}
          <Link href="/measures" className="text-improvement underline">
            measure library
          </Link>
          ; changes are shown as each source reports them, coloured by whether they are improvements.
        </p>
      </header>
      {missing.length > 0 ? (
        <p role="note" className="text-sm text-concern">
          Not found or not published: {missing.join(", ")}.
        </p>
      ) : null}
      <RememberComparison slugs={slugs} />
      <ComparePicker slugs={slugs} titles={titles} options={options} more={more} find={find} />
      {cases.length < MIN_COMPARED ? (
        <p>Add {MIN_COMPARED - cases.length === 1 ? "one more case" : "two cases"} to compare them.</p>
      ) : (
        <>
          <ContextTable cases={cases} />
          <section aria-labelledby="shared-heading" className="space-y-3">
            <h2 id="shared-heading" className="text-xl font-semibold">
              Measures they share ({shared.length})
            </h2>
            {shared.length === 0 ? (
              <p>These cases have no measure type in common.</p>
            ) : (
              <>
                <GroupedChangeChart
                  id="compare-chart"
                  rows={shared.map((r) => ({
                    label: r.typeName,
                    cells: r.cells.map((c) => (c?.bar ? { value: c.bar.value, tone: c.tone, reportedOnly: c.reportedOnly } : null)),
                  }))}
                  letters={letters}
                  title="Shared measures: change in each case"
                  description={`Bars for cases ${letters.join(", ")}, one group per shared measure; blue is an improvement, orange a deterioration, hatched a reported-only change.`}
                />
                <p className="text-xs text-slate-600">
                  Each bar is labelled with its case&apos;s letter. Blue: improved; orange: got worse; grey: no change; hatched: reported
                  change only.
                </p>
                <SharedTable cases={cases} shared={shared} />
              </>
            )}
            <p className="flex flex-wrap items-center gap-4 text-sm">
              <a href={`/compare/csv?cases=${slugs.join(",")}`} className="text-improvement underline" download>
                Download the figures (CSV)
              </a>
              {shared.length > 0 ? (
                <ChartDownloads
                  chartId="compare-chart"
                  fileName={`comparison-${slugs.join("-").slice(0, 80)}`}
                  csvHref={`/compare/csv?cases=${slugs.join(",")}`}
                  label="the comparison chart"
                />
              ) : null}
              <span className="text-slate-600">
                Link to this view:{" "}
                <a href={`${readSiteUrl()}${compareHref(slugs)}`} className="break-all text-improvement underline" data-testid="share-link">
                  {`${readSiteUrl()}${compareHref(slugs)}`}
                </a>
              </span>
            </p>
          </section>
          {only.length > 0 ? <OnlyTable only={only} /> : null}
          {user?.organisationId ? (
            <SaveComparisonForm slugs={slugs} />
          ) : user ? null : (
            <p className="text-sm">
              <Link href={`/sign-in?next=${encodeURIComponent(compareHref(slugs))}`} className="text-improvement underline">
                Sign in
              </Link>{" "}
              to save this comparison for your organisation.
            </p>
          )}
        </>
      )}
    </div>
  );
}
