#!/usr/bin/env node
// Smoke test: starts the app exactly as the README says (`npm start`, with
// DATABASE_URL unset, i.e. the embedded PostgreSQL), fetches the reference case
// page, then sends SIGTERM and checks that the app exits 0 within 15 s and that
// PostgreSQL has stopped. A throwaway data folder keeps the demo data untouched.
// Reuses an existing `.next` build made from the same sources. Then it adds a
// page to the sources, as a pulled commit would, and checks that the next
// `npm start` rebuilds and serves it (the page is removed afterwards).
//
// Last line: `smoke: 1 passed, 0 failed` or `smoke: 0 passed, 1 failed`.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PAGE_PATH = "/cases/integrated-health-and-social-care";
const EXPECTED_TEXT = "Number of assessments";
const APP_PORT = Number(process.env.SMOKE_PORT ?? 3200);
const PG_PORT = Number(process.env.SMOKE_PG_PORT ?? 54331);
const START_TIMEOUT_MS = 300_000; // a first run may also build
const STOP_TIMEOUT_MS = 15_000;
const MARKER_PAGE = path.join(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", ".."), "app", "smoke-marker", "page.tsx");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const dataParent = fs.mkdtempSync(path.join(os.tmpdir(), "rm-smoke-"));
fs.chmodSync(dataParent, 0o755); // as root, PostgreSQL runs as `postgres` and must enter it

const env = {
  ...process.env,
  PORT: String(APP_PORT),
  EMBEDDED_PG_PORT: String(PG_PORT),
  EMBEDDED_PG_DATA_DIR: path.join(dataParent, "postgres"),
};
delete env.DATABASE_URL;

let output = "";
const say = (line) => console.log(`[smoke] ${line}`);

async function main() {
  for (const [what, port] of [
    ["app", APP_PORT],
    ["PostgreSQL", PG_PORT],
  ]) {
    if (await portOpen(port)) throw new Error(`port ${port} (${what}) is already in use; set SMOKE_PORT / SMOKE_PG_PORT`);
  }
  await startCheckStop("npm start", async (url) => {
    const res = await fetch(new URL(PAGE_PATH, url), { redirect: "manual" });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`GET ${PAGE_PATH} returned ${res.status}`);
    if (!body.includes(EXPECTED_TEXT)) throw new Error(`GET ${PAGE_PATH} did not contain "${EXPECTED_TEXT}"`);
    say(`GET ${PAGE_PATH}: 200, contains "${EXPECTED_TEXT}"`);
  });

  // A new commit pulled in (issue 17): the next `npm start` must serve the new
  // code, not the old build. A page added to the sources stands for the commit.
  const marker = `smoke-${Date.now()}`;
  fs.mkdirSync(path.dirname(MARKER_PAGE), { recursive: true });
  fs.writeFileSync(MARKER_PAGE, `export default function SmokeMarker() {\n  return <p>${marker}</p>;\n}\n`);
  try {
    await startCheckStop("npm start after a change to the sources", async (url) => {
      if (!output.includes("The sources changed since the last build"))
        throw new Error("npm start did not rebuild after the sources changed");
      const res = await fetch(new URL("/smoke-marker", url));
      const body = await res.text();
      if (res.status !== 200 || !body.includes(marker))
        throw new Error(`GET /smoke-marker returned ${res.status} without the new page's text`);
      say("rebuilt after the sources changed, and serves the new page");
    });
  } finally {
    fs.rmSync(path.dirname(MARKER_PAGE), { recursive: true, force: true });
    // The build's route types still name the marker page, and tsconfig.json
    // includes them: the next `npm run typecheck` would fail on a page that
    // is gone. The next build writes them again.
    fs.rmSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "types"), { recursive: true, force: true });
  }
}

/** `npm start`, wait for "running at", run the check, then SIGTERM: the app exits 0 and PostgreSQL stops. */
async function startCheckStop(what, check) {
  say(`${what} (PORT=${APP_PORT}, EMBEDDED_PG_PORT=${PG_PORT}, data in ${env.EMBEDDED_PG_DATA_DIR})`);
  output = "";
  const t0 = Date.now();
  const child = spawn("npm", ["start"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  let exit = null;
  exited.then((e) => {
    exit = e;
  });

  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "running at" line within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
      const onData = (chunk) => {
        output += chunk;
        const m = /Reform Metrics is running at (http:\/\/\S+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", (c) => {
        output += c;
      });
      exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited early (${signal ?? `code ${code}`})`));
      });
    });
    say(`running at ${url} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await check(url);

    // SIGTERM goes to the app process (scripts/start.mjs) itself: npm would pass a
    // signal only to the `sh -c` between them and then exit by that signal.
    const appPid = findDescendant(child.pid, "scripts/start.mjs");
    if (!appPid) throw new Error("cannot find the scripts/start.mjs process under npm");
    const t1 = Date.now();
    process.kill(appPid, "SIGTERM");
    const result = await Promise.race([exited, sleep(STOP_TIMEOUT_MS).then(() => null)]);
    if (!result) throw new Error(`still running ${STOP_TIMEOUT_MS / 1000} s after SIGTERM`);
    if (result.code !== 0) throw new Error(`npm start exited with ${result.signal ?? `code ${result.code}`} after SIGTERM, not 0`);
    if (isAlive(appPid)) throw new Error(`scripts/start.mjs (pid ${appPid}) still running after npm exited`);
    if (await portOpen(PG_PORT)) throw new Error(`PostgreSQL still listening on ${PG_PORT} after the app exited`);
    if (await portOpen(APP_PORT)) throw new Error(`something still listening on ${APP_PORT} after the app exited`);
    say(`SIGTERM: exited 0 in ${((Date.now() - t1) / 1000).toFixed(1)} s; PostgreSQL stopped`);
  } finally {
    if (!exit) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* gone */
      }
      await sleep(500);
    }
  }
}

/** pid of the deepest process under `pid` whose command line contains `needle`
 *  (deepest: `sh -c "node scripts/start.mjs"` matches too). */
function findDescendant(pid, needle) {
  const ps = spawnSync("ps", ["-eo", "pid=,ppid=,args="], { encoding: "utf8" });
  const procs = ps.stdout
    .split("\n")
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter(Boolean)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }));
  const queue = [pid];
  let found = null;
  while (queue.length) {
    const parent = queue.shift();
    for (const p of procs.filter((q) => q.ppid === parent)) {
      if (p.args.includes(needle)) found = p.pid;
      queue.push(p.pid);
    }
  }
  return found;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function cleanUp() {
  // A PostgreSQL left behind by a failure is found by its data folder and stopped.
  const pidFile = path.join(env.EMBEDDED_PG_DATA_DIR, "postmaster.pid");
  try {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    if (pid > 0) process.kill(pid, "SIGQUIT");
  } catch {
    /* not running */
  }
  fs.rmSync(dataParent, { recursive: true, force: true });
}

main().then(
  () => {
    cleanUp();
    console.log("smoke: 1 passed, 0 failed");
    process.exit(0);
  },
  (err) => {
    console.error(`[smoke] FAILED: ${err.message}`);
    const tail = output.trimEnd().split("\n").slice(-40).join("\n");
    if (tail) console.error(`[smoke] last output of npm start:\n${tail}`);
    cleanUp();
    console.log("smoke: 0 passed, 1 failed");
    process.exit(1);
  },
);
