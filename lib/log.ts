import pino from "pino";

// The one structured logger: JSON lines on stdout (what a log collector
// reads), one field per fact, so "all errors of request X" is a query, not a
// grep. LOG_LEVEL sets the level (info by default; debug, warn, error …).

export const log = pino({
  level: process.env.LOG_LEVEL || "info",
  base: { service: "reform-metrics", pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  // Never write a session cookie or a password into a log line.
  redact: { paths: ["headers.cookie", "headers.authorization", "*.password"], remove: true },
});
