// The better-auth configuration, built by a factory so that the app (modules/auth/instance.ts,
// on the one cached Prisma client) and scripts run by tsx outside Next (seed, user:create,
// test factories) hash passwords and store users exactly the same way. No "server-only"
// here for that reason; nothing in it is safe to send to a browser, and nothing imports it
// from a client component.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements } from "better-auth/plugins/admin/access";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/auth/permissions";
import { readAuthEnv, type AuthEnv } from "@/lib/env";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/schemas/user";

// Shared desks are common in NHS and council offices: a session that outlives a working
// day would let the next person at the desk act as the last. Eight hours covers a shift;
// refreshing at most hourly (for remembered sessions) keeps "still active" writes rare.
const SESSION_HOURS = 8;

// The admin plugin's permissions for our three roles. Only admins manage accounts, and
// only what the admin pages do: no impersonation (it would blur who did what in the
// audit trail), no deletion (audit rows keep their actor).
const accessControl = createAccessControl(defaultStatements);
const roles = {
  admin: accessControl.newRole({ user: ["create", "list", "get", "update", "set-role", "ban"], session: ["list", "revoke"] }),
  analyst: accessControl.newRole({ user: [], session: [] }),
  viewer: accessControl.newRole({ user: [], session: [] }),
} satisfies Record<Role, unknown>;

// The admin plugin's HTTP endpoints are switched off: every account change goes through
// our server actions, which validate it and write the audit trail. The server-side
// auth.api calls those actions make still work (disabledPaths applies to HTTP only).
const ADMIN_HTTP_PATHS = [
  "/admin/set-role",
  "/admin/get-user",
  "/admin/create-user",
  "/admin/update-user",
  "/admin/list-users",
  "/admin/list-user-sessions",
  "/admin/unban-user",
  "/admin/ban-user",
  "/admin/impersonate-user",
  "/admin/stop-impersonating",
  "/admin/revoke-user-session",
  "/admin/revoke-user-sessions",
  "/admin/remove-user",
  "/admin/set-user-password",
  "/admin/has-permission",
  // Accounts are created by admins only.
  "/sign-up/email",
  // Password and profile changes go through our server actions, which apply the
  // common-password rule and write the audit trail (modules/auth/password-actions.ts).
  "/change-password",
  "/set-password",
  "/change-email",
  "/update-user",
  "/delete-user",
  "/request-password-reset",
  "/reset-password",
];

export function createAuth(prisma: PrismaClient, env: AuthEnv = readAuthEnv()) {
  return betterAuth({
    appName: "Reform Metrics",
    baseURL: env.baseURL,
    secret: env.secret,
    trustedOrigins: env.trustedOrigins,
    // Prisma field names are camelCase like better-auth's own, so no field mapping is
    // needed; the @map attributes in schema.prisma give the snake_case columns.
    disabledPaths: ADMIN_HTTP_PATHS,
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      // Accounts are created by an admin (or `npm run user:create`), never by strangers.
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
    },
    session: {
      expiresIn: SESSION_HOURS * 60 * 60,
      updateAge: 60 * 60,
    },
    databaseHooks: {
      session: {
        create: {
          // Sign-in uses rememberMe: false (the cookie dies with the browser), for which
          // better-auth fixes the server-side session at 24 hours; cap every session at
          // eight instead, so no session outlives a shift whichever way it was made.
          before: async (session) => {
            const cap = new Date(Date.now() + SESSION_HOURS * 60 * 60 * 1000);
            return { data: { ...session, expiresAt: session.expiresAt > cap ? cap : session.expiresAt } };
          },
        },
      },
    },
    user: {
      additionalFields: {
        // Set by admins through the admin pages, never by the user.
        organisationId: { type: "string", required: false, input: false },
      },
    },
    // Counted in PostgreSQL (the rate_limit table) so that several app instances share
    // one count. Only requests through the auth route handler are counted: the sign-in
    // server action goes through it for that reason (modules/auth/sign-in.ts).
    // X-Forwarded-For carries exactly one address, the one the server resolved when the
    // request arrived (lib/security/client-address.cjs, TRUST_PROXY); nothing else is read.
    advanced: { ipAddress: { ipAddressHeaders: ["x-forwarded-for"] } },
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
      admin({ ac: accessControl, roles, defaultRole: "viewer", adminRoles: ["admin"] }),
      // Lets server actions set the session cookie; must stay the last plugin.
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
