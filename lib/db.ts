import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/prisma-client";

// One Prisma client per process, created on first use (so `next build` can load
// route modules without a database). In development, hot reloads re-evaluate
// this module; caching on globalThis stops each reload opening a new pool.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient();
  return globalForPrisma.prisma;
}
