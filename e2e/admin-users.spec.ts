import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./support/test";
import { createUser, ensureOrganisation, signIn } from "./support/users";

// Several sign-ins per test, each hashing a password: room for a loaded machine.
test.describe.configure({ timeout: 120_000 });

async function submitSignIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("an admin creates an analyst, who signs in; once disabled, the analyst is signed out and cannot sign in", async ({ browser }) => {
  const organisation = await ensureOrganisation();
  const admin = await createUser({ role: "admin" });
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, admin, "/admin/users");
  await expect(adminPage.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();

  // Invite: no password typed, so a one-time password is shown once.
  const id = randomUUID().slice(0, 8);
  const email = `analyst-${id}@e2e.reform-metrics.test`;
  const name = `Ana Lyst ${id}`;
  const form = adminPage.getByRole("form", { name: "Create an account" });
  await form.getByLabel("Email address").fill(email);
  await form.getByLabel("Full name").fill(name);
  await form.getByLabel("Role").selectOption("analyst");
  await form.getByLabel("Organisation").selectOption({ label: organisation.name });
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByRole("status")).toHaveText(`Created an account for ${email}.`);
  const password = (await adminPage.getByTestId("one-time-password").textContent())!.trim();
  expect(password.length).toBeGreaterThanOrEqual(16);
  const row = adminPage.locator(`[data-testid="user-row"][data-email="${email}"]`);
  await expect(row).toContainText("Analyst, E2E test organisation");

  // The analyst signs in with the one-time password, must choose their own, then sees who they are.
  const analystPage = await (await browser.newContext()).newPage();
  await submitSignIn(analystPage, email, password);
  await expect(analystPage.getByRole("heading", { level: 1, name: "Choose your own password" })).toBeVisible();
  const ownPassword = `own-passphrase-${id}`;
  await analystPage.getByLabel("Current password", { exact: true }).fill(password);
  await analystPage.getByLabel("New password", { exact: true }).fill(ownPassword);
  await analystPage.getByLabel("New password again", { exact: true }).fill(ownPassword);
  await analystPage.getByRole("button", { name: "Change password" }).click();
  await expect(analystPage.getByTestId("user-name")).toHaveText(name);
  await expect(analystPage.getByTestId("user-menu")).toContainText("(Analyst, E2E test organisation)");
  await expect(analystPage.getByRole("link", { name: "Admin" })).toHaveCount(0);

  // Disabled: signed out at once, and refused at the next sign-in.
  await row.getByRole("button", { name: `Disable ${email}` }).click();
  await expect(row.getByRole("status")).toContainText(`Disabled ${email}`);
  await expect(row.getByRole("button", { name: `Re-enable ${email}` })).toBeVisible();
  await analystPage.reload();
  await expect(analystPage.getByRole("link", { name: "Sign in" })).toBeVisible();
  await submitSignIn(analystPage, email, ownPassword);
  await expect(analystPage.getByRole("main").getByRole("alert")).toHaveText(
    "This account has been disabled. Ask an administrator if you need access again.",
  );
  await expect(analystPage.getByTestId("user-menu")).toHaveCount(0);
});

test("the create-account form shows what to correct beside each field and keeps the input", async ({ page }) => {
  const admin = await createUser({ role: "admin" });
  await signIn(page, admin, "/admin/users");
  const form = page.getByRole("form", { name: "Create an account" });
  await form.getByLabel("Email address").fill("not-an-email");
  await form.getByLabel("Role").selectOption("analyst");
  await form.getByLabel("Initial password (optional)").fill("short");
  await form.getByRole("button", { name: "Create account" }).click();

  const email = form.getByLabel("Email address");
  await expect(email).toHaveAccessibleDescription("Enter an email address like name@example.nhs.uk");
  await expect(email).toHaveValue("not-an-email");
  await expect(form.getByLabel("Full name")).toHaveAccessibleDescription("Enter a name");
  await expect(form.getByLabel("Organisation")).toHaveAccessibleDescription("An analyst must belong to an organisation: choose one");
  await expect(form.getByLabel("Initial password (optional)")).toHaveAccessibleDescription(/A password must be at least 12 characters/);
});

test("a viewer opening the admin pages gets 404", async ({ page }) => {
  const viewer = await createUser({ role: "viewer" });
  await signIn(page, viewer);
  for (const path of ["/admin/users", "/admin/organisations"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
  }
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("an anonymous visitor to an admin page is sent to sign in, and brought back after", async ({ page }) => {
  const admin = await createUser({ role: "admin" });
  await page.goto("/admin/organisations");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Forganisations$/);
  await page.getByLabel("Email address", { exact: true }).fill(admin.email);
  await page.getByLabel("Password", { exact: true }).fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/organisations$/);
  await expect(page.getByRole("heading", { level: 1, name: "Organisations" })).toBeVisible();
});

test("a wrong password is refused with a message beside the form, keeping the email", async ({ page }) => {
  const analyst = await createUser({ role: "analyst" });
  await submitSignIn(page, analyst.email, "definitely not it");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is not right");
  await expect(page.getByLabel("Email address", { exact: true })).toHaveValue(analyst.email);
  await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription("Email or password is not right");
  await expect(page.getByTestId("user-menu")).toHaveCount(0);
});

test("the sign-in and admin pages have no serious accessibility problems, with errors showing", async ({ page }) => {
  async function expectNoSeriousViolations() {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
  await submitSignIn(page, "nobody@example.test", "not a password");
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
  await expectNoSeriousViolations();

  const admin = await createUser({ role: "admin" });
  await signIn(page, admin, "/admin/users");
  await page.getByRole("form", { name: "Create an account" }).getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("form", { name: "Create an account" }).getByRole("alert")).toBeVisible();
  await expectNoSeriousViolations();
  await page.goto("/admin/organisations");
  await expectNoSeriousViolations();
});
