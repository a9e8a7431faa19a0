import { expect, test } from "./support/test";
import { createUser, signIn } from "./support/users";

// Compare cases (issue 5): the reference case with two others, picked with the
// form, shared measures side by side, saved for the organisation.

const REFERENCE = "integrated-health-and-social-care";

test("a leader compares the reference case with two others and gets the shared measures side by side", async ({ page }) => {
  const leader = await createUser({ role: "viewer" });
  await signIn(page, leader);
  await page.goto(`/compare?cases=${REFERENCE}`);
  // Several cases at once: tick them, then one click (issue 20).
  for (const title of ["Westmoor police and council early help", "Riverton neighbourhood health teams"]) {
    await page.getByTestId("case-choices").getByLabel(title).check();
  }
  await page.getByRole("button", { name: "Add the chosen cases" }).click();
  await expect(page).toHaveURL(new RegExp(`cases=${REFERENCE}(,|%2C)riverton-neighbourhood-health-teams(,|%2C)westmoor-early-help`));
  await expect(page.getByTestId("compared-cases").getByRole("listitem")).toHaveCount(3);

  const referrals = page.getByTestId("shared-row").filter({ has: page.getByRole("rowheader", { name: "Number of referrals" }) });
  await expect(referrals.getByTestId("shared-change")).toHaveText(["−41% (reported)", "2,100 → 1,450 (−31%)", "310 → 236 (−23.9%)"]);
  await expect(page.getByTestId("shared-row").filter({ hasText: "Face-to-face time as % of total time" })).toContainText(
    "46% → 60% (+14 pp)",
  );
  await expect(page.getByTestId("grouped-change-chart").locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByTestId("context-table")).toContainText("Level 1 of 5");
  await expect(page.getByTestId("only-table")).toContainText("Emergency admissions");

  // Each bar carries its case's letter and its value.
  await expect(page.getByTestId("grouped-change-chart").locator("svg")).toContainText("A −41");
  // The URL reproduces the view, and the page offers it whole, for pasting into a paper.
  const url = page.url();
  await expect(page.getByTestId("share-link")).toHaveText(/^https?:\/\/[^/]+\/compare\?cases=/);
  await page.goto(url);
  await expect(page.getByTestId("shared-row")).not.toHaveCount(0);

  // CSV export, formula-safe.
  const csv = await page.request.get(`/compare/csv?cases=${REFERENCE},westmoor-early-help`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("Number of referrals");

  // Save for the organisation; it appears on the leader's home.
  const name = `Referrals trio ${Date.now()}`;
  await page.getByLabel("Save this comparison for your organisation as").fill(name);
  await page.getByRole("button", { name: "Save comparison" }).click();
  await expect(page.getByRole("status")).toContainText("Saved");
  await page.goto("/dashboard");
  await page.getByTestId("saved-comparisons").getByRole("link", { name }).click();
  await expect(page.getByTestId("shared-row")).not.toHaveCount(0);
});

test("removing a case is a link, so the picker works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/compare?cases=${REFERENCE},westmoor-early-help`);
  await page.getByRole("link", { name: "Remove Westmoor police and council early help" }).click();
  await expect(page).toHaveURL(new RegExp(`cases=${REFERENCE}$`));
  await expect(page.getByText("Add one more case to compare them.")).toBeVisible();
  await context.close();
});

test("'Add to comparison' on case pages and in the explorer builds up one comparison", async ({ page }) => {
  await page.goto(`/cases/${REFERENCE}`);
  await page.getByTestId("add-to-comparison").click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?cases=${REFERENCE}$`));
  await page.goto("/cases/westmoor-early-help");
  await expect(page.getByTestId("add-to-comparison")).toContainText("(1 chosen)");
  await page.getByTestId("add-to-comparison").click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?cases=${REFERENCE},westmoor-early-help$`));
  await expect(page.getByTestId("compared-cases").getByRole("listitem")).toHaveCount(2);
  // From the measure explorer too.
  await page.goto("/measures/referrals");
  const row = page.getByTestId("explorer-row").filter({ hasText: "Riverton" }).first();
  await row.getByTestId("add-to-comparison").click();
  await expect(page).toHaveURL(/westmoor-early-help,riverton-neighbourhood-health-teams$/);
  await expect(page.getByTestId("compared-cases").getByRole("listitem")).toHaveCount(3);
});
