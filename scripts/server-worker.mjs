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
//  - A public page Next served from its cache is kept, finished, in this
//    process and served from there until it is out of date
//    (lib/cache/served-pages.cjs): the lookup and a write, not Next's
//    request path.
//  - Each HTML document carries a policy that lets only the framework's
//    inline scripts run (lib/security/inline-script-policy.cjs), so it is
//    held until complete (lib/http/buffer-html.cjs); responses are compressed
//    here (next.config.js turns Next's own compression off, which would
//    compress before the document is finished).
//  - While PostgreSQL is unreachable (lib/db.ts notes it), a page that failed
//    for that reason answers 503 with a short branded page and Retry-After
//    instead of a bare 500; cached pages go on being served as before, and
//    the next query that succeeds ends the outage (no restart).
//
// Run by scripts/serve.mjs in each cluster worker with PORT set.
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import compression from "compression";
import next from "next";
import { answerOutagesWith503 } from "./lib/outage-page.mjs";
import { readShutdownTimeout } from "./serve.mjs";

const require = createRequire(import.meta.url);
const { isOutOfDate } = require("../lib/cache/cache-handler.cjs");
const { ServedPages } = require("../lib/cache/served-pages.cjs");
const { bufferHtmlDocuments } = require("../lib/http/buffer-html.cjs");
const { withInlineScriptPolicy } = require("../lib/security/inline-script-policy.cjs");

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Memory for served pages in each process (beside Next's own cache of 256 MB, next.config.js). */
const SERVED_PAGES_BYTES = 64 * 1024 * 1024;

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

  const servedPages = new ServedPages({ maxBytes: SERVED_PAGES_BYTES, isOutOfDate });
  const compress = compression();

  const server = http.createServer(async (req, res) => {
    lastRequestAt = Date.now();
    open.add(res);
    res.on("close", () => open.delete(res));
    if (stopping) res.setHeader("connection", "close");
    let held = null;
    try {
      if (await servedPages.serve(req, res)) return;
      compress(req, res, () => {});
      answerOutagesWith503(res);
      await servedPages.record(req, res, (keep) => {
        held = bufferHtmlDocuments(res, { finish: withInlineScriptPolicy, onDocument: keep });
        return handle(req, res);
      });
    } catch (error) {
      console.error(error);
      if (!res.headersSent) {
        // Not the part of a page held so far, and not for a shared cache.
        held?.discard();
        res.statusCode = 500;
        res.setHeader("cache-control", "no-store");
        res.setHeader("content-type", "text/plain; charset=utf-8");
        res.end("Internal Server Error");
      }
    }
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
