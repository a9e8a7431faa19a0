import { describe, expect, it } from "vitest";
import { createTokenSchema, displayPrefix, generateApiToken, hashApiToken, readBearer } from "./token-format";

describe("API tokens", () => {
  it("are long, random, recognisable and read back from a Bearer header", () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^rm_pat_[A-Za-z0-9_-]{43}$/);
    expect(readBearer(`Bearer ${a}`)).toEqual({ kind: "token", token: a });
    expect(readBearer(`bearer   ${a} `)).toEqual({ kind: "token", token: a });
    expect(displayPrefix(a)).toHaveLength(11);
  });

  it("tell a missing header from one that cannot hold a token", () => {
    expect(readBearer(null)).toEqual({ kind: "none" });
    expect(readBearer("")).toEqual({ kind: "none" });
    expect(readBearer("Basic dXNlcjpwYXNz")).toEqual({ kind: "malformed" });
    expect(readBearer("Bearer rm_pat_short")).toEqual({ kind: "malformed" });
    expect(readBearer(`Bearer ${generateApiToken()} extra`)).toEqual({ kind: "malformed" });
  });

  it("are stored as a SHA-256 that differs per token", () => {
    const t = generateApiToken();
    expect(hashApiToken(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiToken(t)).toBe(hashApiToken(t));
    expect(hashApiToken(t)).not.toBe(hashApiToken(generateApiToken()));
  });

  it("are named and last 30, 90 or 365 days", () => {
    expect(createTokenSchema.safeParse({ name: "Nightly load", days: "90" }).success).toBe(true);
    expect(createTokenSchema.safeParse({ name: "Nightly load", days: "7" }).success).toBe(false);
    expect(createTokenSchema.safeParse({ name: "  ", days: "30" }).success).toBe(false);
  });
});
