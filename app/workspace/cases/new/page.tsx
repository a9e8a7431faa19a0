import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/modules/auth/session";
import { getEditorOptions } from "@/modules/workspace/data/workspace-cases";
import { emptyEditorValues } from "@/modules/workspace/present/editor-values";
import { CaseEditor } from "@/modules/workspace/components/case-editor";

export const metadata: Metadata = { title: "New case" };

export default async function NewCasePage() {
  const user = await requireUser("/workspace/cases/new");
  if (user.role === "viewer") notFound();
  const options = await getEditorOptions(user);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold">New case study</h1>
      <p className="text-slate-700">A new case is saved as a draft. Nobody outside your organisation sees it until you publish it.</p>
      <CaseEditor
        caseId={null}
        revision={1}
        initial={emptyEditorValues(user.organisationId ?? options.organisations[0]?.id ?? "")}
        options={options}
        canEdit
      />
    </div>
  );
}
