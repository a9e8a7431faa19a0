import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/prisma-client";
import { isDatabaseUnreachable } from "@/lib/db-outage";

// One Prisma client per process, created on first use (so `next build` can load
// route modules without a database). In development, hot reloads re-evaluate
// this module; caching on globalThis stops each reload opening a new pool.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/**
 * When a query fails because PostgreSQL cannot be reached, the time is noted
 * here; the next query that succeeds clears it. scripts/server-worker.mjs reads
 * it to answer such a page with 503 and Retry-After rather than a bare 500.
 */
const UNREACHABLE_SINCE = Symbol.for("reform-metrics.database-unreachable-since");
const outage = globalThis as unknown as Record<symbol, number | undefined>;

function withOutageNotes(client: PrismaClient): PrismaClient {
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          const result = await query(args);
          if (outage[UNREACHABLE_SINCE]) outage[UNREACHABLE_SINCE] = 0;
          return result;
        } catch (error) {
          if (isDatabaseUnreachable(error)) outage[UNREACHABLE_SINCE] ||= Date.now();
          throw error;
        }
      },
    },
  }) as unknown as PrismaClient;
}

export function db(): PrismaClient {
  globalForPrisma.prisma ??= withOutageNotes(createPrismaClient());
  return globalForPrisma.prisma;
}
