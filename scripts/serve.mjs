#!/usr/bin/env node
// The production server: Next in one worker process per core, all on one port
// (node:cluster; each worker is scripts/server-worker.mjs). `npm start` runs it; so do the browser tests and
// the benches, so that they measure what users get.
//
//   node scripts/serve.mjs -p 3000        WEB_CONCURRENCY=<n> sets the number of workers
//
// Why several processes: serving a cached page is CPU work in Next's request
// path (routing, tracing, writing), and one Node process uses one core. Each
// worker keeps cached pages in its own memory; expired cache tags are shared
// through a file (or Redis with REDIS_URL) that every worker checks on each
// read (lib/cache/cache-handler.cjs), so no message passes between them.
// Everything else the workers share lives in PostgreSQL (sessions, sign-in
// rate limits, data), so any worker can answer any request.
import cluster from "node:cluster";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/**
 * A larger young generation for each worker: a request allocates a few
 * hundred kB that die young, and at the default size V8 collects them several
 * hundred times a second under load. 64 MB per semi-space roughly halves the
 * time spent in those collections (measured with `npm run bench`).
 */
const WORKER_NODE_FLAGS = ["--max-semi-space-size=64"];
/** A worker that crashes this often in a minute is not restarted again: something is wrong. */
const MAX_RESTARTS_PER_MINUTE = 5;

/**
 * Without WEB_CONCURRENCY, one worker per core up to this many: each worker
 * has its own database pool (up to 10 connections) and its own page cache, so
 * a large machine should choose its number rather than exhaust PostgreSQL's
 * default 100 connections.
 */
const DEFAULT_MAX_WORKERS = 4;

/** WEB_CONCURRENCY (the usual name for it) or one worker per available core, at most DEFAULT_MAX_WORKERS. */
export function readWorkerCount(value, cores = os.availableParallelism()) {
  if (value === undefined || value.trim() === "") return Math.min(DEFAULT_MAX_WORKERS, Math.max(1, cores));
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new Error(`WEB_CONCURRENCY must be a whole number of server processes from 1 to 64 (it is "${value}").`);
  }
  return n;
}

/** How long a stopping server process waits for requests in flight (SHUTDOWN_TIMEOUT_SECONDS, default 25). */
export function readShutdownTimeout(value) {
  if (value === undefined || value.trim() === "") return 25;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 3600) {
    throw new Error(`SHUTDOWN_TIMEOUT_SECONDS must be a number of seconds from 0 to 3600 (it is "${value}").`);
  }
  return n;
}

/**
 * The port from `-p <n>` / `--port <n>` / `--port=<n>`, else PORT, else 3000 (as `next start` reads them).
 * @param {string[]} args
 * @param {Record<string, string | undefined>} [env]
 */
export function readPort(args, env = process.env) {
  for (let i = 0; i < args.length; i++) {
    if ((args[i] === "-p" || args[i] === "--port") && args[i + 1]) return args[i + 1];
    if (args[i].startsWith("--port=")) return args[i].slice("--port=".length);
  }
  return env.PORT?.trim() || "3000";
}

function log(message) {
  console.log(`[serve] ${message}`);
}

function main() {
  let count;
  try {
    count = readWorkerCount(process.env.WEB_CONCURRENCY);
  } catch (error) {
    console.error(`[serve] ${error.message}`);
    process.exit(2);
  }

  // The workers' PORT: with SITE_URL unset, canonical links and citations use
  // the address the server is on (lib/present/site-url.ts).
  process.env.PORT = readPort(process.argv.slice(2));

  let shutdownSeconds;
  try {
    shutdownSeconds = readShutdownTimeout(process.env.SHUTDOWN_TIMEOUT_SECONDS);
  } catch (error) {
    console.error(`[serve] ${error.message}`);
    process.exit(2);
  }

  cluster.setupPrimary({
    exec: path.join(PROJECT_ROOT, "scripts", "server-worker.mjs"),
    args: [],
    execArgv: [...process.execArgv, ...WORKER_NODE_FLAGS],
    cwd: PROJECT_ROOT,
  });
  // Cached pages live in the workers' memory, so expiries recorded by an
  // earlier run mean nothing now: start the shared record afresh.
  if (!process.env.REDIS_URL?.trim()) {
    const { defaultTagFile } = require("../lib/cache/cache-handler.cjs");
    fs.rmSync(defaultTagFile(path.join(PROJECT_ROOT, process.env.NEXT_DIST_DIR || ".next")), { force: true });
  }

  let shuttingDown = false;
  let exitCode = 0;
  let ready = false;
  const live = new Set(); // ids of workers not yet exited (cluster.workers can lag behind 'exit')
  const listened = new Set();
  const restarts = [];
  const fork = () => live.add(cluster.fork().id);

  cluster.on("listening", (worker) => {
    listened.add(worker.id);
    if (!ready && listened.size === count) {
      ready = true;
      log(`${count} server process${count === 1 ? "" : "es"} ready`);
    }
  });

  cluster.on("exit", (worker, code, signal) => {
    live.delete(worker.id);
    if (shuttingDown) {
      if (live.size === 0) process.exit(exitCode);
      return;
    }
    const how = signal ?? `code ${code}`;
    // Before the server was ever ready, a worker that could not listen (a port
    // in use, a missing build) means the others would fail the same way: stop.
    if (!ready && !listened.has(worker.id)) return stop(1, `a server process could not start (${how}); stopping.`);
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && restarts[0] < now - 60_000) restarts.shift();
    if (restarts.length > MAX_RESTARTS_PER_MINUTE) return stop(1, `server processes keep exiting (${how}); stopping.`);
    log(`a server process exited (${how}); starting another.`);
    fork();
  });

  function stop(code, message) {
    if (message) console.error(`[serve] ${message}`);
    shuttingDown = true;
    exitCode = code;
    process.exitCode = code;
    if (live.size === 0) process.exit(code);
    // Each worker stops accepting, answers what it has received, then exits
    // (scripts/server-worker.mjs); it gives up after SHUTDOWN_TIMEOUT_SECONDS.
    for (const worker of Object.values(cluster.workers ?? {})) worker.process.kill("SIGTERM");
    setTimeout(
      () => {
        for (const worker of Object.values(cluster.workers ?? {})) worker.process.kill("SIGKILL");
        process.exit(code);
      },
      (shutdownSeconds + 5) * 1000,
    ).unref();
  }

  // A stop on request (Ctrl-C, a supervisor's SIGTERM) is a clean exit once the requests in flight are answered.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => (shuttingDown ? undefined : stop(0)));
  for (let i = 0; i < count; i++) fork();
}

if (cluster.isPrimary && process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
