"use client";

import { useSyncExternalStore } from "react";
import type { CaseViewData } from "./case-view";
import { formatCitation, versionPath } from "@/modules/cases/present/citation";
import { formatLongDate } from "@/lib/present/dates";

// What a printed case page (a board paper) needs and the screen already shows
// elsewhere: the frozen version's address, the citation and the day it was
// printed. Shown only in print (.print-only in app/globals.css). The page is
// cached, so the day is the reader's, filled in by the browser after it loads;
// the server (and hydration) render no date, so they agree.
const noChanges = () => () => {};
const readToday = () => formatLongDate(new Date().toISOString());
const noDateOnServer = () => null;

export function PrintCitation({ c, siteUrl }: { c: CaseViewData; siteUrl: string }) {
  const today = useSyncExternalStore(noChanges, readToday, noDateOnServer);
  const url = `${siteUrl}${versionPath(c.slug, c.version)}`;
  return (
    <div className="print-only space-y-1 border-y border-slate-400 py-2 text-sm" data-testid="print-citation">
      <p>
        <span className="font-semibold">This version:</span> {url}
      </p>
      <p>
        <span className="font-semibold">Cite as:</span> {formatCitation(c, siteUrl)}
      </p>
      <p>
        <span className="font-semibold">Printed</span>
        {today ? ` on ${today}` : ""} from Reform Metrics. Later corrections appear as new versions at {siteUrl}/cases/{c.slug}.
      </p>
    </div>
  );
}
