import { expect, test } from "./support/test";

// The measure explorer (issue 5) on the seeded demo data: the reference case's
// reported −41% referrals sits among the other cases, with median and n.

test("a leader sees the reference case's −41% (reported) among the referrals, with median and n", async ({ page }) => {
  await page.goto("/measures/referrals");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Number of referrals");
  await expect(page.getByTestId("scale-note")).toContainText("Log change");

  const reference = page.getByTestId("explorer-row").filter({ hasText: "Integrated health & social care" });
  await expect(reference.getByTestId("explorer-change")).toHaveText("−41% (reported)");
  await expect(reference).toContainText("Reported change only");
  await expect(reference).toContainText("−52.8 (≈ −41%)");
  // Other cases are there too (the seed has three referral figures).
  expect(await page.getByTestId("explorer-row").count()).toBeGreaterThanOrEqual(3);

  await expect(page.getByTestId("stat-n")).toHaveText(/^\d+ figures$/);
  await expect(page.getByTestId("stat-median")).toHaveText(/^−?\+?\d/);
  await expect(page.getByTestId("plot-summary")).toContainText("median");

  // Every dot is a link to its case, inside the server-rendered SVG.
  const dot = page.getByTestId("strip-plot").locator('a[href="/cases/integrated-health-and-social-care"]');
  await expect(dot).toHaveCount(1);
  await expect(page.getByTestId("strip-plot").locator("path")).not.toHaveCount(0); // the reported-only diamond
  await reference.getByRole("link", { name: "Integrated health & social care", exact: true }).click();
  await expect(page).toHaveURL(/\/cases\/integrated-health-and-social-care$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the filters work as a plain form and are kept in the URL", async ({ page }) => {
    await page.goto("/measures/referrals");
    await page.getByLabel("Approach").selectOption("human-learning-systems");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/approach=human-learning-systems/);
    await expect(page.getByTestId("explorer-row").filter({ hasText: "Riverton neighbourhood health teams" })).toHaveCount(1);
    await expect(page.getByTestId("explorer-row").filter({ hasText: "Integrated health & social care" })).toHaveCount(0);
    await expect(page.getByLabel("Approach")).toHaveValue("human-learning-systems");
  });
});

test("the library lists measure types and percent measures pool in percentage points", async ({ page }) => {
  await page.goto("/measures");
  await page.getByRole("link", { name: "Failure demand as % of all demand" }).click();
  await expect(page.getByTestId("scale-note")).toContainText("percentage points");
  // Eastfield's "an 81% reduction" does not say per cent or points: listed apart, not dropped.
  await expect(page.getByTestId("listed-apart")).toContainText("Eastfield housing repairs");
});
