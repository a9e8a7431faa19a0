import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/modules/auth/session";
import { ColumnGuide } from "@/modules/import/components/column-guide";
import { ImportForm } from "@/modules/import/components/import-form";
import { getOrganisationSlug } from "@/modules/import/data/organisation-slug";

export const metadata: Metadata = { title: "Import cases from CSV or Excel" };

export default async function ImportPage() {
  const user = await requireUser("/workspace/import");
  const mayImport = user.role === "admin" || (user.role === "analyst" && user.organisationId !== null);
  const organisationSlug = await getOrganisationSlug(user.organisationId);
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p>
          <Link href="/workspace" className="text-improvement underline">
            Workspace
          </Link>
        </p>
        <h1 className="text-3xl font-semibold">Import cases from CSV or Excel</h1>
        <p className="max-w-3xl">
          One row per measure; a case&apos;s own columns are repeated on each of its rows. Cases are matched by their slug and measures by
          their measure type or name, so importing the same file twice changes nothing. <strong>Imports never publish:</strong> they create
          new cases as drafts or update the drafts of existing ones, and you publish each case from its page when it is checked.
        </p>
        {organisationSlug ? (
          <p className="max-w-3xl rounded border-l-4 border-improvement bg-blue-50 p-3" data-testid="organisation-slug">
            Your organisation&apos;s slug is <code className="font-semibold">{organisationSlug}</code>: put it in the{" "}
            <code>organisation_slug</code> column. The template below has it filled in.
          </p>
        ) : null}
        <p className="flex flex-wrap gap-4">
          <a href="/workspace/import/template" className="text-improvement underline">
            Download the template (CSV)
          </a>
          <a href="/workspace/export?format=csv" className="text-improvement underline">
            Export the cases you can see (CSV)
          </a>
          <a href="/workspace/export?format=xlsx" className="text-improvement underline">
            Export as Excel (.xlsx)
          </a>
          <a href={"/workspace/export?format=xlsx&scope=organisation"} className="text-improvement underline">
            Your organisation&apos;s cases only (.xlsx)
          </a>
          <a href="/workspace/export?format=json" className="text-improvement underline">
            Export as JSON
          </a>
        </p>
      </header>

      {mayImport ? (
        <ImportForm />
      ) : (
        <p className="rounded border border-slate-400 p-3">
          Your account can read and export cases but not import them. Ask an admin if you need to.
        </p>
      )}

      <section aria-labelledby="format-heading" className="space-y-3">
        <h2 id="format-heading" className="text-2xl font-semibold">
          The file format
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">
          The template&apos;s first row holds these column names. Your own file may name its columns its own way, in any order, and leave
          out the optional ones: after choosing the file you match each of your columns to one of these fields (or leave it out). An Excel
          workbook&apos;s dates and percentages are read as Excel stores them, and you are asked whether 0.46 means 46%. Rows are numbered
          as your spreadsheet numbers them, the header being row 1. Leave a cell blank when the source does not give the figure: nothing is
          ever filled in for you. Exported files also carry status, version and published_at, which the import ignores.
        </p>
        <ColumnGuide />
      </section>
    </div>
  );
}
