import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { answerOutagesWith503, databaseUnreachable, OUTAGE_PAGE } from "./outage-page.mjs";

// What a page that needed PostgreSQL answers while it is unreachable.

const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function serve(outage: boolean, status: number): Promise<Response> {
  const server = http.createServer((_req, res) => {
    answerOutagesWith503(res, () => outage);
    res.setHeader("content-type", "text/html");
    res.setHeader("cache-control", "s-maxage=60");
    res.statusCode = status;
    res.write("<html>stack trace: Error at db.ts:42");
    res.end("</html>");
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/cases/x`);
}

describe("the outage answer", () => {
  it("turns a 500 during a database outage into a 503 branded page with Retry-After, no stack, not cached", async () => {
    const res = await serve(true, 500);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("60");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.text();
    expect(body).toBe(OUTAGE_PAGE);
    expect(body).toContain("try again in a minute");
    expect(body).not.toContain("stack");
  });

  it("leaves every other answer alone", async () => {
    expect((await serve(false, 500)).status).toBe(500);
    const ok = await serve(true, 200);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("stack trace");
  });

  it("counts an outage from the last failed query until one succeeds (cleared to 0)", () => {
    const now = Date.now();
    expect(databaseUnreachable(now, now - 1000)).toBe(true);
    expect(databaseUnreachable(now, 0)).toBe(false);
    expect(databaseUnreachable(now, undefined)).toBe(false);
  });
});
