import type { Instrumentation } from "next";

// Next calls register() once per server process, and onRequestError for every
// error it captures on the server (rendering, route handlers, server actions,
// the proxy). Both run in the Node.js runtime only: the logger and the
// OpenTelemetry SDK are Node libraries.

export async function register() {
  // The client's address for the sign-in limit, sessions and the audit log: the socket's,
  // or TRUST_PROXY hops into X-Forwarded-For, never whatever a client claims (see the file).
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const http = await import("node:http");
    const { installClientAddress, readTrustProxy } = await import("./lib/security/client-address.cjs");
    installClientAddress(http, readTrustProxy(process.env.TRUST_PROXY));
  }
  // OpenTelemetry traces and metrics when an exporter is configured, e.g.
  // OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318 (see the README).
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { registerOTel } = await import("@vercel/otel");
    registerOTel({ serviceName: process.env.OTEL_SERVICE_NAME || "reform-metrics" });
  }
}

/**
 * One structured log line per server error, with the request's id (the load
 * balancer's X-Request-Id when it sends one, else a new one) and Next's
 * digest, which the error page shows the user: quoting it finds the line.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("./lib/log");
  const { randomUUID } = await import("node:crypto");
  const header = request.headers["x-request-id"];
  const err = error instanceof Error ? error : new Error(String(error));
  log.error(
    {
      requestId: (Array.isArray(header) ? header[0] : header) || randomUUID(),
      digest: (error as { digest?: string }).digest ?? null,
      method: request.method,
      path: request.path,
      route: context.routePath,
      routeType: context.routeType,
      err,
    },
    "request failed",
  );
};
