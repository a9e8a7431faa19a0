import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/modules/auth/components/sign-in-form";
import { safeNextPath } from "@/modules/auth/next-path";
import { getCurrentUser } from "@/modules/auth/session";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next } = await searchParams;
  const nextPath = safeNextPath(next);
  if (await getCurrentUser()) redirect(nextPath);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="max-w-prose text-slate-700">
        Sign in to enter and check figures. Published case studies can be read without an account. Accounts are created by an administrator.
      </p>
      <SignInForm next={nextPath} />
    </div>
  );
}
