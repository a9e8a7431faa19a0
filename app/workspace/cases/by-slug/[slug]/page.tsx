import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/modules/auth/session";
import { findCaseIdBySlug } from "@/modules/workspace/data/workspace-cases";
import { parseSlug } from "@/lib/schemas/slug";

// A case's editor by its slug: the import result links each case it created
// or updated here (the file names cases by slug, the editor by id).
export default async function CaseBySlug({ params }: { params: Promise<{ slug: string }> }) {
  const raw = (await params).slug;
  const user = await requireUser(`/workspace/cases/by-slug/${encodeURIComponent(raw)}`);
  const slug = parseSlug(raw);
  const id = slug ? await findCaseIdBySlug(user, slug) : null;
  if (!id) notFound();
  redirect(`/workspace/cases/${id}`);
}
