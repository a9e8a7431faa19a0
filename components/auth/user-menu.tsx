import Link from "next/link";
import { ROLE_LABELS, canManageUsers } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { signOutAction } from "@/lib/auth/actions";

// The header's account area: who is signed in, where they can go, and signing out.
export async function UserMenu() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <Link href="/sign-in" className="text-sm text-improvement underline">
        Sign in
      </Link>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" data-testid="user-menu">
      <p>
        <span className="font-semibold" data-testid="user-name">
          {user.name}
        </span>{" "}
        <span className="text-slate-600">
          ({ROLE_LABELS[user.role]}
          {user.organisationName ? `, ${user.organisationName}` : ""})
        </span>
      </p>
      <Link href="/dashboard" className="text-improvement underline">
        My organisation
      </Link>
      <Link href="/workspace" className="text-improvement underline">
        Workspace
      </Link>
      {canManageUsers(user) ? (
        <Link href="/admin/users" className="text-improvement underline">
          Admin
        </Link>
      ) : null}
      <form action={signOutAction}>
        <button type="submit" className="text-improvement underline">
          Sign out
        </button>
      </form>
    </div>
  );
}
