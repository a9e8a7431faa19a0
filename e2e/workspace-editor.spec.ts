import { openMeasureDetails } from "./support/measure-editor";
import { expect, test, type Page } from "./support/test";
import { getOverFreshConnections } from "./support/every-worker";
import { uniqueSlug } from "./support/factories";
import { createUser, signIn } from "./support/users";

// The analyst's path, as a new user would take it: create a case with
// measures (meeting the field errors first), publish it, see it in public;
// then two people editing at once, the history, and who may not edit.

async function createCaseThroughEditor(page: Page, title: string) {
  await page.goto("/workspace/cases/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Source citation").fill("Council cabinet report, March 2025");
  await page.getByRole("button", { name: "Add a measure" }).click();
  const first = page.getByTestId("measure-editor").nth(0);
  await first.getByLabel("Measure type").selectOption({ label: "Failure demand as % of all demand" });
  await first.getByLabel("Before", { exact: true }).fill("71");
  await first.getByLabel("After", { exact: true }).fill("120");
  await page.getByRole("button", { name: "Add a measure" }).click();
  const second = page.getByTestId("measure-editor").nth(1);
  await second.getByLabel("Name").fill("Referrals");
  await second.getByLabel("Reported change").fill("-41");
  await openMeasureDetails(second);
  await second.getByLabel("Source's wording (change)").fill("down 41%");

  // The live preview uses the same arithmetic as the public page.
  await expect(second.getByTestId("measure-preview")).toContainText("−41% (reported)");

  await page.getByRole("button", { name: "Create case" }).click();
  await expect(page.getByTestId("form-error")).toContainText("Some answers need correcting");
  await expect(first.getByText("A percentage must be between 0 and 100")).toBeVisible();
  await expect(first.getByLabel("After", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await first.getByLabel("After", { exact: true }).fill("0");
  await expect(first.getByTestId("measure-preview")).toContainText("71% → 0% (−71 pp)");
  await page.getByRole("button", { name: "Create case" }).click();
  await expect(page.getByText("Case created as a draft.")).toBeVisible();
  return page.url();
}

test("an analyst creates a case with measures, fixes a bad value, publishes, and the public page shows it", async ({ page }) => {
  const analyst = await createUser({ role: "analyst" });
  await signIn(page, analyst);
  const title = `Front door ${uniqueSlug("e2e")}`;
  await createCaseThroughEditor(page, title);

  const slug = await page.getByLabel("Web address (slug)").inputValue();
  const anonymous = await page.context().browser()!.newContext();
  const publicPage = await anonymous.newPage();
  expect((await publicPage.goto(`/cases/${slug}`))?.status()).toBe(404);

  await page.getByRole("button", { name: "Review and publish…" }).click();
  await expect(page.getByTestId("publish-confirm")).toContainText("The case becomes public with 2 measures and findings.");
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByTestId("publish-result")).toHaveText("Published as version 1.");

  // Every server process expires its cached 404 as soon as the publishing one tells it (scripts/serve.mjs).
  await expect(async () => {
    await publicPage.goto(`/cases/${slug}`);
    await expect(publicPage.getByRole("heading", { level: 1 })).toHaveText(title, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(publicPage.getByTestId("measure-change")).toHaveText(["71% → 0% (−71 pp)", "−41% (reported)"]);
  await anonymous.close();
});

test("two people edit the same case: the second save is refused, merges their change with the input, and saving again keeps both", async ({
  browser,
}) => {
  // Several accounts sign in, each in its own browser: slower than one person on a 2-core machine.
  test.setTimeout(120_000);
  const first = await createUser({ role: "analyst" });
  const second = await createUser({ role: "analyst" });
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await signIn(a, first);
  const url = await createCaseThroughEditor(a, `Conflict ${uniqueSlug("e2e")}`);
  await signIn(b, second);
  await b.goto(url);
  await a.reload();

  await a.getByLabel("Title", { exact: true }).fill("Renamed by the first analyst");
  await a.getByRole("button", { name: "Save draft" }).click();
  await expect(a.getByTestId("form-success")).toContainText("Draft saved");

  const summary = "Typed by the second analyst, who must not lose it.";
  await b.getByLabel("Summary (Markdown)").fill(summary);
  await b.getByRole("button", { name: "Save draft" }).click();
  await expect(b.getByTestId("form-error")).toContainText("Someone else saved this case");
  await expect(b.getByTestId("conflict-changes")).toContainText("title:");
  await expect(b.getByTestId("conflict-changes")).toContainText("“Renamed by the first analyst”");
  await expect(b.getByLabel("Summary (Markdown)")).toHaveValue(summary);
  // Issue 19: the other person's title is merged into the form (B never touched it) ...
  await expect(b.getByLabel("Title", { exact: true })).toHaveValue("Renamed by the first analyst");
  await expect(b.getByTestId("conflict-choices")).toHaveCount(0);

  // ... so saving again keeps both people's work: A's title is not silently overwritten.
  await b.getByRole("button", { name: "Save draft" }).click();
  await expect(b.getByTestId("form-success")).toContainText("Draft saved");
  await a.reload();
  await expect(a.getByLabel("Title", { exact: true })).toHaveValue("Renamed by the first analyst");
  await expect(a.getByLabel("Summary (Markdown)")).toHaveValue(summary);

  await b.getByRole("link", { name: "History" }).click();
  const entries = b.getByTestId("audit-entry");
  await expect(entries.filter({ hasText: "summary:" })).toHaveCount(1);
  await expect(entries.filter({ hasText: "Renamed by the first analyst" }).first()).toBeVisible();
  await expect(entries.filter({ hasText: first.name })).not.toHaveCount(0);
  await expect(entries.filter({ hasText: second.name })).not.toHaveCount(0);
});

test("two people change the same field: the editor asks, and “Use theirs” takes the other person's value", async ({ browser }) => {
  // Several accounts sign in, each in its own browser: slower than one person on a 2-core machine.
  test.setTimeout(120_000);
  const first = await createUser({ role: "analyst" });
  const second = await createUser({ role: "analyst" });
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await signIn(a, first);
  const url = await createCaseThroughEditor(a, `Both change ${uniqueSlug("e2e")}`);
  await signIn(b, second);
  await b.goto(url);
  await a.reload();

  await a.getByLabel("Title", { exact: true }).fill("Title by A");
  await a.getByLabel("Country (optional)").fill("Wales");
  await a.getByRole("button", { name: "Save draft" }).click();
  await expect(a.getByTestId("form-success")).toContainText("Draft saved");

  await b.getByLabel("Title", { exact: true }).fill("Title by B");
  await b.getByRole("button", { name: "Save draft" }).click();
  await expect(b.getByTestId("form-error")).toContainText("you both changed one field");
  const choices = b.getByTestId("conflict-choices");
  await expect(choices).toContainText("title: theirs “Title by A”, yours “Title by B”");
  // Only the field both changed is asked about; A's country is simply merged in.
  await expect(b.getByLabel("Country (optional)")).toHaveValue("Wales");
  await expect(b.getByLabel("Title", { exact: true })).toHaveValue("Title by B");
  await choices.getByRole("button", { name: "Use theirs" }).click();
  await expect(b.getByLabel("Title", { exact: true })).toHaveValue("Title by A");

  await b.getByRole("button", { name: "Save draft" }).click();
  await expect(b.getByTestId("form-success")).toBeVisible();
  await a.reload();
  await expect(a.getByLabel("Title", { exact: true })).toHaveValue("Title by A");
  await expect(a.getByLabel("Country (optional)")).toHaveValue("Wales");
});

test("the editor refuses a misread figure, a control character and an implausible date with messages, and stores nothing", async ({
  page,
}) => {
  const analyst = await createUser({ role: "analyst" });
  await signIn(page, analyst);
  await page.goto("/workspace/cases/new");
  await page.getByLabel("Title", { exact: true }).fill(`Bad input \u0000 ${uniqueSlug("e2e")}`);
  await page.getByLabel("Source citation").fill("Council report, 2025");
  await page.getByLabel("Intervention date").fill("1800-01-01");
  await page.getByRole("button", { name: "Add a measure" }).click();
  const measure = page.getByTestId("measure-editor").nth(0);
  await measure.getByLabel("Name").fill("Referrals");
  await measure.getByLabel("Before", { exact: true }).fill("12,5");
  await measure.getByLabel("After", { exact: true }).fill("0x10");
  await page.getByRole("button", { name: "Create case" }).click();
  await expect(page.getByTestId("form-error")).toContainText("Some answers need correcting");
  await expect(page.getByText(/control character/).first()).toBeVisible();
  await expect(page.getByText(/before 1900/).first()).toBeVisible();
  await expect(measure.getByText(/“12,5” is ambiguous/).first()).toBeVisible();
  await expect(measure.getByText(/hexadecimal/).first()).toBeVisible();
  await expect(page).toHaveURL(/\/workspace\/cases\/new/);
});

test("a viewer reads their organisation's draft but cannot edit; other organisations and anonymous users get nothing", async ({
  browser,
}) => {
  // Several accounts sign in, each in its own browser: slower than one person on a 2-core machine.
  test.setTimeout(120_000);
  const analyst = await createUser({ role: "analyst" });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, analyst);
  const url = await createCaseThroughEditor(page, `Permissions ${uniqueSlug("e2e")}`);
  const slug = await page.getByLabel("Web address (slug)").inputValue();
  const path = new URL(url).pathname;

  const viewer = await createUser({ role: "viewer" });
  const viewerPage = await (await browser.newContext()).newPage();
  await signIn(viewerPage, viewer);
  await viewerPage.goto(path);
  await expect(viewerPage.getByText("You can read this case but not edit it.")).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: "Save draft" })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: /Publish/ })).toHaveCount(0);
  expect((await viewerPage.goto("/workspace/cases/new"))?.status()).toBe(404);

  const outsider = await createUser({ role: "analyst", organisationSlug: "e2e-other-organisation" });
  const outsiderPage = await (await browser.newContext()).newPage();
  await signIn(outsiderPage, outsider);
  expect((await outsiderPage.goto(path))?.status()).toBe(404);
  expect((await outsiderPage.goto(`${path}/history`))?.status()).toBe(404);

  const anonymous = await (await browser.newContext()).newPage();
  expect((await anonymous.goto(`/cases/${slug}`))?.status()).toBe(404);
  await anonymous.goto(path);
  await expect(anonymous).toHaveURL(/\/sign-in\?next=/);
});

