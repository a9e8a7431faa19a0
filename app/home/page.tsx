import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireUser } from "@/modules/auth/session";
import { homePathFor } from "@/modules/auth/home-path";

export const metadata: Metadata = { title: "Home", robots: { index: false } };

// Where signing in lands when no page was asked for: each role's own home.
export default async function HomeRedirect() {
  const user = await requireUser("/home");
  redirect(homePathFor(user.role));
}
