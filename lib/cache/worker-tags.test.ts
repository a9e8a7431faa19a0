import { EventEmitter } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { isRevalidationMessage, relayRevalidations, revalidationMessage, shareRevalidation } from "./worker-tags.cjs";

/** A stand-in for a cluster worker as the primary sees it. */
function fakeWorker(connected = true) {
  return { send: vi.fn(), isConnected: () => connected };
}

describe("revalidation messages between server workers", () => {
  it("recognises only well-formed messages", () => {
    expect(isRevalidationMessage(revalidationMessage("public-case:a", { expire: 0 }))).toBe(true);
    expect(isRevalidationMessage(revalidationMessage(["a", "b"], undefined))).toBe(true);
    expect(isRevalidationMessage({ type: "reform-metrics:revalidate-tags", tags: [1] })).toBe(false);
    expect(isRevalidationMessage({ type: "something-else", tags: ["a"] })).toBe(false);
    expect(isRevalidationMessage("reform-metrics:revalidate-tags")).toBe(false);
    expect(isRevalidationMessage(null)).toBe(false);
  });

  it("a worker sends the tags it expired, with their durations, to the primary", () => {
    const worker = { send: vi.fn(), connected: true };
    shareRevalidation(["public-case:a", "_N_T_/cases/a"], { expire: 0 }, worker);
    expect(worker.send).toHaveBeenCalledWith({
      type: "reform-metrics:revalidate-tags",
      tags: ["public-case:a", "_N_T_/cases/a"],
      durations: { expire: 0 },
    });
  });

  it("sends nothing outside a cluster or once the channel is closed", () => {
    expect(() => shareRevalidation(["a"], undefined, null)).not.toThrow();
    const closed = { send: vi.fn(), connected: false };
    shareRevalidation(["a"], undefined, closed);
    expect(closed.send).not.toHaveBeenCalled();
  });

  it("the primary passes a worker's message to every other connected worker, not back to the sender", () => {
    const primary = Object.assign(new EventEmitter(), {
      workers: { 1: fakeWorker(), 2: fakeWorker(), 3: fakeWorker(), 4: fakeWorker(false) },
    });
    relayRevalidations(primary);
    const message = revalidationMessage(["public-cases"], { expire: 0 });
    primary.emit("message", primary.workers[2], message);
    expect(primary.workers[1].send).toHaveBeenCalledWith(message);
    expect(primary.workers[3].send).toHaveBeenCalledWith(message);
    expect(primary.workers[2].send).not.toHaveBeenCalled();
    expect(primary.workers[4].send).not.toHaveBeenCalled();
  });

  it("the primary ignores other messages", () => {
    const primary = Object.assign(new EventEmitter(), { workers: { 1: fakeWorker(), 2: fakeWorker() } });
    relayRevalidations(primary);
    primary.emit("message", primary.workers[1], { type: "something-else", tags: ["a"] });
    expect(primary.workers[2].send).not.toHaveBeenCalled();
  });
});
