import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaderRules } from "./headers.cjs";

type Rule = { source: string; headers: Array<{ key: string; value: string }> };

/** The headers a path gets: every matching rule, later rules overriding earlier ones (as Next applies them). */
function headersFor(rules: Rule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    // The two patterns used: "/:path*" and the regex forms.
    const pattern =
      rule.source === "/:path*" ? /^\/.*$/ : rule.source === "/embed/:path*" ? /^\/embed(\/.*)?$/ : new RegExp(`^${rule.source}$`);
    if (pattern.test(path)) for (const h of rule.headers) out[h.key] = h.value;
  }
  return out;
}

describe("security headers", () => {
  const rules = securityHeaderRules({ siteUrl: "http://localhost:3000" }) as Rule[];

  it("every page refuses framing except the embed", () => {
    for (const path of ["/", "/cases/a", "/sign-in", "/workspace", "/admin/users", "/embedded", "/api/auth/sign-in/email"]) {
      const h = headersFor(rules, path);
      expect(h["Content-Security-Policy"], path).toContain("frame-ancestors 'none'");
      expect(h["X-Frame-Options"], path).toBe("DENY");
    }
    for (const path of ["/embed/cases/a", "/embed/cases/a/series/1"]) {
      const h = headersFor(rules, path);
      expect(h["Content-Security-Policy"], path).not.toContain("frame-ancestors");
      expect(h["Content-Security-Policy"], path).toContain("object-src 'none'");
      expect(h["X-Frame-Options"], path).toBeUndefined();
    }
  });

  it("every response has nosniff, the referrer policy and the permissions policy", () => {
    for (const path of ["/", "/embed/cases/a", "/downloads/reform-metrics-cases.csv"]) {
      const h = headersFor(rules, path);
      expect(h["X-Content-Type-Options"]).toBe("nosniff");
      expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
      expect(h["Permissions-Policy"]).toMatch(/camera=\(\).*microphone=\(\)/);
    }
  });

  it("HSTS and upgrade-insecure-requests only when the site is served over https", () => {
    expect(headersFor(rules, "/")["Strict-Transport-Security"]).toBeUndefined();
    expect(headersFor(rules, "/")["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
    const https = securityHeaderRules({ siteUrl: "https://metrics.example.nhs.uk" }) as Rule[];
    expect(headersFor(https, "/")["Strict-Transport-Security"]).toBe("max-age=31536000");
    expect(headersFor(https, "/embed/cases/a")["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  it("blocks plugins, <base>, inline handlers and eval; allows eval only under next dev", () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("script-src-attr 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy({ development: true })).toContain("'unsafe-eval'");
  });
});
