import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/test";

// The figures behind one approach (issue 14): a leader reads each pooled
// figure as a per cent change or percentage points, never as a log change,
// with the method in a footnote; the page's edges line up with the header's.

test("the pooled column shows % or pp changes with the method in a footnote", async ({ page }) => {
  await page.goto("/approaches/human-learning-systems");
  await expect(page.getByRole("columnheader", { name: /Pooled change/ })).toBeVisible();
  const cells = await page.getByTestId("pooled-change").allTextContents();
  const numbers = cells.filter((t) => /^[−+]?\d/.test(t.trim()));
  expect(numbers.length).toBeGreaterThan(0);
  for (const text of numbers) {
    // "−31%", "+17 pp"; never "−52.8 (≈ −41%)".
    expect(text.trim()).toMatch(/^([−+]?\d+(\.\d+)?%|[−+]?\d+(\.\d+)? pp)$/);
  }
  await expect(page.getByTestId("pooled-method")).toContainText("back-transformed into the per cent change");
  await page.getByRole("link", { name: "How the pooled change is calculated" }).click();
  await expect(page).toHaveURL(/#method$/);
});

test("header, page and footer share their left edge on a wide screen", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 900 } });
  const page = await context.newPage();
  await page.goto("/approaches/human-learning-systems");
  const logo = await page.locator("body > header").getByRole("link", { name: "Reform Metrics" }).boundingBox();
  const heading = await page.getByRole("heading", { level: 1 }).boundingBox();
  const footer = await page.locator("body > footer").boundingBox();
  expect(Math.abs(logo!.x - heading!.x)).toBeLessThan(2);
  expect(Math.abs(logo!.x - (footer!.x + 16))).toBeLessThan(2);
  await context.close();
});

test("axe: no serious or critical violations on an approach's figures", async ({ page }) => {
  await page.goto("/approaches/human-learning-systems");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
