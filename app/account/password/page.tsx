import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/modules/auth/components/change-password-form";
import { safeNextPath } from "@/modules/auth/next-path";
import { getSessionUser } from "@/modules/auth/session";

export const metadata: Metadata = { title: "Change your password", robots: { index: false } };

export default async function ChangePasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next, changed } = await searchParams;
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?next=/account/password");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{user.mustChangePassword ? "Choose your own password" : "Change your password"}</h1>
      {user.mustChangePassword ? (
        <p className="max-w-prose text-slate-700" data-testid="forced-password-change">
          You signed in with a one-time password from an administrator. Choose a password of your own to continue: type the one-time
          password as your current password.
        </p>
      ) : (
        <p className="max-w-prose text-slate-700">Changing your password signs out every other browser where your account is signed in.</p>
      )}
      {changed === "1" && !user.mustChangePassword ? (
        <p role="status" className="font-medium text-improvement">
          Password changed. Any other sessions of your account have been signed out.
        </p>
      ) : null}
      <ChangePasswordForm forced={user.mustChangePassword} next={safeNextPath(next)} />
    </div>
  );
}
