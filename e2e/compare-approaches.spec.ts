import { expect, test } from "./support/test";

// The approach overview (issues 5 and 14): every approach as a card with its
// figures and evidence rating, and every figure linking to the cases behind it.

test("the approach overview shows each approach with its figures and evidence rating", async ({ page }) => {
  await page.goto("/approaches");
  await expect(page.getByTestId("evidence-rule")).toContainText("before-and-after");
  const cards = page.getByTestId("approach-card");
  for (const name of ["Human Learning Systems", "Relational public services", "Vanguard Method"]) {
    const card = cards.filter({ has: page.getByRole("heading", { level: 3, name: new RegExp(`^${name}`) }) });
    await expect(card).toHaveCount(1);
    await expect(card.getByTestId("padlocks").first()).toContainText(/\d of 5/);
  }
  // An approach with no published case is named, not drawn as an empty card.
  await expect(page.getByTestId("approaches-without-cases")).toContainText("Systemic design");
  const relational = cards.filter({ hasText: "Relational public services" });
  await expect(relational.getByTestId("category-figure").first()).toBeVisible();
});

test("every category links to the figures behind it", async ({ page }) => {
  await page.goto("/approaches");
  const links = page.getByTestId("category-figure");
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  expect(hrefs.length).toBeGreaterThan(4);
  for (const href of hrefs) expect(href).toMatch(/^\/approaches\/[a-z0-9-]+\?category=[a-z_]+$/);

  await page
    .getByTestId("approach-card")
    .filter({ hasText: "Relational public services" })
    .getByTestId("card-category")
    .filter({ has: page.getByTestId("category-headline").filter({ hasText: /^Activity/ }) })
    .getByTestId("category-figure")
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Relational public services");
  const figures = page.getByTestId("approach-figures");
  await expect(figures.getByRole("link", { name: "Integrated health & social care" }).first()).toHaveAttribute(
    "href",
    "/cases/integrated-health-and-social-care",
  );
  await expect(figures).toContainText("−41% (reported)");
});
