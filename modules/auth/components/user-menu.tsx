"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { ROLE_LABELS, isRole, type Role } from "@/lib/auth/permissions";
import { signOutAction } from "@/modules/auth/actions";

// The header's account area. It asks for the session from the browser, after
// the page has loaded, so that the layout reads no cookies on the server: public
// pages stay cacheable and identical for everyone, and the menu fills itself in.
// Without JavaScript it offers "Sign in"; the workspace pages check the session
// on the server whatever this shows.

interface SessionUser {
  name: string;
  role: Role;
  organisationName: string | null;
}

async function fetchSessionUser(): Promise<SessionUser | null> {
  const response = await fetch("/api/me", { cache: "no-store", credentials: "same-origin" });
  if (!response.ok) return null;
  const body = (await response.json()) as { user?: { name?: unknown; role?: unknown; organisationName?: unknown } | null };
  const user = body.user;
  if (!user || typeof user.name !== "string" || !isRole(user.role)) return null;
  return { name: user.name, role: user.role, organisationName: typeof user.organisationName === "string" ? user.organisationName : null };
}

export function UserMenu() {
  const pathname = usePathname();
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);

  useEffect(() => {
    let current = true;
    fetchSessionUser()
      .then((u) => current && setUser(u))
      .catch(() => current && setUser(null));
    return () => {
      current = false;
    };
  }, [pathname]);

  if (user === undefined) return <span className="text-sm text-slate-500" aria-hidden="true" />;
  if (user === null) {
    return (
      <Link href="/sign-in" className="text-sm text-improvement underline">
        Sign in
      </Link>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm whitespace-nowrap lg:flex-nowrap" data-testid="user-menu">
      {/* Name and role stay on one line and give way first, so the header fits at 1366 px. */}
      <p
        className="max-w-[16rem] min-w-0 truncate"
        title={`${user.name} (${ROLE_LABELS[user.role]}${user.organisationName ? `, ${user.organisationName}` : ""})`}
      >
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
      {user.role === "admin" ? (
        <Link href="/admin/users" className="text-improvement underline">
          Admin
        </Link>
      ) : null}
      <Link href="/account/password" className="text-improvement underline">
        Change password
      </Link>
      <form action={signOutAction} onSubmit={() => setUser(null)}>
        <button type="submit" className="text-improvement underline">
          Sign out
        </button>
      </form>
    </div>
  );
}
