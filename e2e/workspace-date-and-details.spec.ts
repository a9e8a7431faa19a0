import AxeBuilder from "@axe-core/playwright";
import { uniqueSlug } from "./support/factories";
import { expect, test } from "./support/test";
import { createUser, signIn } from "./support/users";

// The case editor (issue 20, item 8): the intervention date is typed and shown
// as YYYY-MM-DD whatever the browser's locale, with a clear error beside it;
// each measure shows its essential fields first and the rest behind "More
// about this figure", which opens by itself when something behind it is filled.

test("the date is YYYY-MM-DD; a measure's details wait behind a disclosure that opens by itself", async ({ page }) => {
  test.setTimeout(120_000);
  const analyst = await createUser({ role: "analyst" });
  await signIn(page, analyst);
  await page.goto("/workspace/cases/new");
  await page.getByLabel("Title", { exact: true }).fill(`Dates ${uniqueSlug("e2e")}`);
  await page.getByLabel("Source citation").fill("Council report, 2024");

  const date = page.getByLabel("Intervention date");
  await expect(date).toHaveAttribute("type", "text");
  await expect(date).toHaveAttribute("placeholder", "YYYY-MM-DD");
  await date.fill("03/01/2024");

  await page.getByRole("button", { name: "Add a measure" }).click();
  const measure = page.getByTestId("measure-editor").nth(0);
  // The essentials are in view; the rest is behind the closed disclosure.
  for (const label of ["Measure type", "Unit", "Before period", "After period", "The source's sentence, word for word"]) {
    await expect(measure.getByLabel(label, { exact: true })).toBeVisible();
  }
  await expect(measure.getByLabel("Before", { exact: true })).toBeVisible();
  await expect(measure.getByLabel("After", { exact: true })).toBeVisible();
  await expect(measure.getByTestId("measure-more")).not.toHaveAttribute("open");
  await expect(measure.getByLabel("Interval: lower bound")).toBeHidden();
  await expect(measure.getByLabel("How the figure was arrived at")).toBeHidden();

  // Keyboard: the disclosure opens from its summary with Enter.
  await measure.getByTestId("measure-more").locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(measure.getByLabel("Interval: lower bound")).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(measure.getByLabel("Interval: lower bound")).toBeHidden();

  await measure.getByLabel("Name").fill("Referrals");
  await measure.getByLabel("Before", { exact: true }).fill("200");
  await measure.getByLabel("After", { exact: true }).fill("120");
  await page.getByRole("button", { name: "Create case" }).click();
  // The server's check, beside the field.
  await expect(page.getByText("Enter a real date as YYYY-MM-DD, e.g. 2024-03-01")).toBeVisible();
  await expect(date).toHaveAttribute("aria-invalid", "true");

  await date.fill("2024-03-01");
  // A field behind the disclosure holding a value keeps it open.
  await measure.getByTestId("measure-more").locator("summary").click();
  await measure.getByLabel("Notes", { exact: true }).fill("Checked with the service lead.");
  await page.getByRole("button", { name: "Create case" }).click();
  await expect(page.getByText("Case created as a draft.")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Intervention date")).toHaveValue("2024-03-01");
  const saved = page.getByTestId("measure-editor").nth(0);
  await expect(saved.getByTestId("measure-more")).toHaveAttribute("open", "");
  await expect(saved.getByLabel("Notes", { exact: true })).toHaveValue("Checked with the service lead.");

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
