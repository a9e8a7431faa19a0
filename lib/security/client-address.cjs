// The client's address, decided once per request where the socket is still at hand.
//
// Next copies the socket's address into X-Forwarded-For only when the request has no
// such header, so anyone could choose the address the sign-in limit and the audit log
// see by sending one. Here, as each request arrives, X-Forwarded-For is replaced by the
// one address that can be trusted:
//   TRUST_PROXY=0 (default): the socket's address; whatever the client sent is ignored.
//   TRUST_PROXY=n: n proxies in front of the app each appended the address they saw, so
//   the client is the n-th address from the right of "<header>, <socket>" (the
//   right-most one no trusted proxy vouches for); a longer forged prefix is ignored.
// Everything downstream (better-auth's sign-in limit, sessions, the audit log, server
// actions) then reads a single trusted address from X-Forwarded-For.
// CommonJS because instrumentation.ts installs it in Next's server process before the
// first request, and the tests call it directly.

const INSTALLED = Symbol.for("reform-metrics.client-address");

/** TRUST_PROXY: a whole number of proxy hops, 0 when unset. */
function readTrustProxy(value) {
  if (value === undefined || String(value).trim() === "") return 0;
  const trimmed = String(value).trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) > 10) {
    throw new Error(`TRUST_PROXY must be the number of proxies in front of the app, 0 to 10 (it is "${value}").`);
  }
  return Number(trimmed);
}

/** "::ffff:10.0.0.1" → "10.0.0.1"; "[::1]" → "::1"; trims spaces. */
function normaliseAddress(address) {
  let a = String(address ?? "").trim();
  if (a.startsWith("[") && a.includes("]")) a = a.slice(1, a.indexOf("]"));
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(a);
  return mapped ? mapped[1] : a;
}

/**
 * The trusted client address. `forwardedFor` is the X-Forwarded-For header as received
 * (string, string[] or undefined), `socketAddress` the connection's peer, `hops` TRUST_PROXY.
 */
function resolveClientAddress(forwardedFor, socketAddress, hops) {
  const socket = normaliseAddress(socketAddress);
  if (!hops) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [
    ...header
      .split(",")
      .map(normaliseAddress)
      .filter((a) => a !== ""),
    socket,
  ];
  return chain[Math.max(0, chain.length - 1 - hops)];
}

/** Rewrites one incoming request's X-Forwarded-For to the trusted client address. */
function applyClientAddress(req, hops) {
  const address = resolveClientAddress(req.headers["x-forwarded-for"], req.socket && req.socket.remoteAddress, hops);
  if (address) req.headers["x-forwarded-for"] = address;
  else delete req.headers["x-forwarded-for"];
  // Other address headers some libraries read first; nothing here sets them.
  delete req.headers["x-real-ip"];
  delete req.headers["x-client-ip"];
}

/**
 * Applies applyClientAddress to every request every HTTP server in this process
 * receives, before its own handler runs. Idempotent.
 */
function installClientAddress(http, hops) {
  const proto = http.Server.prototype;
  if (proto[INSTALLED]) {
    proto[INSTALLED].hops = hops;
    return;
  }
  const state = { hops };
  const emit = proto.emit;
  proto.emit = function emitWithClientAddress(event, req, ...rest) {
    if (event === "request" && req && req.headers) applyClientAddress(req, state.hops);
    return emit.call(this, event, req, ...rest);
  };
  Object.defineProperty(proto, INSTALLED, { value: state, configurable: true });
}

module.exports = { readTrustProxy, normaliseAddress, resolveClientAddress, applyClientAddress, installClientAddress };
