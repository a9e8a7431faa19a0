import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminNav } from "@/modules/admin/components/admin-nav";
import { CreateUserForm } from "@/modules/admin/components/create-user-form";
import { UsersTable } from "@/modules/admin/components/users-table";
import { canManageUsers } from "@/lib/auth/permissions";
import { requireUser } from "@/modules/auth/session";
import { listOrganisationOptions } from "@/modules/admin/data/organisations";
import { listUsersForAdmin } from "@/modules/admin/data/users";

export const metadata: Metadata = { title: "Users", robots: { index: false } };

export default async function AdminUsersPage() {
  const user = await requireUser("/admin/users");
  // Not a 403: a non-admin is not told that the page exists.
  if (!canManageUsers(user)) notFound();
  const [users, organisations] = await Promise.all([listUsersForAdmin(), listOrganisationOptions()]);

  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Users</h1>
      <AdminNav current="/admin/users" />
      <section className="mb-10 rounded border border-slate-200 p-4">
        <CreateUserForm organisations={organisations} />
      </section>
      <h2 className="mb-2 text-xl font-semibold">Accounts</h2>
      <UsersTable users={users} organisations={organisations} currentUserId={user.id} />
    </div>
  );
}
