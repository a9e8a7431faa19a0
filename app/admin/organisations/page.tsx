import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminNav } from "@/modules/admin/components/admin-nav";
import { CreateOrganisationForm } from "@/modules/admin/components/create-organisation-form";
import { canManageOrganisations } from "@/lib/auth/permissions";
import { requireUser } from "@/modules/auth/session";
import { listOrganisationsForAdmin } from "@/modules/admin/data/organisations";

export const metadata: Metadata = { title: "Organisations", robots: { index: false } };

export default async function AdminOrganisationsPage() {
  const user = await requireUser("/admin/organisations");
  if (!canManageOrganisations(user)) notFound();
  const organisations = await listOrganisationsForAdmin();

  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Organisations</h1>
      <AdminNav current="/admin/organisations" />
      <section className="mb-10 rounded border border-slate-200 p-4">
        <CreateOrganisationForm />
      </section>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-xl font-semibold">All organisations</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-4">
              Name
            </th>
            <th scope="col" className="py-2 pr-4">
              Short name
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Users
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Cases
            </th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((o) => (
            <tr key={o.id} className="border-b border-slate-200">
              <th scope="row" className="py-2 pr-4 font-normal">
                {o.name}
              </th>
              <td className="py-2 pr-4 font-mono">{o.slug}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{o.userCount}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{o.caseCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
