// Demo accounts for embedded demo mode (`npm start` without DATABASE_URL), one per role,
// with fixed passwords that `npm start` prints. Never seeded into a database given in
// DATABASE_URL: these passwords are public. Created through better-auth (lib/auth), so
// they sign in exactly like real accounts.
import { createAccount } from "@/modules/auth/accounts";
import { createAuth } from "@/modules/auth/auth";
import type { Role } from "@/lib/auth/permissions";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const DEMO_ORGANISATION = { slug: "reform-metrics-editorial", name: "Reform Metrics editorial team" };

export const DEMO_USERS: { email: string; name: string; role: Role; password: string; inOrganisation: boolean }[] = [
  { email: "admin@demo.reform-metrics.test", name: "Demo Admin", role: "admin", password: "demo-admin-password", inOrganisation: false },
  {
    email: "analyst@demo.reform-metrics.test",
    name: "Demo Analyst",
    role: "analyst",
    password: "demo-analyst-password",
    inOrganisation: true,
  },
  { email: "viewer@demo.reform-metrics.test", name: "Demo Viewer", role: "viewer", password: "demo-viewer-password", inOrganisation: true },
];

/** Creates the demo accounts that do not exist yet; returns the emails created. */
export async function seedDemoUsers(prisma: PrismaClient): Promise<string[]> {
  const organisation = await prisma.organisation.upsert({ where: { slug: DEMO_ORGANISATION.slug }, update: {}, create: DEMO_ORGANISATION });
  const auth = createAuth(prisma);
  const created: string[] = [];
  for (const user of DEMO_USERS) {
    if (await prisma.user.findUnique({ where: { email: user.email }, select: { id: true } })) continue;
    const result = await createAccount(
      auth,
      prisma,
      {
        email: user.email,
        name: user.name,
        role: user.role,
        password: user.password,
        organisationId: user.inOrganisation ? organisation.id : null,
      },
      null,
    );
    if (result.ok) created.push(user.email);
  }
  return created;
}