test("publishing, republishing and unpublishing in the workspace show on the cached public page within seconds", async ({
  page,
  browser,
  baseURL,
}) => {
  const analyst = await createUser({ role: "analyst" });
  await signIn(page, analyst);
  await createCaseThroughEditor(page, `Cache ${uniqueSlug("e2e")}`);
  const slug = await page.getByLabel("Web address (slug)").inputValue();
  await page.getByRole("button", { name: "Review and publish…" }).click();
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByTestId("publish-result")).toHaveText("Published as version 1.");

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/cases/${slug}`);
  await expect(reader.getByTestId("measure-change").first()).toHaveText("71% → 0% (−71 pp)");
  // A second visit is served from the cache; the change below must still show.
  await reader.reload();
  // Every server process now holds version 1 in its own cache…
  const everyWorker = () => getOverFreshConnections(baseURL!, `/cases/${slug}`);
  expect((await everyWorker()).map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);

  const failure = page.getByTestId("measure-editor").nth(0);
  await failure.getByLabel("After", { exact: true }).fill("12");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("form-success")).toContainText("Draft saved");
  await expect(reader.getByTestId("measure-change").first()).toHaveText("71% → 0% (−71 pp)");
  await reader.reload();
  await expect(reader.getByTestId("measure-change").first()).toHaveText("71% → 0% (−71 pp)");

  await page.getByRole("button", { name: "Review and publish…" }).click();
  // The confirmation says what publishing changes on the public page.
  await expect(page.getByTestId("publish-confirm")).toContainText("Publish the saved draft as version 2?");
  await expect(page.getByTestId("publish-confirm")).toContainText("Figures or details changed:");
  await page.getByLabel("What changed in this version").fill("Corrected the failure demand figure");
  await page.getByRole("button", { name: "Publish as a new version" }).click();
  await expect(page.getByTestId("publish-result")).toHaveText("Published as version 2.");
  await expect(async () => {
    await reader.reload();
    await expect(reader.getByTestId("measure-change").first()).toHaveText("71% → 12% (−59 pp)", { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(reader.getByText("Corrected the failure demand figure").first()).toBeVisible();
  // …and each of them, not just the one that handled the publish, serves version 2.
  await expect(async () => {
    expect((await everyWorker()).map((a) => a.body.includes("Corrected the failure demand figure"))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
  }).toPass({ timeout: 10_000 });

  await page.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByTestId("status-result")).toContainText("Unpublished");
  await expect(async () => {
    expect((await reader.goto(`/cases/${slug}`))?.status()).toBe(404);
  }).toPass({ timeout: 10_000 });
  await expect(async () => {
    expect((await everyWorker()).map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404]);
  }).toPass({ timeout: 10_000 });
});
