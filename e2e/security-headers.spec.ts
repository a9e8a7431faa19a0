// The security headers (lib/security/headers.cjs) as a browser meets them: on public,
// private and embed responses; the embed framed by a page on another origin while the
// rest of the site refuses to be framed; injected script refused by the CSP; and the
// pages themselves (charts included) running without a single CSP violation.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { createUser, signIn } from "./support/users";

const CASE = "/cases/integrated-health-and-social-care";
const EMBED = "/embed/cases/integrated-health-and-social-care";

/** A tiny site on another origin (another port), serving `pages` by path. */
async function startOtherSite(pages: Record<string, { type: string; body: string }>) {
  const server = http.createServer((req, res) => {
    const page = pages[req.url ?? "/"];
    if (!page) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": page.type }).end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Collects CSP violations the page reports (events and console lines). */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe("security headers", () => {
  test("are on public, private and embed responses; only the embed may be framed", async ({ request }) => {
    const common = (headers: Record<string, string>) => {
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"]).toContain("camera=()");
      const csp = headers["content-security-policy"] ?? "";
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("script-src-attr 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).not.toContain("unsafe-eval");
      return csp;
    };

    const publicPage = await request.get(CASE);
    expect(publicPage.status()).toBe(200);
    expect(common(publicPage.headers())).toContain("frame-ancestors 'none'");
    expect(publicPage.headers()["x-frame-options"]).toBe("DENY");

    for (const path of ["/sign-in", "/workspace", "/admin/users"]) {
      const privatePage = await request.get(path, { maxRedirects: 0 });
      expect(common(privatePage.headers()), path).toContain("frame-ancestors 'none'");
      expect(privatePage.headers()["x-frame-options"]).toBe("DENY");
    }

    const embed = await request.get(EMBED);
    expect(embed.status()).toBe(200);
    expect(common(embed.headers())).not.toContain("frame-ancestors");
    expect(embed.headers()["x-frame-options"]).toBeUndefined();

    const download = await request.get("/downloads/reform-metrics-cases.csv");
    expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("a page on another origin can frame the embed but not the case page or sign-in", async ({ page, baseURL }) => {
    const other = await startOtherSite({
      "/report": {
        type: "text/html",
        body: `<!doctype html><html lang="en"><title>Council report</title><body><h1>A council report</h1>
          <iframe id="embed" src="${baseURL}${EMBED}" title="Reform Metrics chart" width="900" height="600"></iframe>
          <iframe id="case" src="${baseURL}${CASE}" title="Case page" width="900" height="300"></iframe>
          <iframe id="signin" src="${baseURL}/sign-in" title="Sign in" width="900" height="300"></iframe></body></html>`,
      },
    });
    try {
      await page.goto(`${other.origin}/report`);
      const embed = page.frameLocator("#embed");
      await expect(embed.getByTestId("change-chart").locator(".recharts-bar-rectangle path")).toHaveCount(6);
      await expect(embed.getByRole("link", { name: /Full figures, sources and data/ })).toBeVisible();

      // The browser refuses the other two: their frames hold its error page, nothing of the site.
      const refusedFrames = () => page.frames().filter((f) => f.url().startsWith("chrome-error://")).length;
      await expect
        .poll(refusedFrames, {
          message: page
            .frames()
            .map((f) => f.url())
            .join(", "),
        })
        .toBe(2);
      await expect(page.frameLocator("#case").getByRole("heading", { level: 1 })).toHaveCount(0);
      await expect(page.frameLocator("#signin").getByLabel("Password", { exact: true })).toHaveCount(0);
    } finally {
      await other.close();
    }
  });

  // (eval is refused too, by the absence of 'unsafe-eval', checked on the header above: a
  // test cannot show it, because code Playwright runs in the page is exempt from the CSP.)
  test("injected script does not run: inline event handlers and other sites' scripts are refused", async ({ page }) => {
    const other = await startOtherSite({ "/evil.js": { type: "text/javascript", body: "window.__evilLoaded = true;" } });
    try {
      await page.goto(CASE);
      await expect(page.getByTestId("change-chart")).toBeVisible();
      const outcome = await page.evaluate(async (evilOrigin) => {
        const violations: string[] = [];
        document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
        const w = window as unknown as Record<string, unknown>;
        // The classic injected-HTML payload: an inline event handler.
        const box = document.createElement("div");
        box.innerHTML = `<img src="data:," onerror="window.__handlerRan = true"><img src="/no-such-image.png" onerror="window.__handlerRan = true">`;
        document.body.append(box);
        // A script from another site.
        const script = document.createElement("script");
        script.src = `${evilOrigin}/evil.js`;
        const loaded = new Promise<string>((resolve) => {
          script.onload = () => resolve("loaded");
          script.onerror = () => resolve("refused");
        });
        document.body.append(script);
        const scriptResult = await loaded;
        await new Promise((resolve) => setTimeout(resolve, 500));
        return { handlerRan: w.__handlerRan === true, evilLoaded: w.__evilLoaded === true, scriptResult, violations };
      }, other.origin);
      expect(outcome.handlerRan).toBe(false);
      expect(outcome.evilLoaded).toBe(false);
      expect(outcome.scriptResult).toBe("refused");
      expect(outcome.violations).toEqual(expect.arrayContaining(["script-src-attr", "script-src-elem"]));
    } finally {
      await other.close();
    }
  });

  test("an inline script that is not one the server wrote does not run, on a cached page or a private one", async ({ page }) => {
    // As a bug that let markup through would put it: in the document itself.
    // The page is served twice first, so the second answer comes from the
    // server's kept copy (lib/cache/served-pages.cjs) and must carry the policy too.
    const INJECTED = "<script>window.__injectedRan = true</script>";
    await page.request.get(CASE);
    const kept = await page.request.get(CASE);
    expect(await kept.text()).toMatch(/<meta http-equiv="Content-Security-Policy" content="script-src 'self'( 'sha256-[^']+')+">/);
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.route(CASE, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace("</h1>", `</h1>${INJECTED}`);
      await route.fulfill({ response, body });
    });
    await page.goto(CASE);
    // The page's own scripts ran (the chart is drawn in the browser); the injected one did not.
    await expect(page.getByTestId("change-chart").locator(".recharts-bar-rectangle path").first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__injectedRan === true)).toBe(false);
    await expect.poll(() => violations.length).toBeGreaterThan(0);

    // And one added to the page later, on a page rendered for each request.
    const analyst = await createUser({ role: "analyst" });
    await signIn(page, analyst);
    await page.goto("/workspace");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.__addedRan = true";
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return (window as unknown as Record<string, unknown>).__addedRan === true;
    });
    expect(ran).toBe(false);
  });

  test("the site's own pages, charts and forms run without a CSP violation", async ({ page }) => {
    const violations = watchViolations(page);
    await page.goto(CASE);
    await expect(page.getByTestId("change-chart").locator(".recharts-bar-rectangle path").first()).toBeVisible();
    await page.goto("/cases?sector=health");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goto("/compare?cases=integrated-health-and-social-care");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // The Northshire case's SPC chart completes late, so its page carries React's streaming runtime.
    const spcCase = "/cases/northshire-adult-social-care-front-door";
    for (const path of ["/", "/approaches", "/measures/referrals", "/data", "/data/api", "/sign-in", EMBED, spcCase, "/no-such-page"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first(), path).toBeVisible();
    }

    const analyst = await createUser({ role: "analyst" });
    await signIn(page, analyst);
    await page.goto("/workspace");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test("pages that read the session are never marked for a shared cache, public pages are", async ({ page }) => {
  const analyst = await createUser({ role: "analyst" });
  await signIn(page, analyst);
  for (const path of ["/measures", "/measures/unmapped", "/compare"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["cache-control"] ?? "", path).not.toMatch(/public|s-maxage/);
  }
  const explorer = await page.request.get("/measures/referrals");
  expect(explorer.headers()["cache-control"]).toMatch(/^public, max-age=0, s-maxage=\d+/);
});
