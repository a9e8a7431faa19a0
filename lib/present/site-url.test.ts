import { describe, expect, it } from "vitest";
import { readSiteUrl } from "./site-url";

describe("readSiteUrl: the address citations, canonical links, the sitemap and social cards use", () => {
  it("is SITE_URL when set, without a trailing slash", () => {
    expect(readSiteUrl({ SITE_URL: "https://metrics.example.org/", PORT: "4000" })).toBe("https://metrics.example.org");
  });

  it("is the address the server listens on when SITE_URL is unset", () => {
    expect(readSiteUrl({ PORT: "4321" })).toBe("http://localhost:4321");
    expect(readSiteUrl({})).toBe("http://localhost:3000");
    expect(readSiteUrl({ SITE_URL: " ", PORT: "8080" })).toBe("http://localhost:8080");
  });

  it("refuses a SITE_URL that is not an http(s) URL", () => {
    expect(() => readSiteUrl({ SITE_URL: "metrics.example.org" })).toThrow(/SITE_URL must be an http\(s\) URL/);
    expect(() => readSiteUrl({ SITE_URL: "ftp://example.org" })).toThrow(/SITE_URL/);
  });
});
