import "server-only";
import { db } from "@/lib/db";
import { createAuth, type Auth } from "@/modules/auth/auth";

// The app's one better-auth instance, on the app's one Prisma client. Created on first
// use (so `next build` needs no secret) and cached like the client, so hot reloads in
// development do not build a new one each time.
const globalForAuth = globalThis as unknown as { auth?: Auth };

export function getAuth(): Auth {
  globalForAuth.auth ??= createAuth(db());
  return globalForAuth.auth;
}
