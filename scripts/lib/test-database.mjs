// A fresh, migrated database per test run, dropped afterwards.
//
// DATABASE_URL set (the project's machines and CI: a PostgreSQL server with a
//   role that may CREATE DATABASE): the database is made on that server, via its
//   maintenance database `postgres`.
// DATABASE_URL unset: a separate embedded PostgreSQL (.data/postgres-test, port
//   54330 or EMBEDDED_PG_TEST_PORT) is started, so tests never touch the demo data.
//
// Names are `<prefix>_<unix seconds>_<random>`; databases with the same prefix
// whose timestamp is more than an hour old (left by crashed runs) are dropped.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
import { PROJECT_ROOT, parsePort, startEmbeddedPostgres } from "./embedded-postgres.mjs";

export const TEST_DATA_DIR = path.join(PROJECT_ROOT, ".data", "postgres-test");
export const TEST_PORT = 54330;
const LEFTOVER_AGE_SECONDS = 3600;

/** Returns the URL with its database replaced. */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** Host of a postgres URL (brackets stripped), or null if unparsable. */
export function databaseHost(url) {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return null;
  }
}

/**
 * @param {string} prefix lowercase letters, digits, underscores (e.g. "rm_it")
 * @param {{ migrate?: boolean, quiet?: boolean }} [options]
 * @returns {Promise<{ name: string, url: string, serverUrl: string, embedded: boolean, drop: () => Promise<void> }>}
 */
export async function createTestDatabase(prefix, options = {}) {
  const { migrate = true } = options;
  if (!/^[a-z][a-z0-9_]{0,29}$/.test(prefix)) {
    throw new Error(`createTestDatabase: bad prefix "${prefix}" (lowercase letters, digits, _; at most 30)`);
  }
  const given = process.env.DATABASE_URL?.trim();
  let embedded = null;
  let serverUrl;
  if (given) {
    if (!/^postgres(ql)?:\/\//.test(given)) {
      throw new Error("DATABASE_URL must start with postgres:// or postgresql://");
    }
    serverUrl = withDatabase(given, "postgres");
  } else {
    const port = process.env.EMBEDDED_PG_TEST_PORT ? parsePort(process.env.EMBEDDED_PG_TEST_PORT, "EMBEDDED_PG_TEST_PORT") : TEST_PORT;
    embedded = await startEmbeddedPostgres({
      dataDir: process.env.EMBEDDED_PG_TEST_DATA_DIR ? path.resolve(process.env.EMBEDDED_PG_TEST_DATA_DIR) : TEST_DATA_DIR,
      port,
      database: "postgres",
      detached: false, // a Ctrl-C in the terminal stops it too
    });
    serverUrl = embedded.serverUrl;
  }

  const name = `${prefix}_${Math.floor(Date.now() / 1000)}_${crypto.randomBytes(3).toString("hex")}`;
  const url = withDatabase(serverUrl, name);

  const admin = async (fn) => {
    const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
    client.on("error", () => {});
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end().catch(() => {});
    }
  };

  try {
    await admin(async (client) => {
      await dropLeftovers(client, prefix);
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    });
  } catch (err) {
    if (embedded) await embedded.stop();
    throw new Error(`Could not create a test database on ${describe(serverUrl)}: ${err.message}`);
  }

  let dropped = null;
  const drop = () => {
    dropped ??= (async () => {
      try {
        await admin((client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
      } finally {
        if (embedded) await embedded.stop();
      }
    })();
    return dropped;
  };

  if (migrate) {
    const { code, output } = await runMigrations(url);
    if (code !== 0) {
      await drop().catch(() => {});
      throw new Error(`Migrations failed on the test database ${name}:\n${output}`);
    }
  }

  return { name, url, serverUrl, embedded: Boolean(embedded), drop };
}

async function dropLeftovers(client, prefix) {
  const pattern = new RegExp(`^${prefix}_(\\d{10})_[0-9a-f]{6}$`);
  const now = Math.floor(Date.now() / 1000);
  const { rows } = await client.query("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [`${prefix}_`]);
  for (const { datname } of rows) {
    const m = pattern.exec(datname);
    if (!m || now - Number(m[1]) < LEFTOVER_AGE_SECONDS) continue;
    try {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    } catch {
      /* someone else is dropping it, or no right to: leave it */
    }
  }
}

function runMigrations(url) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "scripts", "migrate.mjs"), "deploy"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c) => {
      output += c;
    });
    child.stderr.on("data", (c) => {
      output += c;
    });
    child.on("error", (err) => resolve({ code: 1, output: err.message }));
    child.on("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

function describe(url) {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}`;
  } catch {
    return "the server";
  }
}
