import type { CaseViewData } from "./case-view";
import { formatCitation } from "@/modules/cases/present/citation";
import { CopyField } from "./copy-field";

// Cite, download, embed: everything a board paper or a blog needs to reuse
// the figures, with the citation pointing at this frozen version.
export function SharePanel({ c, siteUrl }: { c: CaseViewData; siteUrl: string }) {
  const citation = formatCitation(c, siteUrl);
  // The iframe sizes itself to its content through embed.js; without
  // JavaScript it keeps the fixed height and scrolls (the link back is at its top).
  const embed = `<iframe src="${siteUrl}/embed/cases/${c.slug}" title="${c.title.replace(/"/g, "&quot;")}: change in each measure (Reform Metrics)" width="100%" height="720" style="border:0" loading="lazy"></iframe>\n<script src="${siteUrl}/embed.js" async></script>`;
  const file = `/downloads/cases/${c.slug}`;
  return (
    <section aria-labelledby="reuse-heading" className="no-print space-y-4" data-testid="share-panel">
      <h2 id="reuse-heading" className="text-2xl font-semibold">
        Cite, download or embed
      </h2>
      <CopyField label="Cite this version" value={citation} rows={3} testId="citation" />
      <div>
        <h3 className="text-sm font-semibold">Download the figures</h3>
        <ul className="mt-1 flex flex-wrap gap-4 text-sm">
          <li>
            <a href={`${file}.csv`} className="text-improvement underline" download>
              CSV (one row per measure)
            </a>
          </li>
          <li>
            <a href={`${file}.json`} className="text-improvement underline" download>
              JSON
            </a>
          </li>
          <li>
            <a href="/data" className="text-improvement underline">
              What the columns mean
            </a>
          </li>
        </ul>
      </div>
      <CopyField label="Embed the chart on your site" value={embed} rows={3} testId="embed-snippet" />
    </section>
  );
}
