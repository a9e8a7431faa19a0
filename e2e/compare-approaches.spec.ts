import { expect, test } from "./support/test";

// The approach overview (issue 5): every approach with its figures and evidence
// rating, and every figure linking to the cases behind it.

test("the approach overview lists each approach with its figures and evidence rating", async ({ page }) => {
  await page.goto("/approaches");
  await expect(page.getByTestId("evidence-rule")).toContainText("before-and-after");
  const rows = page.getByTestId("approach-row");
  for (const name of ["Human Learning Systems", "Relational public services", "Systemic design", "Vanguard Method"]) {
    const row = rows.filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("padlocks")).toContainText(/\d of 5/);
  }
  const relational = rows.filter({ hasText: "Relational public services" });
  await expect(relational.getByTestId("category-figure").first()).toBeVisible();
});

test("every figure links to the cases behind it", async ({ page }) => {
  await page.goto("/approaches");
  const links = page.getByTestId("approaches-table").locator("tbody a");
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  expect(hrefs.length).toBeGreaterThan(4);
  for (const href of hrefs) expect(href).toMatch(/^\/approaches\/[a-z0-9-]+(\?(category=[a-z_]+|outcome=worsened))?$/);

  await page
    .getByTestId("approach-row")
    .filter({ hasText: "Relational public services" })
    .getByTestId("category-figure")
    .filter({ hasText: "Activity" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Relational public services");
  const figures = page.getByTestId("approach-figures");
  await expect(figures.getByRole("link", { name: "Integrated health & social care" }).first()).toHaveAttribute(
    "href",
    "/cases/integrated-health-and-social-care",
  );
  await expect(figures).toContainText("−41% (reported)");
});
