import { afterEach, describe, expect, it, vi } from "vitest";
import { log } from "./log";
import { onRequestError } from "../instrumentation";

// Every server error becomes one structured log line with a request id and
// Next's digest (issue 17: today a ZodError escaped as a 500 with no log line).

const context = { routerKind: "App Router", routePath: "/cases/[slug]", routeType: "render", revalidateReason: undefined } as const;

describe("onRequestError", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it("logs the error with the load balancer's request id, the digest, the route and the method", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    const error = vi.spyOn(log, "error").mockImplementation(() => undefined);
    const thrown = Object.assign(new Error("boom"), { digest: "123456" });
    await onRequestError(thrown, { path: "/cases/x", method: "GET", headers: { "x-request-id": "req-1", cookie: "secret" } }, context);
    expect(error).toHaveBeenCalledTimes(1);
    const [fields, message] = error.mock.calls[0] as unknown as [Record<string, unknown>, string];
    expect(message).toBe("request failed");
    expect(fields).toMatchObject({
      requestId: "req-1",
      digest: "123456",
      method: "GET",
      path: "/cases/x",
      route: "/cases/[slug]",
      err: thrown,
    });
    expect(JSON.stringify(fields)).not.toContain("secret");
  });

  it("makes up a request id when none came with the request", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    const error = vi.spyOn(log, "error").mockImplementation(() => undefined);
    await onRequestError("not an Error", { path: "/", method: "POST", headers: {} }, context);
    const [fields] = error.mock.calls[0] as unknown as [Record<string, unknown>];
    expect(fields.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect((fields.err as Error).message).toBe("not an Error");
  });
});
