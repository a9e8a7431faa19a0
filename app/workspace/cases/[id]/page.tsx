import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/modules/auth/session";
import { getCaseForEditor, getEditorOptions, summariseDraftPublication } from "@/modules/workspace/data/workspace-cases";
import { toEditorValues } from "@/modules/workspace/present/editor-values";
import { formatLongDate } from "@/lib/present/dates";
import { CaseEditor } from "@/modules/workspace/components/case-editor";
import { PublishPanel, RestoreVersionButton } from "@/modules/workspace/components/publish-panel";
import { StatusBadge } from "@/modules/workspace/components/status-badge";
import { WorkspaceSeriesSection } from "@/modules/spc/components/workspace-series-section"; // SPC (issue 6)

export const metadata: Metadata = { title: "Edit case" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function EditCasePage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/workspace/cases/${id}`);
  const caseId = z.uuid().safeParse(id);
  if (!caseId.success) notFound();
  const [c, options] = await Promise.all([getCaseForEditor(user, caseId.data), getEditorOptions(user)]);
  if (!c) notFound();
  const created = (await searchParams).created === "1";
  const changes = c.canEdit ? await summariseDraftPublication(c) : [];

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/workspace" className="text-improvement underline">
            Workspace
          </Link>
        </p>
        <h1 className="text-3xl font-semibold">{c.content.title}</h1>
        <p className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
          <StatusBadge status={c.status} hasDraft={c.hasDraft} />
          <span>{c.organisationName}</span>
          {c.status === "published" ? (
            <Link href={`/cases/${c.slug}`} className="text-improvement underline">
              View the public page
            </Link>
          ) : null}
          <Link href={`/workspace/cases/${c.id}/history`} className="text-improvement underline">
            History
          </Link>
        </p>
        {created ? (
          <p role="status" className="rounded border-l-4 border-improvement bg-blue-50 p-3">
            Case created as a draft.
          </p>
        ) : null}
        {c.hasDraft && c.publishedNumber !== null ? (
          <p className="text-sm text-concern">
            You are editing a draft of changes; the public page still shows version {c.publishedNumber}.
          </p>
        ) : null}
      </div>

      {c.canEdit ? (
        <PublishPanel
          caseId={c.id}
          revision={c.revision}
          status={c.status}
          hasDraft={c.hasDraft}
          publishedNumber={c.publishedNumber}
          nextNumber={(c.versions[0]?.number ?? 0) + 1}
          changes={changes}
        />
      ) : null}

      {/* A new key once a version is published: the editor starts afresh, so its
          "Draft saved. Publish it…" does not stand beside "Published as version n." */}
      <CaseEditor
        key={`${c.id}:${c.publishedNumber ?? 0}`}
        caseId={c.id}
        revision={c.revision}
        initial={toEditorValues(c.content)}
        options={options}
        canEdit={c.canEdit && c.status !== "archived"}
      />

      {/* SPC (issue 6): each measure's series editor with a live preview chart. */}
      <WorkspaceSeriesSection user={user} caseId={c.id} />

      {c.versions.length > 0 ? (
        <section aria-labelledby="versions-heading" className="space-y-2">
          <h2 id="versions-heading" className="text-xl font-semibold">
            Published versions
          </h2>
          <ul className="space-y-1 text-sm">
            {c.versions.map((v) => (
              <li key={v.number} className="flex flex-wrap items-center gap-3">
                <span>
                  Version {v.number}, published {formatLongDate(v.publishedAt)}
                  {v.publishedBy ? ` by ${v.publishedBy}` : ""}
                  {v.changeNote ? ` · ${v.changeNote}` : ""}
                  {v.live ? " (live)" : ""}
                </span>
                {c.canEdit && c.status !== "archived" ? (
                  <RestoreVersionButton caseId={c.id} revision={c.revision} version={v.number} />
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
