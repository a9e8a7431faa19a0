import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./support/test";

test("the embed renders the chart inside another page's iframe, with a link back", async ({ page, baseURL }) => {
  const src = `${baseURL}/embed/cases/integrated-health-and-social-care`;
  await page.setContent(`<!doctype html><html lang="en"><body><h1>A council report</h1>
    <iframe src="${src}" title="Reform Metrics chart" width="900" height="600" style="border:0"></iframe></body></html>`);
  const frame = page.frameLocator("iframe");
  await expect(frame.getByTestId("change-chart").locator(".recharts-bar-rectangle path")).toHaveCount(6);
  await expect(frame.getByRole("img")).toHaveAccessibleName(/Change in 6 measures/);
  await expect(frame.getByRole("link", { name: /Full figures, sources and data/ })).toHaveAttribute(
    "href",
    /\/cases\/integrated-health-and-social-care$/,
  );
  // Minimal chrome: no site header or navigation inside the frame.
  await expect(frame.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(frame.getByText("Skip to main content")).toBeHidden();
});

test("the embed is not indexed and points search engines at the case page", async ({ page }) => {
  await page.goto("/embed/cases/integrated-health-and-social-care");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/cases\/integrated-health-and-social-care$/);
});

test("in another site's iframe the embed sizes itself and shows the link back without scrolling", async ({ page, baseURL }) => {
  // The host page comes from a different origin than the app (a cross-origin
  // iframe, as on a council's site); it uses the snippet from the case page.
  const snippetPage = await page.context().newPage();
  await snippetPage.goto("/cases/integrated-health-and-social-care");
  const snippet = await snippetPage.getByTestId("embed-snippet").inputValue();
  await snippetPage.close();
  expect(snippet).toContain('height="720"');
  expect(snippet).toMatch(/<script src="[^"]+\/embed\.js" async><\/script>/);
  // The snippet names the configured site address; load it from the server under test.
  const local = snippet.replace(/https?:\/\/[^/"]+\/(embed)/g, `${baseURL}/$1`).replace('height="720"', 'height="300"');
  // A real server on another port: another origin, but on this machine, so
  // Chromium's local-network checks (which block a public page from framing
  // 127.0.0.1) do not apply as they would to a routed fake domain.
  const body = `<!doctype html><html lang="en"><head><title>Council report</title></head><body><h1>A council report</h1>${local}<p>After the chart.</p></body></html>`;
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(body));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`${host}/report.html`);
    const iframe = page.locator("iframe");
    // Grows from the 300 px it was given to the height of its content.
    await expect.poll(async () => (await iframe.boundingBox())?.height ?? 0, { timeout: 20_000 }).toBeGreaterThan(400);
    const frame = page.frameLocator("iframe");
    const link = frame.getByRole("link", { name: /Full figures, sources and data/ });
    await expect(link).toBeVisible();
    // Everything inside fits: the embed's own page does not scroll.
    const inner = page.frames().find((f) => f.url().includes("/embed/cases/"))!;
    await expect
      .poll(() => inner.evaluate(() => document.documentElement.scrollHeight - window.innerHeight), { timeout: 10_000 })
      .toBeLessThanOrEqual(1);
    const frameBox = (await iframe.boundingBox())!;
    const closing = frame.getByTestId("embed").locator(":scope > *").last();
    const lastBox = (await closing.boundingBox())!;
    expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(frameBox.y + frameBox.height + 1);
  } finally {
    server.close();
  }
});

test("the link back is at the top of the embed, so even a fixed-height iframe without scripts shows it", async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 300 });
  await page.goto("/embed/cases/integrated-health-and-social-care");
  const link = page.getByRole("link", { name: /Full figures, sources and data/ });
  await expect(link).toBeInViewport();
});
