import { expect, test } from "./support/test";
import { uniqueSlug } from "./support/factories";
import { createUser, signIn } from "./support/users";

// Issue 20: an analyst sees the public page of a draft before publishing it.
test("an analyst previews a draft and sees the figures it will publish, marked as a preview", async ({ page }) => {
  const analyst = await createUser({ role: "analyst" });
  await signIn(page, analyst);
  const title = `Preview ${uniqueSlug("e2e")}`;
  await page.goto("/workspace/cases/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Source citation").fill("Council cabinet report, March 2025");
  await page.getByRole("button", { name: "Add a measure" }).click();
  const first = page.getByTestId("measure-editor").nth(0);
  await first.getByLabel("Name").fill("Failure demand");
  await first.getByLabel("Unit").selectOption({ label: "Percent (%)" });
  await first.getByLabel("Before", { exact: true }).fill("71");
  await first.getByLabel("After", { exact: true }).fill("12");
  await page.getByRole("button", { name: "Create case" }).click();
  await expect(page.getByText("Case created as a draft.")).toBeVisible();
  const slug = await page.getByLabel("Web address (slug)").inputValue();

  await page.getByTestId("preview-link").click();
  await expect(page).toHaveURL(/\/workspace\/cases\/[^/]+\/preview$/);
  await expect(page.getByTestId("preview-banner")).toContainText("Preview: not published.");
  await expect(page.getByTestId("preview-banner")).toContainText("version 1");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  // The figures as the public page computes them: percentage points for a percentage.
  await expect(page.getByTestId("measure-change").first()).toHaveText("71% → 12% (−59 pp)");
  await expect(page.getByTestId("change-chart")).toBeVisible();
  // Never indexed, never cached.
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  const response = await page.request.get(page.url());
  expect(response.headers()["cache-control"] ?? "").toMatch(/no-store|private/);
  // And nothing was published.
  const anonymous = await page.context().browser()!.newContext();
  const reader = await anonymous.newPage();
  expect((await reader.goto(`/cases/${slug}`))?.status()).toBe(404);
  await anonymous.close();
});

test("another organisation's analyst cannot open the preview", async ({ page, browser }) => {
  const owner = await createUser({ role: "analyst" });
  await signIn(page, owner);
  await page.goto("/workspace/cases/new");
  await page.getByLabel("Title", { exact: true }).fill(`Private ${uniqueSlug("e2e")}`);
  await page.getByLabel("Source citation").fill("A report");
  await page.getByRole("button", { name: "Add a measure" }).click();
  const first = page.getByTestId("measure-editor").nth(0);
  await first.getByLabel("Name").fill("Referrals");
  await first.getByLabel("Before", { exact: true }).fill("10");
  await first.getByLabel("After", { exact: true }).fill("5");
  await page.getByRole("button", { name: "Create case" }).click();
  await expect(page.getByText("Case created as a draft.")).toBeVisible();
  const previewUrl = await page.getByTestId("preview-link").getAttribute("href");

  const other = await createUser({ role: "analyst", organisationSlug: `other-${uniqueSlug("org")}` });
  const context = await browser.newContext();
  const otherPage = await context.newPage();
  await signIn(otherPage, other);
  expect((await otherPage.goto(previewUrl!))?.status()).toBe(404);
  await context.close();
});

test("a case with no measure or finding cannot be published", async ({ page }) => {
  const analyst = await createUser({ role: "analyst" });
  await signIn(page, analyst);
  await page.goto("/workspace/cases/new");
  await page.getByLabel("Title", { exact: true }).fill(`Empty ${uniqueSlug("e2e")}`);
  await page.getByLabel("Source citation").fill("A report");
  await page.getByRole("button", { name: "Create case" }).click();
  await expect(page.getByText("Case created as a draft.")).toBeVisible();
  await page.getByRole("button", { name: "Review and publish…" }).click();
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByTestId("publish-result")).toHaveText("Add at least one measure or finding before publishing.");
});
