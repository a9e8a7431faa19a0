import "server-only";
import { readReplicas } from "@prisma/extension-read-replicas";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/prisma-client";
import { isDatabaseUnreachable } from "@/lib/db-outage";
import { log } from "@/lib/log";
import { readReplicaUrls } from "@/lib/replica-urls";

// One Prisma client per process, created on first use (so `next build` can load
// route modules without a database). In development, hot reloads re-evaluate
// this module; caching on globalThis stops each reload opening a new pool.
// With DATABASE_REPLICA_URLS set, the same module also holds one client per
// replica, reached only through publicDb().
interface Clients {
  primary: PrismaClient;
  /** The primary extended with @prisma/extension-read-replicas; null without replicas. */
  routed: { $replica(): PrismaClient } | null;
  /** The replicas' own clients, without the fallback (for waitForReplicas). */
  replicas: PrismaClient[];
}
const globalForPrisma = globalThis as unknown as { prismaClients?: Clients };

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

type AnyClient = Record<string, unknown>;

/**
 * A replica that cannot be reached hands the query to the primary, so losing a
 * replica slows public pages rather than breaking them. Only "unreachable"
 * falls back: a query that fails on the replica would fail on the primary too.
 */
function withPrimaryFallback(replica: PrismaClient, primary: PrismaClient, index: number): PrismaClient {
  let down = false;
  return replica.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        try {
          const result = await query(args);
          if (down) log.info({ replica: index + 1 }, "Read replica is reachable again");
          down = false;
          return result;
        } catch (error) {
          if (!isDatabaseUnreachable(error)) throw error;
          if (!down)
            log.warn(
              { replica: index + 1, error: (error as Error).message },
              "Read replica is unreachable: public reads go to the primary",
            );
          down = true;
          const target = (model ? (primary as unknown as AnyClient)[model[0]!.toLowerCase() + model.slice(1)] : primary) as AnyClient;
          return (target[operation] as (a: unknown) => Promise<unknown>)(args);
        }
      },
    },
  }) as unknown as PrismaClient;
}

function clients(): Clients {
  if (globalForPrisma.prismaClients) return globalForPrisma.prismaClients;
  const primary = withOutageNotes(createPrismaClient());
  const replicas = readReplicaUrls().map((url) => createPrismaClient(url));
  // The extension's default would send every read to a replica, including the
  // workspace's read after its own write and better-auth's session look-up just
  // after sign-in; so the primary stays the default and public data functions
  // ask for a replica explicitly (publicDb), through the extension's $replica().
  const routed =
    replicas.length > 0
      ? (primary.$extends(readReplicas({ replicas: replicas.map((r, i) => withPrimaryFallback(r, primary, i)) as never })) as unknown as {
          $replica(): PrismaClient;
        })
      : null;
  globalForPrisma.prismaClients = { primary, routed, replicas };
  return globalForPrisma.prismaClients;
}

/** The primary: every write, the workspace, sign-in, and any read that must see a write just made. */
export function db(): PrismaClient {
  return clients().primary;
}

/**
 * For public read queries only (published cases, index, explorer, approaches,
 * compare, downloads): one of the replicas in DATABASE_REPLICA_URLS, picked at
 * random per call, or the primary when none is set. A replica may lag the
 * primary by a moment; actions that change what the public sees call
 * waitForReplicas() before expiring the cache, so that the page rendered next
 * is not built from the old rows.
 */
export function publicDb(): PrismaClient {
  const { primary, routed } = clients();
  return routed ? routed.$replica() : primary;
}

/** How long a publish waits for the replicas to replay it before expiring the cache anyway. */
const REPLICA_WAIT_MS = 5000;

/**
 * Waits until every reachable replica has replayed the primary's WAL up to
 * now (read-your-own-writes for the next public render). Returns at once
 * without replicas; after `timeoutMs` it logs and returns false.
 */
export async function waitForReplicas(timeoutMs = REPLICA_WAIT_MS): Promise<boolean> {
  const { primary, replicas } = clients();
  if (replicas.length === 0) return true;
  const [{ lsn }] = await primary.$queryRaw<[{ lsn: string }]>`SELECT pg_current_wal_lsn()::text AS lsn`;
  const until = Date.now() + timeoutMs;
  const pending = new Set(replicas.keys());
  while (pending.size > 0) {
    for (const i of [...pending]) {
      try {
        // NULL when the server is not a standby (nothing to wait for).
        const [{ caughtUp }] = await replicas[i]!.$queryRaw<[{ caughtUp: boolean | null }]>`
          SELECT pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn AS "caughtUp"`;
        if (caughtUp !== false) pending.delete(i);
      } catch (error) {
        // An unreachable replica's reads go to the primary until it is back.
        if (!isDatabaseUnreachable(error)) throw error;
        pending.delete(i);
      }
    }
    if (pending.size === 0) return true;
    if (Date.now() >= until) {
      log.warn({ replicas: [...pending].map((i) => i + 1), lsn, timeoutMs }, "Read replicas did not replay a publish in time");
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

/** Closes the primary's and the replicas' pools (scripts and tests; the server lets process exit do it). */
export async function disconnectDb(): Promise<void> {
  const current = globalForPrisma.prismaClients;
  if (!current) return;
  globalForPrisma.prismaClients = undefined;
  await Promise.all([current.primary, ...current.replicas].map((client) => client.$disconnect()));
}
