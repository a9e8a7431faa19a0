import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Markdown from "react-markdown";
import { getPublishedCase } from "@/lib/data/public-cases";
import { parseSlug } from "@/lib/schemas/slug";
import { buildMeasureRow, listUnchartedRows, toChartRows } from "@/lib/present/case-figures";
import { summariseCase } from "@/lib/domain/summary";
import { formatLongDate } from "@/lib/present/dates";
import { ChangeChart } from "@/components/charts/change-chart";
import { CaseContext } from "@/components/cases/case-context";
import { MeasuresTable } from "@/components/cases/measures-table";
import { SourceAndEvidence } from "@/components/cases/source-and-evidence";
import { ExampleBanner } from "@/components/ui/example-badge";

// Rendered per request for now; the public-pages work adds caching with
// on-demand revalidation when a case is published.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

async function loadCase(params: Props["params"]) {
  const slug = parseSlug((await params).slug);
  return slug ? getPublishedCase(slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const c = await loadCase(params);
  if (!c) return { title: "Case study not found" };
  return { title: c.title, description: `Before-and-after results of “${c.title}” (${c.organisation}), as reported by its source.` };
}

export default async function CasePage({ params }: Props) {
  const c = await loadCase(params);
  if (!c) notFound();

  const rows = c.measures.map((m) => buildMeasureRow(m));
  const chartRows = toChartRows(rows);
  const uncharted = listUnchartedRows(rows);
  const caseSummary = summariseCase(c.measures);

  return (
    <article className="space-y-10">
      <header className="space-y-3">
        {c.isExample ? <ExampleBanner /> : null}
        <h1 className="text-3xl font-semibold">{c.title}</h1>
        <p className="text-sm text-slate-700" data-testid="version-line">
          Version {c.version}, published {formatLongDate(c.publishedAt)}
          {c.changeNote ? ` · ${c.changeNote}` : ""}
        </p>
        <div className="prose max-w-3xl space-y-3 text-base">
          <Markdown>{c.summary}</Markdown>
        </div>
      </header>

      <section aria-labelledby="changes-heading" className="space-y-4">
        <h2 id="changes-heading" className="text-2xl font-semibold">What changed</h2>
        <figure className="space-y-3">
          <figcaption className="text-sm text-slate-700">
            Change in each measure. Blue bars are improvements and orange bars are concerns, whichever way the number moved. Measures that are
            themselves percentages are shown in percentage points (pp). Striped bars are changes the source reported without raw figures.
          </figcaption>
          {chartRows.length > 0 ? (
            <ChangeChart
              rows={chartRows}
              title={`Change in ${chartRows.length} measures: ${c.title}`}
              description={caseSummary}
            />
          ) : (
            <p>None of this case&apos;s measures has a change that can be charted.</p>
          )}
        </figure>
        {uncharted.length > 0 ? (
          <div className="text-sm">
            <p className="font-semibold">Not on the chart:</p>
            <ul className="list-disc pl-6">
              {uncharted.map(({ row, reason }) => (
                <li key={row.id}>
                  {row.label}: {row.change} — {reason}.
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="max-w-3xl" data-testid="case-summary">{caseSummary}</p>
        <MeasuresTable rows={rows} caption="Measures: before, after and change" />
        <ul className="max-w-3xl list-disc space-y-1 pl-6 text-sm text-slate-700" aria-label="Each measure in words">
          {rows.map((row) => (
            <li key={row.id}>{row.summary}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="context-heading" className="grid gap-8 md:grid-cols-2">
        <div>
          <h2 id="context-heading" className="mb-2 text-2xl font-semibold">Context</h2>
          <CaseContext c={c} />
        </div>
        <SourceAndEvidence c={c} />
      </section>
    </article>
  );
}
