// Keeps the cache of every server worker in step. `npm start` serves the app
// from several `next start` processes (scripts/serve.mjs), each with its own
// in-memory cache; when one of them expires tags (a publish, an unpublish…),
// the others must expire the same tags, or they would go on serving the old
// page. A worker tells the primary process, which passes the message to every
// other worker. Outside a cluster (a plain `next start`, `next dev`) there is
// nobody to tell and nothing is sent.
const cluster = require("node:cluster");

const MESSAGE_TYPE = "reform-metrics:revalidate-tags";

function isRevalidationMessage(message) {
  return (
    message !== null &&
    typeof message === "object" &&
    message.type === MESSAGE_TYPE &&
    Array.isArray(message.tags) &&
    message.tags.every((tag) => typeof tag === "string")
  );
}

function revalidationMessage(tags, durations) {
  return { type: MESSAGE_TYPE, tags: typeof tags === "string" ? [tags] : [...tags], durations };
}

/**
 * In a worker: tell the primary (and so every other worker) which tags this worker expired.
 * @param {string | string[]} tags
 * @param {unknown} durations
 * @param {{ send(message: unknown): unknown; connected?: boolean } | null} [worker]
 */
function shareRevalidation(tags, durations, worker = cluster.isWorker ? process : null) {
  if (worker && typeof worker.send === "function" && worker.connected !== false) {
    worker.send(revalidationMessage(tags, durations));
  }
}

let listening = false;

/** In a worker: apply the tags other workers expired. Registers once per process. */
function listenForPeerRevalidations(apply, source = process) {
  if (listening) return;
  listening = true;
  source.on("message", (message) => {
    if (isRevalidationMessage(message)) apply(message.tags, message.durations);
  });
}

/**
 * In the primary: pass each worker's expired tags on to every other worker.
 * @typedef {{ send(message: unknown): unknown; isConnected(): boolean }} PeerWorker
 * @param {{ on(event: "message", listener: (from: PeerWorker, message: unknown) => void): unknown; workers?: Record<string, PeerWorker | undefined> }} [primary]
 */
function relayRevalidations(primary = cluster) {
  primary.on("message", (from, message) => {
    if (!isRevalidationMessage(message)) return;
    for (const worker of Object.values(primary.workers ?? {})) {
      if (worker && worker !== from && worker.isConnected()) worker.send(message);
    }
  });
}

module.exports = { isRevalidationMessage, revalidationMessage, shareRevalidation, listenForPeerRevalidations, relayRevalidations };
