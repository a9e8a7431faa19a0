// A PostgreSQL primary and a real streaming replica of it, for tests: initdb a
// primary (wal_level=replica) on a port of its own, then pg_basebackup -R a
// hot standby from it and start that on the next port. Nothing touches the
// server in DATABASE_URL. Needs the PostgreSQL server binaries (Debian puts them
// in /usr/lib/postgresql/<version>/bin); as root they run as the `postgres` OS
// user, since PostgreSQL refuses to run as root.
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const BIN_NAMES = ["initdb", "pg_ctl", "pg_basebackup"];

/** The folder holding initdb, pg_ctl and pg_basebackup (newest Debian version first, then PATH), or null. */
export function findPostgresBinaries(): string | null {
  const candidates: string[] = [];
  if (process.env.PG_BIN_DIR) candidates.push(process.env.PG_BIN_DIR);
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v));
    versions.sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, "bin")));
  }
  const fromPgConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (fromPgConfig.status === 0) candidates.push(fromPgConfig.stdout.trim());
  return candidates.find((dir) => BIN_NAMES.every((name) => existsSync(path.join(dir, name)))) ?? null;
}

/** Why a streaming replica cannot be made on this machine, or null when it can. */
export function replicaUnavailableReason(): string | null {
  if (!findPostgresBinaries()) {
    return "no PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) in /usr/lib/postgresql/*/bin, PG_BIN_DIR or pg_config --bindir; install the postgresql package to run it";
  }
  if (process.getuid?.() === 0 && spawnSync("id", ["-u", "postgres"]).status !== 0) {
    return "running as root without a `postgres` OS user to run PostgreSQL as";
  }
  return null;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function freePort(start: number, skip: number[] = []): Promise<number> {
  for (let port = start; port < start + 200; port++) if (!skip.includes(port) && (await portIsFree(port))) return port;
  throw new Error(`no free port from ${start}`);
}

export interface StreamingReplica {
  primaryUrl: string;
  replicaUrl: string;
  /** A query on the primary or the replica, over a connection of its own. */
  query<T = Record<string, unknown>>(on: "primary" | "replica", sql: string): Promise<T[]>;
  stopReplica(): void;
  stop(): void;
}

/**
 * Starts the pair (ports from PG_REPLICA_TEST_PORT, default 5440, upwards) with
 * an empty database `database` on the primary, made before the base backup so
 * the replica has it too. The caller applies migrations on the primary.
 */
export async function startStreamingReplica(database = "metrics"): Promise<StreamingReplica> {
  const bin = findPostgresBinaries();
  if (!bin) throw new Error(replicaUnavailableReason()!);
  const asRoot = process.getuid?.() === 0;
  const run = (name: string, args: string[]) => {
    const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, name), ...args]] : [path.join(bin, name), args];
    try {
      return execFileSync(cmd, argv as string[], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; message: string };
      throw new Error(`${name} failed: ${e.stderr || e.stdout || e.message}`);
    }
  };

  const dir = mkdtempSync(path.join(os.tmpdir(), "rm-replica-"));
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const primaryDir = path.join(dir, "primary");
  const replicaDir = path.join(dir, "replica");
  const base = Number(process.env.PG_REPLICA_TEST_PORT ?? 5440);
  const primaryPort = await freePort(base);
  const replicaPort = await freePort(primaryPort + 1);
  const started: string[] = [];

  const pgCtl = (dataDir: string, action: "start" | "stop", port?: number) =>
    run("pg_ctl", [
      "-D",
      dataDir,
      "-l",
      path.join(dir, `${path.basename(dataDir)}.log`),
      "-w",
      "-t",
      "60",
      ...(action === "stop" ? ["-m", "immediate"] : ["-o", `-p ${port}`]),
      action,
    ]);
  const stopAll = () => {
    for (const dataDir of started.splice(0).reverse()) {
      try {
        pgCtl(dataDir, "stop");
      } catch {
        // already stopped
      }
    }
  };

  try {
    run("initdb", ["-D", primaryDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
    // initdb's pg_hba.conf already lets local connections replicate with trust.
    appendFileSync(
      path.join(primaryDir, "postgresql.conf"),
      [
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        "wal_level = replica",
        "max_wal_senders = 4",
        "hot_standby = on",
        "fsync = off", // a throwaway test cluster
        "synchronous_commit = off",
        "full_page_writes = off",
        "",
      ].join("\n"),
    );
    pgCtl(primaryDir, "start", primaryPort);
    started.push(primaryDir);

    const primaryServer = `postgresql://postgres@127.0.0.1:${primaryPort}`;
    const admin = new pg.Client({ connectionString: `${primaryServer}/postgres` });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.end();
    }

    run("pg_basebackup", [
      "-h",
      "127.0.0.1",
      "-p",
      String(primaryPort),
      "-U",
      "postgres",
      "-D",
      replicaDir,
      "-R",
      "-X",
      "stream",
      "-c",
      "fast",
    ]);
    pgCtl(replicaDir, "start", replicaPort);
    started.push(replicaDir);
  } catch (error) {
    stopAll();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const primaryUrl = `postgresql://postgres@127.0.0.1:${primaryPort}/${database}`;
  const replicaUrl = `postgresql://postgres@127.0.0.1:${replicaPort}/${database}`;
  return {
    primaryUrl,
    replicaUrl,
    async query<T>(on: "primary" | "replica", sql: string) {
      const client = new pg.Client({ connectionString: on === "primary" ? primaryUrl : replicaUrl });
      await client.connect();
      try {
        return (await client.query(sql)).rows as T[];
      } finally {
        await client.end();
      }
    },
    stopReplica() {
      const i = started.indexOf(replicaDir);
      if (i >= 0) {
        started.splice(i, 1);
        pgCtl(replicaDir, "stop");
      }
    },
    stop() {
      stopAll();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
