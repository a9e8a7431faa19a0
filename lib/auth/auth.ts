// The better-auth configuration, built by a factory so that the app (lib/auth/instance.ts,
// on the one cached Prisma client) and scripts run by tsx outside Next (seed, user:create,
// test factories) hash passwords and store users exactly the same way. No "server-only"
// here for that reason; nothing in it is safe to send to a browser, and nothing imports it
// from a client component.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { readAuthEnv, type AuthEnv } from "@/lib/env";

export const MIN_PASSWORD_LENGTH = 12;

// Shared desks are common in NHS and council offices: a session that outlives a working
// day would let the next person at the desk act as the last. Eight hours covers a shift;
// refreshing at most hourly keeps the database writes for "still active" rare.
const SESSION_HOURS = 8;

export function createAuth(prisma: PrismaClient, env: AuthEnv = readAuthEnv()) {
  return betterAuth({
    appName: "Reform Metrics",
    baseURL: env.baseURL,
    secret: env.secret,
    trustedOrigins: env.trustedOrigins,
    // Prisma field names are camelCase like better-auth's own, so no field mapping is
    // needed; the @map attributes in schema.prisma give the snake_case columns.
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      // Accounts are created by an admin (or `npm run user:create`), never by strangers.
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
    },
    session: {
      expiresIn: SESSION_HOURS * 60 * 60,
      updateAge: 60 * 60,
    },
    user: {
      additionalFields: {
        // Set by admins through the admin pages, never by the user.
        organisationId: { type: "string", required: false, input: false },
      },
    },
    // Counted in PostgreSQL (the rate_limit table) so that several app instances share
    // one count. Only requests through the auth route handler are counted: the sign-in
    // server action goes through it for that reason (lib/auth/sign-in.ts).
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: env.signInMaxPerMinute },
      },
    },
    plugins: [
      admin({ defaultRole: "viewer", adminRoles: ["admin"] }),
      // Lets server actions set the session cookie; must stay the last plugin.
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
