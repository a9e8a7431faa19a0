// Accounts people can look after: changing one's password (other sessions end), an
// admin's reset with a one-time password that must be replaced, and the client address
// the server records (the socket's, not a header the browser made up).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createPrismaClient } from "../lib/prisma-client";
import { createUser, signIn } from "./support/users";

// Each test signs in several times, and each sign-in hashes a password (~0.1 s of CPU):
// generous on a shared, busy machine.
test.describe.configure({ timeout: 120_000 });

async function newPage(browser: Browser, extraHTTPHeaders?: Record<string, string>): Promise<Page> {
  return (await browser.newContext({ extraHTTPHeaders })).newPage();
}

async function submitSignIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function fillPasswordForm(page: Page, current: string, next: string, again = next) {
  await page.getByLabel("Current password", { exact: true }).fill(current);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("New password again", { exact: true }).fill(again);
  await page.getByRole("button", { name: "Change password" }).click();
}

test("a user changes their password: the current one is required, common ones refused, other sessions end", async ({ browser }) => {
  const user = await createUser({ role: "analyst" });
  const here = await newPage(browser);
  const elsewhere = await newPage(browser);
  await signIn(here, user);
  await signIn(elsewhere, user);

  await here.getByRole("link", { name: "Change password" }).click();
  await expect(here.getByRole("heading", { level: 1, name: "Change your password" })).toBeVisible();

  await fillPasswordForm(here, "not my password at all", "kettle orbit lantern moss");
  await expect(here.locator("#currentPassword-error")).toHaveText("That is not your current password");
  await expect(here.getByLabel("Current password", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await fillPasswordForm(here, user.password, "Password2024!");
  await expect(here.locator("#newPassword-error")).toContainText("list of common passwords");

  await fillPasswordForm(here, user.password, "short");
  await expect(here.locator("#newPassword-error")).toContainText("at least 12 characters");

  const newPassword = "kettle orbit lantern moss";
  await fillPasswordForm(here, user.password, newPassword);
  await expect(here.getByRole("main").getByRole("status")).toHaveText(
    "Password changed. Any other sessions of your account have been signed out.",
  );

  // This browser stays signed in; the other one is signed out.
  await here.goto("/workspace");
  await expect(here.getByTestId("user-menu")).toBeVisible();
  await elsewhere.goto("/workspace");
  await expect(elsewhere).toHaveURL(/\/sign-in/);

  // The old password no longer works; the new one does.
  await submitSignIn(elsewhere, user.email, user.password);
  await expect(elsewhere.getByRole("main").getByRole("alert")).toHaveText("Email or password is not right");
  await signIn(elsewhere, { email: user.email, password: newPassword });
});

test("an admin resets a password: the user is signed out, signs in with the one-time password and must replace it", async ({ browser }) => {
  const admin = await createUser({ role: "admin" });
  const user = await createUser({ role: "viewer" });
  const userPage = await newPage(browser);
  await signIn(userPage, user);

  const adminPage = await newPage(browser);
  await signIn(adminPage, admin, "/admin/users");
  const row = adminPage.locator(`[data-testid="user-row"][data-email="${user.email}"]`);
  await row.getByRole("button", { name: `Reset password for ${user.email}` }).click();
  await expect(row.getByRole("status")).toContainText(`One-time password for ${user.email}`);
  const oneTime = (await row.getByTestId("one-time-password").textContent())!.trim();
  expect(oneTime.length).toBeGreaterThanOrEqual(16);

  // Their open session ended at once.
  await userPage.goto("/dashboard");
  await expect(userPage).toHaveURL(/\/sign-in/);

  // The one-time password leads only to choosing a new one.
  await submitSignIn(userPage, user.email, oneTime);
  await expect(userPage.getByRole("heading", { level: 1, name: "Choose your own password" })).toBeVisible();
  await expect(userPage.getByTestId("forced-password-change")).toBeVisible();
  await userPage.goto("/dashboard");
  await expect(userPage).toHaveURL(/\/account\/password/);

  const own = "umbrella quartz meadow fox";
  await fillPasswordForm(userPage, oneTime, own);
  await expect(userPage).toHaveURL(/\/dashboard/);
  await expect(userPage.getByTestId("user-menu")).toBeVisible();

  // The one-time password is spent.
  await userPage.getByRole("button", { name: "Sign out" }).click();
  await submitSignIn(userPage, user.email, oneTime);
  await expect(userPage.getByRole("main").getByRole("alert")).toHaveText("Email or password is not right");
});

test("the audit log records the connection's address, not a forged X-Forwarded-For", async ({ browser }) => {
  const user = await createUser({ role: "viewer" });
  const page = await newPage(browser, { "X-Forwarded-For": "203.0.113.66" });
  await signIn(page, user);
  const prisma = createPrismaClient();
  try {
    const account = await prisma.user.findUniqueOrThrow({ where: { email: user.email }, select: { id: true } });
    const signInEvent = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: account.id, action: "sign_in" } });
    expect(signInEvent.ipAddress).toMatch(/^(127\.0\.0\.1|::1)$/);
    // better-auth stores an IPv6 address by its /64 network (::1 becomes all zeros).
    const session = await prisma.session.findFirstOrThrow({ where: { userId: account.id } });
    expect(session.ipAddress).toMatch(/^(127\.0\.0\.1|::1|0000(:0000){7})$/);
  } finally {
    await prisma.$disconnect();
  }
});
