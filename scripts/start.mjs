#!/usr/bin/env node
// `npm start` (production server) and `npm run dev` (`--dev`, the Next dev server).
//
// DATABASE_URL unset: starts the embedded PostgreSQL (data in .data/postgres),
//   applies migrations, loads the demo data into an empty database, builds if
//   there is no build yet, and serves.
// DATABASE_URL set: uses that database, applies migrations, never seeds
//   (`npm run db:seed` does on request), builds if needed, and serves.
// Ctrl-C / SIGTERM: the server stops accepting, answers the requests in flight
// (up to SHUTDOWN_TIMEOUT_SECONDS, default 25), then PostgreSQL stops; exit 0.
//
// Environment: PORT (default 3000), DATABASE_URL, EMBEDDED_PG_PORT (54329),
// EMBEDDED_PG_DATA_DIR (.data/postgres), BETTER_AUTH_SECRET (required with DATABASE_URL;
// generated into .data/auth-secret for the embedded demo), BETTER_AUTH_URL (default
// http://localhost:PORT). `.env` files are read the way Next reads them.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import {
  ConfigError,
  PROJECT_ROOT,
  appInstanceOptions,
  displayPath,
  exitWithExplanation,
  parsePort,
  startEmbeddedPostgres,
} from "./lib/embedded-postgres.mjs";
import { readBuildFingerprint, sourceFingerprint, writeBuildFingerprint } from "./lib/source-fingerprint.mjs";

const dev = process.argv.includes("--dev");
const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
const tsxBin = path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
const log = (line) => console.log(`[start] ${line}`);
const fail = (line) => {
  console.error(line);
  process.exitCode = 1;
};

// ---- state shared with the signal handler ----
let db = null; // embedded PostgreSQL, when used
let current = null; // the child process running now (migrate, seed, build, next)
let shuttingDown = false;

async function main() {
  // Read .env files exactly as Next will (process env wins over files).
  try {
    const { loadEnvConfig } = createRequire(nextBin)("@next/env");
    loadEnvConfig(PROJECT_ROOT, dev, { info: () => {}, error: console.error });
  } catch {
    /* @next/env missing: environment only */
  }

  // ---- validate the environment (one line each) ----
  let port = 3000;
  if (process.env.PORT !== undefined && process.env.PORT !== "") port = parsePort(process.env.PORT, "PORT");
  const givenUrl = process.env.DATABASE_URL?.trim() || "";
  if (givenUrl && !/^postgres(ql)?:\/\//.test(givenUrl)) {
    throw new ConfigError(
      `DATABASE_URL must start with postgres:// or postgresql:// (it starts with "${givenUrl.split(/[:/]/)[0]}:"). Unset it to use the embedded PostgreSQL.`,
    );
  }
  // Sessions are signed with BETTER_AUTH_SECRET. A real database needs a real secret
  // from its operator; the embedded demo keeps a generated one in .data/auth-secret.
  if (givenUrl && !process.env.BETTER_AUTH_SECRET) {
    throw new ConfigError(
      "Cannot start Reform Metrics: DATABASE_URL is set but BETTER_AUTH_SECRET is not (generate one with `openssl rand -base64 32`).",
    );
  }
  const embeddedOptions = givenUrl ? null : appInstanceOptions();
  if (!(await portFree(port))) {
    throw new ConfigError(
      `Cannot start Reform Metrics: port ${port} is already in use. Set PORT to a free port (e.g. PORT=${port === 65535 ? 3001 : port + 1} npm ${dev ? "run dev" : "start"}).`,
    );
  }

  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  env.BETTER_AUTH_URL ||= `http://localhost:${port}`;
  if (!givenUrl) env.BETTER_AUTH_SECRET ||= demoAuthSecret();

  // ---- database ----
  if (givenUrl) {
    env.DATABASE_URL = givenUrl;
    log(`Using the database in DATABASE_URL (${describeUrl(givenUrl)}).`);
  } else {
    try {
      db = await startEmbeddedPostgres({ ...embeddedOptions, detached: true, onProgress: log });
    } catch (err) {
      exitWithExplanation(err);
    }
    if (shuttingDown) return;
    env.DATABASE_URL = db.url;
    const t = db.timings;
    log(
      `Embedded PostgreSQL ready on 127.0.0.1:${db.port} (data in ${displayPath(db.dataDir)}; ` +
        (db.initialisedNow ? `created in ${secs(t.initMs)}, ` : "") +
        `started in ${secs(t.startMs)}).`,
    );
  }

  const migrate = path.join(PROJECT_ROOT, "scripts", "migrate.mjs");
  if (fs.existsSync(migrate)) {
    log("Applying database migrations…");
    const code = await run(process.execPath, [migrate, "deploy"], env);
    if (shuttingDown) return;
    if (code !== 0) return stopAll(1, "Database migrations failed (see above); not starting.");
  } else {
    log("scripts/migrate.mjs not found: skipping migrations.");
  }

  // Published figures missing from measure_figure (a database published to
  // before they were stored) are computed by the domain, once.
  const recompute = path.join(PROJECT_ROOT, "scripts", "recompute-figures.ts");
  if (fs.existsSync(recompute)) {
    const code = await run(tsxBin, ["--conditions=react-server", recompute, "--missing"], env);
    if (shuttingDown) return;
    if (code !== 0) return stopAll(1, "Computing the published figures failed (see above); not starting.");
  }

  const seed = path.join(PROJECT_ROOT, "prisma", "seed.ts");
  if (!givenUrl) {
    if (fs.existsSync(seed)) {
      const code = await run(tsxBin, ["--conditions=react-server", seed, "--if-empty", "--demo-users"], env);
      if (shuttingDown) return;
      if (code !== 0) return stopAll(1, "Loading the demo data failed (see above); not starting.");
    }
  } else {
    log("Demo data is not loaded into your own database automatically; `npm run db:seed` loads it on request.");
  }

  // ---- build, then serve ----
  // A build is reused only when it was made from exactly these sources (after a
  // `git pull` the old build would otherwise go on serving the old code).
  if (!dev) {
    const distDir = path.join(PROJECT_ROOT, ".next");
    const fingerprint = sourceFingerprint(PROJECT_ROOT);
    const built = fs.existsSync(path.join(distDir, "BUILD_ID")) ? readBuildFingerprint(distDir) : null;
    if (built !== fingerprint) {
      log(
        built === null
          ? "No production build yet: running `next build`…"
          : "The sources changed since the last build: running `next build`…",
      );
      const code = await run(process.execPath, [nextBin, "build"], env);
      if (shuttingDown) return;
      if (code !== 0) return stopAll(1, "The build failed (see above); not starting.");
      writeBuildFingerprint(distDir, fingerprint);
    }
  }

  // Production: scripts/serve.mjs runs `next start` in one process per core.
  const serveArgs = dev ? [nextBin, "dev", "-p", String(port)] : [path.join(PROJECT_ROOT, "scripts", "serve.mjs"), "-p", String(port)];
  const next = spawn(process.execPath, serveArgs, {
    cwd: PROJECT_ROOT,
    env,
    stdio: "inherit",
  });
  current = next;
  const nextExit = new Promise((resolve) => next.on("exit", (code, signal) => resolve({ code, signal })));

  // Announce once the port answers.
  const url = `http://localhost:${port}`;
  (async () => {
    while (!shuttingDown && next.exitCode === null && next.signalCode === null) {
      if (await canConnect(port)) {
        console.log(`\nReform Metrics is running at ${url}  (Ctrl-C to stop)\n`);
        if (!givenUrl) console.log(`${DEMO_SIGN_INS}\n`);
        return;
      }
      await sleep(100);
    }
  })();

  const { code, signal } = await nextExit;
  current = null;
  if (shuttingDown) return; // the signal handler finishes the job
  await stopAll(code === 0 ? 0 : 1, `Next.js exited unexpectedly (${signal ?? `code ${code}`}).`);
}

