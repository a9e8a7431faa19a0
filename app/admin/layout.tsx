import Link from "next/link";
import { canManageUsers } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/modules/auth/session";

// The admin area's own navigation, shown to admins only (everyone else meets
// the pages' 404 without a hint of what is behind it).
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!canManageUsers(user)) return children;
  const links = [
    ["/admin/users", "Users"],
    ["/admin/organisations", "Organisations"],
    ["/admin/measure-types", "Measure types"],
    ["/admin/audit", "Audit log"],
  ] as const;
  return (
    <div className="space-y-6">
      <nav aria-label="Admin" className="border-b border-slate-200 pb-2">
        <ul className="flex flex-wrap gap-4 text-sm">
          {links.map(([href, label]) => (
            <li key={href}>
              <Link href={href} className="text-improvement underline">
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
