#!/usr/bin/env node
// The production server: `next start` in one worker process per core, all on
// one port (node:cluster). `npm start` runs it; so do the browser tests and
// the benches, so that they measure what users get.
//
//   node scripts/serve.mjs -p 3000        WEB_CONCURRENCY=<n> sets the number of workers
//
// Why several processes: serving a cached page is CPU work in Next's request
// path (routing, tracing, writing), and one Node process uses one core. Each
// worker keeps its own in-memory cache; lib/cache/worker-tags.cjs keeps them in
// step (a worker that expires tags tells this process, which tells the rest).
// Everything else the workers share lives in PostgreSQL (sessions, sign-in
// rate limits, data), so any worker can answer any request.
import cluster from "node:cluster";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { relayRevalidations } = require("../lib/cache/worker-tags.cjs");

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

  cluster.setupPrimary({
    exec: require.resolve("next/dist/bin/next"),
    args: ["start", ...process.argv.slice(2)],
    execArgv: [...process.execArgv, ...WORKER_NODE_FLAGS],
    cwd: PROJECT_ROOT,
  });
  relayRevalidations(cluster);

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
    for (const worker of Object.values(cluster.workers ?? {})) worker.process.kill("SIGTERM");
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker.process.kill("SIGKILL");
      process.exit(code);
    }, 10_000).unref();
  }

  // A stop on request (Ctrl-C, a supervisor's SIGTERM) is a clean exit.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => (shuttingDown ? undefined : stop(0)));
  for (let i = 0; i < count; i++) fork();
}

if (cluster.isPrimary && process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