/** Runs a child with inherited output; resolves with its exit code. */
function run(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: PROJECT_ROOT, env, stdio: "inherit" });
    current = child;
    child.on("error", (err) => {
      console.error(`Could not run ${path.basename(cmd)}: ${err.message}`);
      current = null;
      resolve(1);
    });
    child.on("exit", (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function stopAll(code, message) {
  if (message) fail(message);
  if (db) {
    await db.stop();
    db = null;
  }
  process.exit(code);
}

async function shutdown(signal) {
  if (shuttingDown) {
    // A second Ctrl-C: do not wait for Next any longer.
    if (current) current.kill("SIGKILL");
    return;
  }
  shuttingDown = true;
  console.log(`\n[start] ${signal}: stopping…`);
  const child = current;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    // The server answers the requests in flight first (SHUTDOWN_TIMEOUT_SECONDS, scripts/serve.mjs).
    const grace = (Number(process.env.SHUTDOWN_TIMEOUT_SECONDS) || 25) + 10;
    const timer = setTimeout(() => child.kill("SIGKILL"), grace * 1000);
    await exited;
    clearTimeout(timer);
  }
  if (db) {
    await db.stop();
    db = null;
    log("PostgreSQL stopped.");
  }
  process.exit(0);
}

process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGHUP", () => shutdown("SIGHUP"));

// Under `npm start`, a SIGTERM sent to npm reaches only the `sh -c` between npm
// and this script (sh neither forwards it nor execs), leaving this process
// orphaned. So when run by npm, treat the loss of the parent as a stop request.
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown("parent process exited");
  }, 500).unref();
}

function describeUrl(url) {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
  } catch {
    return "unparsable URL";
  }
}

function portFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

// The demo accounts prisma/seed-users.ts creates in embedded mode (public passwords).
const DEMO_SIGN_INS = [
  "Demo sign-ins (embedded demo database only):",
  "  admin    admin@demo.reform-metrics.test    demo-admin-password",
  "  analyst  analyst@demo.reform-metrics.test  demo-analyst-password",
  "  viewer   viewer@demo.reform-metrics.test   demo-viewer-password",
].join("\n");

/** The embedded demo's session secret: generated once, kept so sessions survive restarts. */
function demoAuthSecret() {
  const file = path.join(PROJECT_ROOT, ".data", "auth-secret");
  try {
    const saved = fs.readFileSync(file, "utf8").trim();
    if (saved.length >= 32) return saved;
  } catch {
    /* first start: create it below */
  }
  const secret = randomBytes(32).toString("base64url");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

main().catch(async (err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error(`Cannot start Reform Metrics: ${err?.message ?? err}`);
    if (process.env.DEBUG) console.error(err);
  }
  if (db) await db.stop().catch(() => {});
  process.exit(1);
});
