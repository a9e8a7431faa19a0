import type { CaseViewData } from "./case-view";
import { versionPath } from "@/modules/cases/present/citation";
import { formatLongDate } from "@/lib/present/dates";

// "Version 3, published 12 March 2026 · corrections", then the other published
// versions, each a frozen, citable page. Plain links: next/link would add
// ~6 kB of JavaScript to the case page for no gain on a cached public page.
export function VersionLine({ c }: { c: CaseViewData }) {
  const others = c.versions.filter((v) => v.number !== c.version);
  const isCurrent = c.version === c.currentVersion;
  return (
    <div className="space-y-1 text-sm text-slate-700">
      <p data-testid="version-line">
        Version {c.version}, published {formatLongDate(c.publishedAt)}
        {c.changeNote ? ` · ${c.changeNote}` : ""}
      </p>
      {!isCurrent ? (
        <p role="note" className="rounded border-l-4 border-neutral bg-slate-50 p-2 text-ink" data-testid="older-version-note">
          This is an earlier version, kept unchanged so that citations of it stay valid.{" "}
          <a href={`/cases/${c.slug}`} className="text-improvement underline">
            See the current version ({c.currentVersion})
          </a>
          .
        </p>
      ) : null}
      {others.length > 0 ? (
        <nav aria-label="Other versions" className="no-print">
          <span>{isCurrent ? "Earlier versions: " : "Other versions: "}</span>
          {others.map((v, i) => (
            <span key={v.number}>
              {i > 0 ? ", " : ""}
              <a
                href={v.number === c.currentVersion ? `/cases/${c.slug}` : versionPath(c.slug, v.number)}
                className="text-improvement underline"
              >
                version {v.number}
              </a>{" "}
              ({formatLongDate(v.publishedAt)}
              {v.changeNote ? `, ${v.changeNote}` : ""})
            </span>
          ))}
        </nav>
      ) : null}
    </div>
  );
}
