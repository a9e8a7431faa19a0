import { NextResponse } from "next/server";
import { getCurrentUser } from "@/modules/auth/session";

// Who is signed in, for the header's account menu (a browser-side island, so
// that cached public pages stay the same for everyone). Only what the menu shows.
export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getCurrentUser();
  const body = user ? { user: { name: user.name, role: user.role, organisationName: user.organisationName } } : { user: null };
  return NextResponse.json(body, { headers: { "cache-control": "private, no-store" } });
}
