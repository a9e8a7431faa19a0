import type { CurrentUser } from "@/lib/auth/permissions";
import { getDraftSeriesForCase } from "@/modules/spc/data/series";
import { SeriesEditor } from "./series-editor";

// The workspace's "Series" section: every measure of the case's working
// version with its series editor. Editors are keyed by position and label, so
// one survives the page refresh after a save (even when saving a published
// case copies its measures, with new ids, into a draft).
export async function WorkspaceSeriesSection({ user, caseId }: { user: CurrentUser; caseId: string }) {
  const data = await getDraftSeriesForCase(user, caseId);
  if (!data || data.measures.length === 0) return null;
  return (
    <section aria-labelledby="series-heading" className="space-y-4" data-testid="series-section">
      <div className="space-y-1">
        <h2 id="series-heading" className="text-xl font-semibold">
          Series
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">
          Values of a measure over time (daily to yearly, or at irregular dates), charted on the public page as an SPC (XmR) chart, or as a
          run chart when there are fewer than 13 points or the dates are irregular. Saving a series saves it to the draft; publish the case
          to make it public.
        </p>
      </div>
      {data.measures.map((m, i) => (
        <SeriesEditor key={`${i}-${m.label}`} caseId={data.caseId} revision={data.revision} canEdit={data.canEdit} measure={m} />
      ))}
    </section>
  );
}
