import { expect, test } from "./support/test";
import { createPublishedCase, uniqueSlug } from "./support/factories";

test("full-text search finds a case by a measure label and marks fictional examples", async ({ page }) => {
  await page.goto("/cases?q=failure+demand");
  await expect(page.getByRole("link", { name: "Integrated health & social care" })).toBeVisible();
  await page.goto("/cases");
  await expect(page.getByText("Fictional example").first()).toBeVisible();
});

test("filters work without JavaScript and the URL reproduces the view", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/cases");
  await page.getByLabel("Sector").selectOption("housing");
  await page.getByRole("button", { name: "Show case studies" }).click();
  await expect(page).toHaveURL(/\/cases\?.*sector=housing/);
  const items = page.getByTestId("case-list-item");
  await expect(items).not.toHaveCount(0);
  for (const text of await items.allTextContents()) expect(text).toContain("Housing");
  await expect(page.getByLabel("Sector")).toHaveValue("housing");
  await context.close();
});

test("search, organisation match, sort and pagination over many cases", async ({ page }) => {
  const word = `zebrafinch${Date.now().toString(36)}`;
  const slugs: string[] = [];
  for (let i = 0; i < 21; i++) {
    const slug = uniqueSlug(`many-${i}`);
    slugs.push(slug);
    await createPublishedCase(slug, { title: `Case ${String(i).padStart(2, "0")} study`, organisation: `${word} council ${i}` });
  }
  await page.goto(`/cases?q=${word}&sort=title`);
  await expect(page.getByTestId("result-count")).toHaveText("21 case studies");
  await expect(page.getByTestId("case-list-item")).toHaveCount(20);
  await expect(page.getByTestId("case-list-item").first()).toContainText("Case 00 study");
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${word}&sort=title&page=2`));
  await expect(page.getByTestId("case-list-item")).toHaveCount(1);
  await expect(page.getByTestId("case-list-item")).toContainText("Case 20 study");
});

test("the home page links to the index and labels fictional examples", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText("fictional examples", { exact: false }).first()).toBeVisible();
  await page.getByRole("link", { name: "Search all case studies" }).click();
  await expect(page).toHaveURL(/\/cases$/);
});
