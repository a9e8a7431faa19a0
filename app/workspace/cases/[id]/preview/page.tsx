import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/modules/auth/session";
import { getCaseForEditor } from "@/modules/workspace/data/workspace-cases";
import { getCasePreview } from "@/modules/cases/data/public-cases";
import { readSiteUrl } from "@/lib/present/site-url";
import { CaseView } from "@/modules/cases/components/case-view";
import { SafeMarkdown } from "@/components/ui/safe-markdown";

// "Preview public page" (issue 20): the working draft rendered by the public
// page's own view, with the figures publishing would store. Per user and
// per request: never cached, never indexed.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Preview of the public page", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

export default async function CasePreviewPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/workspace/cases/${id}/preview`);
  const caseId = z.uuid().safeParse(id);
  if (!caseId.success) notFound();
  // The editor's own check: only those who may see the draft see its preview.
  const editable = await getCaseForEditor(user, caseId.data);
  if (!editable) notFound();
  const c = await getCasePreview(caseId.data);
  if (!c) notFound();
  const { summary, ...rest } = c;
  return (
    <div className="space-y-6">
      <div role="note" className="rounded border-l-4 border-concern bg-amber-50 p-3 text-ink" data-testid="preview-banner">
        <p className="font-semibold">Preview: not published.</p>
        <p className="text-sm">
          This is the draft as the public page will show it once published as version {c.version}. Only people who can see the draft can
          open this page.{" "}
          <Link href={`/workspace/cases/${id}`} className="text-improvement underline">
            Back to the editor
          </Link>
        </p>
      </div>
      <CaseView c={rest} siteUrl={readSiteUrl()} summary={<SafeMarkdown>{summary}</SafeMarkdown>} />
    </div>
  );
}
