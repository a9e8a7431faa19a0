import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { UserRow } from "@/modules/admin/data/users";
import type { OrganisationOption } from "@/modules/admin/data/organisations";
import { AccessCell, OrganisationCell, PasswordCell, RoleCell } from "@/modules/admin/components/user-row-actions";

export function UsersTable({
  users,
  organisations,
  currentUserId,
}: {
  users: UserRow[];
  organisations: OrganisationOption[];
  currentUserId: string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Accounts, with their role, organisation and whether they can sign in</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-4">
              Account
            </th>
            <th scope="col" className="py-2 pr-4">
              Role
            </th>
            <th scope="col" className="py-2 pr-4">
              Organisation
            </th>
            <th scope="col" className="py-2 pr-4">
              Access
            </th>
            <th scope="col" className="py-2 pr-4">
              Password
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const isSelf = user.id === currentUserId;
            return (
              <tr key={user.id} className="border-b border-slate-200 align-top" data-testid="user-row" data-email={user.email}>
                <th scope="row" className="py-2 pr-4 font-normal">
                  <span className="block font-semibold">{user.name}</span>
                  <span className="block">{user.email}</span>
                  <span className="block text-slate-600">
                    {ROLE_LABELS[user.role]}
                    {user.organisationName ? `, ${user.organisationName}` : ""}
                    {user.disabled ? <strong className="ml-1 text-concern">· Disabled</strong> : null}
                  </span>
                </th>
                <td className="py-2 pr-4">
                  <RoleCell user={user} isSelf={isSelf} />
                </td>
                <td className="py-2 pr-4">
                  <OrganisationCell user={user} organisations={organisations} />
                </td>
                <td className="py-2 pr-4">
                  <AccessCell user={user} isSelf={isSelf} />
                </td>
                <td className="py-2 pr-4">
                  <PasswordCell user={user} isSelf={isSelf} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
