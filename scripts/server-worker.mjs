#!/usr/bin/env node
// One server process of scripts/serve.mjs: Next's request handler on a Node
// http server of our own (Next's documented custom-server API, `next()` and
// getRequestHandler), so that this process decides two things `next start`
// does not let it:
//
//  - A stop (SIGTERM, SIGINT) is graceful: every request already received or
//    on its way is answered (with `Connection: close`), then the process stops
//    listening, closes idle keep-alive connections and exits. Requests still
//    running after SHUTDOWN_TIMEOUT_SECONDS (default 25) are cut off (exit 1).
//  - While PostgreSQL is unreachable (lib/db.ts notes it), a page that failed
//    for that reason answers 503 with a short branded page and Retry-After
//    instead of a bare 500; cached pages go on being served as before, and
//    the next query that succeeds ends the outage (no restart).
//
// Run by scripts/serve.mjs in each cluster worker with PORT set.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { readShutdownTimeout } from "./serve.mjs";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Set by lib/db.ts: the time a query last failed because the database could not be reached (0 once one succeeds). */
const DB_UNREACHABLE = Symbol.for("reform-metrics.database-unreachable-since");
const RETRY_AFTER_SECONDS = 60;

export const OUTAGE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable · Reform Metrics</title>
<style>body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0f172a;background:#f8fafc}
main{max-width:36rem;margin:12vh auto;padding:0 1.5rem}p.brand{font-weight:600;color:#334155;margin:0 0 2rem}
h1{font-size:1.75rem;margin:0 0 1rem}p{line-height:1.6}</style></head>
<body><main><p class="brand">Reform Metrics</p><h1>Temporarily unavailable</h1>
<p>This page cannot be shown just now: the service cannot reach its database. Nothing you saved is lost.</p>
<p>Please try again in a minute.</p></main></body></html>
`;

export function databaseUnreachable(now = Date.now(), flag = globalThis[DB_UNREACHABLE]) {
  return typeof flag === "number" && flag > 0 && now - flag < 5 * 60_000;
}

/**
 * Turns a 5xx answered while the database is unreachable into the outage page:
 * status 503, Retry-After, not cached, whatever Next had started to write dropped.
 */
export function answerOutagesWith503(res, isOutage = databaseUnreachable) {
  const writeHead = res.writeHead;
  const write = res.write;
  const end = res.end;
  let replaced = false;
  res.writeHead = function (status, ...rest) {
    if (typeof status === "number" && status >= 500 && isOutage()) {
      replaced = true;
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      return writeHead.call(res, 503, {
        "content-type": "text/html; charset=utf-8",
        "content-length": Buffer.byteLength(OUTAGE_PAGE),
        "retry-after": String(RETRY_AFTER_SECONDS),
        "cache-control": "no-store",
      });
    }
    return writeHead.call(res, status, ...rest);
  };
  res.write = function (...args) {
    if (replaced) return true;
    return write.apply(res, args);
  };
  res.end = function (...args) {
    if (!replaced) return end.apply(res, args);
    const callback = args.find((a) => typeof a === "function");
    return end.call(res, OUTAGE_PAGE, callback);
  };
}

async function main() {
  const port = Number(process.env.PORT || 3000);
  const timeoutSeconds = readShutdownTimeout(process.env.SHUTDOWN_TIMEOUT_SECONDS);
  const app = next({ dev: false, dir: PROJECT_ROOT, port, hostname: "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();

  /** Responses not yet finished. */
  const open = new Set();
  let stopping = false;
  let lastRequestAt = 0;

  const server = http.createServer((req, res) => {
    lastRequestAt = Date.now();
    open.add(res);
    res.on("close", () => open.delete(res));
    if (stopping) res.setHeader("connection", "close");
    answerOutagesWith503(res);
    Promise.resolve(handle(req, res)).catch((error) => {
      console.error(error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end("Internal Server Error");
      }
    });
  });
  // As `next start`: keep-alive a little longer than common load balancers' idle timeouts.
  server.keepAliveTimeout = 65_000;
  server.listen(port);

  // A stop: every answer from now on closes its connection. Once nothing has
  // been running or arriving for QUIET_MS (connections the cluster had
  // already accepted for this process have reached it by then), stop
  // listening, close idle connections and exit. Closing at once would reset
  // connections accepted but not yet read.
  const QUIET_MS = 300;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const res of open) if (!res.headersSent) res.setHeader("connection", "close");
    const deadline = Date.now() + timeoutSeconds * 1000;
    const check = setInterval(() => {
      const now = Date.now();
      if (open.size === 0 && now - lastRequestAt >= QUIET_MS) {
        clearInterval(check);
        server.close();
        server.closeIdleConnections();
        void app
          .close()
          .catch(() => {})
          .then(() => process.exit(0));
      } else if (now >= deadline) {
        clearInterval(check);
        console.error(
          `[serve] ${open.size} request(s) still running after ${timeoutSeconds} s (SHUTDOWN_TIMEOUT_SECONDS): stopping anyway.`,
        );
        process.exit(1);
      }
    }, 50);
  };
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`Cannot start the server: ${error?.message ?? error}`);
    process.exit(1);
  });
}
