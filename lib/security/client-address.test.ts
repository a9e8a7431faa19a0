import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { applyClientAddress, installClientAddress, normaliseAddress, readTrustProxy, resolveClientAddress } from "./client-address.cjs";

describe("TRUST_PROXY", () => {
  it("defaults to 0 and accepts a small whole number", () => {
    expect(readTrustProxy(undefined)).toBe(0);
    expect(readTrustProxy(" ")).toBe(0);
    expect(readTrustProxy("2")).toBe(2);
  });
  it.each(["true", "-1", "1.5", "99", "loopback"])("refuses %j with a readable message", (value) => {
    expect(() => readTrustProxy(value)).toThrow(/TRUST_PROXY must be the number of proxies/);
  });
});

describe("the client address", () => {
  it("with no trusted proxy is the socket's, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("203.0.113.7", "::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(resolveClientAddress(undefined, "10.0.0.5", 0)).toBe("10.0.0.5");
  });

  it("behind one proxy is the address that proxy appended: the right-most untrusted one", () => {
    // The proxy at 10.0.0.2 appended the client's 198.51.100.4 to a header the client forged.
    expect(resolveClientAddress("1.1.1.1, 2.2.2.2, 198.51.100.4", "10.0.0.2", 1)).toBe("198.51.100.4");
    expect(resolveClientAddress(["1.1.1.1", "198.51.100.4"], "10.0.0.2", 1)).toBe("198.51.100.4");
    expect(resolveClientAddress("198.51.100.4", "10.0.0.2", 2)).toBe("198.51.100.4");
    expect(resolveClientAddress("6.6.6.6, 198.51.100.4, 10.0.0.9", "10.0.0.2", 2)).toBe("198.51.100.4");
  });

  it("falls back to the left-most address when there are fewer than the trusted hops", () => {
    expect(resolveClientAddress(undefined, "10.0.0.2", 1)).toBe("10.0.0.2");
    expect(resolveClientAddress("", "10.0.0.2", 3)).toBe("10.0.0.2");
  });

  it("normalises IPv4-mapped and bracketed IPv6 addresses", () => {
    expect(normaliseAddress("::FFFF:192.0.2.1")).toBe("192.0.2.1");
    expect(normaliseAddress("[2001:db8::1]")).toBe("2001:db8::1");
  });

  it("replaces the request's X-Forwarded-For and drops other address headers", () => {
    const req = {
      headers: { "x-forwarded-for": "203.0.113.1", "x-real-ip": "203.0.113.2", "x-client-ip": "203.0.113.3" } as Record<string, string>,
      socket: { remoteAddress: "127.0.0.1" },
    };
    applyClientAddress(req, 0);
    expect(req.headers).toEqual({ "x-forwarded-for": "127.0.0.1" });
  });

  it("is applied before a server's own handler sees the request", async () => {
    installClientAddress(http, 0);
    const server = http.createServer((req, res) => res.end(String(req.headers["x-forwarded-for"])));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const seen = await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": "203.0.113.99" } }).then((r) => r.text());
      expect(seen).toBe("127.0.0.1");
      installClientAddress(http, 1);
      const behindProxy = await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": "9.9.9.9, 203.0.113.99" } }).then((r) =>
        r.text(),
      );
      expect(behindProxy).toBe("203.0.113.99");
    } finally {
      installClientAddress(http, 0);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
