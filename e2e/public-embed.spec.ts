import { expect, test } from "@playwright/test";

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
