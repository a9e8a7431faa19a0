import { describe, expect, it } from "vitest";
import { publicCacheControl, publicCacheHeaders } from "./public-cache-headers.cjs";

describe("Cache-Control for public pages (CDN-correct)", () => {
  it("defaults to a minute's shared lifetime and a minute of stale-while-revalidate, never a year", () => {
    expect(publicCacheControl({})).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=60");
  });

  it("takes both lifetimes from the environment", () => {
    expect(publicCacheControl({ CDN_MAX_AGE_SECONDS: "300", CDN_STALE_SECONDS: "0" })).toBe(
      "public, max-age=0, s-maxage=300, stale-while-revalidate=0",
    );
    expect(() => publicCacheControl({ CDN_MAX_AGE_SECONDS: "a while" })).toThrow(/CDN_MAX_AGE_SECONDS must be a whole number/);
  });

  it("applies to public pages only, never to the workspace, admin, sign-in or the API", () => {
    const sources = publicCacheHeaders({}).map((h) => h.source);
    expect(sources).toContain("/cases/:path*");
    for (const source of sources) expect(source).not.toMatch(/workspace|admin|sign-in|api|dashboard/);
    // These read the session for a signed-in user's links or drafts.
    expect(sources).not.toContain("/measures");
    expect(sources).not.toContain("/compare");
    expect(sources).not.toContain("/measures/:path*");
  });
});
