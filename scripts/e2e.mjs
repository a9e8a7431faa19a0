#!/usr/bin/env node
// `npm run test:e2e [-- <playwright args>]`: a fresh database (on the server in
// DATABASE_URL, or an embedded one when unset), seeded with the demo data, a
// fresh `next build`, then Playwright (which starts `next start` on E2E_PORT).
// The database is dropped afterwards; the exit code is Playwright's.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { PROJECT_ROOT, exitWithExplanation, parsePort } from "./lib/embedded-postgres.mjs";
import { createTestDatabase, databaseHost } from "./lib/test-database.mjs";
import { sourceFingerprint, writeBuildFingerprint } from "./lib/source-fingerprint.mjs";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
const bin = (name) => path.join(PROJECT_ROOT, "node_modules", ".bin", name);
const log = (line) => console.log(`[e2e] ${line}`);
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", ""]);

let db = null;
let current = null;
let interrupted = false;

async function main() {
  const args = process.argv.slice(2);

  const given = process.env.DATABASE_URL?.trim();
  if (given) {
    if (!/^postgres(ql)?:\/\//.test(given)) return fail("DATABASE_URL must start with postgres:// or postgresql://.");
    const host = databaseHost(given);
    if (host === null || !LOCAL_HOSTS.has(host)) {
      return fail(
        `Refusing to run the browser tests: DATABASE_URL points at "${host}", not this machine. They create, seed and drop a database; use a local server or unset DATABASE_URL.`,
      );
    }
  }

  let port;
  try {
    port = process.env.E2E_PORT ? parsePort(process.env.E2E_PORT, "E2E_PORT") : await freePort(3100);
  } catch (err) {
    return fail(err.message);
  }

  const t0 = Date.now();
  try {
    db = await createTestDatabase("rm_e2e");
  } catch (err) {
    if (!given) exitWithExplanation(err);
    return fail(err.message.split("\n")[0]);
  }
  log(`test database ${db.name} on ${db.embedded ? "the embedded test server" : databaseHost(db.serverUrl)} (${Date.now() - t0} ms)`);

  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    E2E_PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
    // A throwaway session secret per run (next start runs in production mode, which needs one).
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET || randomBytes(32).toString("base64url"),
    // Every test signs in from 127.0.0.1; the real per-address limit is tested in
    // lib/auth/auth.integration.test.ts.
    AUTH_SIGN_IN_MAX_PER_MINUTE: process.env.AUTH_SIGN_IN_MAX_PER_MINUTE || "1000",
  };

  let code = await run(bin("tsx"), ["--conditions=react-server", path.join(PROJECT_ROOT, "prisma", "seed.ts")], env);
  if (code !== 0) return finish(interrupted ? 130 : 1, "Seeding the test database failed.");

  log("next build");
  const fingerprint = sourceFingerprint(PROJECT_ROOT);
  code = await run(process.execPath, [nextBin, "build"], env);
  if (code !== 0) return finish(interrupted ? 130 : 1, "next build failed.");
  // Recorded as `npm start` records it, so the smoke test after this reuses the build.
  writeBuildFingerprint(path.join(PROJECT_ROOT, process.env.NEXT_DIST_DIR || ".next"), fingerprint);

  log(`playwright test ${args.join(" ")} (app on port ${port})`);
  code = await run(bin("playwright"), ["test", ...args], env);
  return finish(interrupted ? 130 : code);
}

function run(cmd, args, env) {
  if (interrupted) return Promise.resolve(130);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: PROJECT_ROOT, env, stdio: "inherit" });
    current = child;
    child.on("error", (err) => {
      console.error(`[e2e] could not run ${path.basename(cmd)}: ${err.message}`);
      current = null;
      resolve(1);
    });
    child.on("exit", (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function finish(code, message) {
  if (message) console.error(`[e2e] ${message}`);
  if (db) {
    try {
      await db.drop();
    } catch (err) {
      console.error(`[e2e] could not drop ${db.name}: ${err.message}`);
    }
    db = null;
  }
  process.exit(code);
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    // The child gets a terminal's Ctrl-C itself; forward a SIGTERM for the other case.
    if (current) current.kill("SIGTERM");
    else void finish(130);
  });
}

/** First free port from `start` (up to 100 tries). */
async function freePort(start) {
  for (let p = start; p < start + 100; p++) {
    const ok = await new Promise((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen(p, () => server.close(() => resolve(true)));
    });
    if (ok) return p;
  }
  throw new Error(`No free port found from ${start} to ${start + 99}; set E2E_PORT.`);
}

main().catch((err) => finish(1, err?.message ?? String(err)));
