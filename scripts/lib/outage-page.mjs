// The answer while PostgreSQL is unreachable: a page that failed for that
// reason becomes a 503 with a short branded page and Retry-After, instead of
// Next's bare 500. Used by scripts/server-worker.mjs on every response.
/** Set by lib/db.ts: the time a query last failed because the database could not be reached (0 once one succeeds). */
const DB_UNREACHABLE = Symbol.for("reform-metrics.database-unreachable-since");
export const RETRY_AFTER_SECONDS = 60;

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
  // Headers not yet sent: decide now (Node would send them implicitly inside write/end).
  const decide = () => {
    if (!res.headersSent && !replaced && res.statusCode >= 500 && isOutage()) res.writeHead(res.statusCode);
  };
  res.write = function (...args) {
    decide();
    if (replaced) return true;
    return write.apply(res, args);
  };
  res.end = function (...args) {
    decide();
    if (!replaced) return end.apply(res, args);
    const callback = args.find((a) => typeof a === "function");
    return end.call(res, OUTAGE_PAGE, callback);
  };
}
