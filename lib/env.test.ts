import { describe, expect, it } from "vitest";
import { readAuthEnv } from "./env";

const SECRET = "x".repeat(32);

describe("readAuthEnv", () => {
  it("refuses to run in production without a secret, naming the variable", () => {
    expect(() => readAuthEnv({ NODE_ENV: "production" })).toThrow(/BETTER_AUTH_SECRET is not set/);
  });

  it("refuses a short secret and a non-http base URL", () => {
    expect(() => readAuthEnv({ BETTER_AUTH_SECRET: "short" })).toThrow(/at least 32 characters/);
    expect(() => readAuthEnv({ BETTER_AUTH_SECRET: SECRET, BETTER_AUTH_URL: "ftp://example.org" })).toThrow(/BETTER_AUTH_URL/);
  });

  it("defaults the base URL to localhost on PORT, and trusts the e2e port and listed origins", () => {
    const env = readAuthEnv({
      NODE_ENV: "production",
      BETTER_AUTH_SECRET: SECRET,
      PORT: "3005",
      E2E_PORT: "3310",
      AUTH_TRUSTED_ORIGINS: "https://a.example, https://b.example",
    });
    expect(env.baseURL).toBe("http://localhost:3005");
    expect(env.trustedOrigins).toEqual(["https://a.example", "https://b.example", "http://localhost:3310", "http://127.0.0.1:3310"]);
    expect(env.signInMaxPerMinute).toBe(10);
  });

  it("uses BETTER_AUTH_URL without a trailing slash", () => {
    expect(readAuthEnv({ BETTER_AUTH_SECRET: SECRET, BETTER_AUTH_URL: "https://metrics.example.nhs.uk/" }).baseURL).toBe(
      "https://metrics.example.nhs.uk",
    );
  });
});
