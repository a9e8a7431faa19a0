import { randomUUID } from "node:crypto";
import { expect, test } from "./support/test";
import { createUser, signIn } from "./support/users";

// Issue 15.4: an analyst makes a named token (shown once), a script writes a
// draft with it through /api/v1, and once revoked the token is refused.

const SERVER = { timeout: 15_000 };

test("an analyst makes a token, a script writes a draft with it, and a revoked token is refused", async ({ page, playwright, baseURL }) => {
  const analyst = await createUser({ role: "analyst" });
  await signIn(page, analyst, "/workspace/tokens");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("API tokens");

  // A token needs a name: the message sits beside the field.
  await page.getByRole("button", { name: "Make token" }).click();
  await expect(page.locator("#token-name-error")).not.toBeEmpty(SERVER);

  await page.getByLabel("Name (what will use it)").fill("Nightly upload");
  await page.getByLabel("Expires after").selectOption("30");
  await page.getByRole("button", { name: "Make token" }).click();
  const shown = page.getByLabel("Your new token (shown only now)");
  await expect(shown).toHaveValue(/^rm_pat_/, SERVER);
  const token = await shown.inputValue();

  // A script (no cookies) creates a draft in the analyst's organisation with it.
  const script = await playwright.request.newContext({ baseURL });
  const slug = `scripted-${randomUUID().slice(0, 8)}`;
  const body = {
    title: `Scripted ${slug}`,
    slug,
    sector: "housing",
    sourceCitation: "Council report, 2024",
    evidenceLevel: 1,
    measures: [{ label: "Repairs chased", unit: "count", direction: "lower_is_better", before: 100, after: 59 }],
  };
  const created = await script.post("/api/v1/drafts", { headers: { authorization: `Bearer ${token}` }, data: body });
  expect(created.status()).toBe(201);
  expect((await created.json()).data.slug).toBe(slug);

  // Shown once: after a reload only its name and first characters are listed.
  await page.reload();
  await expect(page.getByLabel("Your new token (shown only now)")).toHaveCount(0);
  const row = page.getByTestId("token-table").getByRole("row", { name: /Nightly upload/ });
  await expect(row).toContainText(token.slice(0, 8));
  await expect(row).toContainText(/Active until \d{4}-\d{2}-\d{2}/);
  await expect(page.getByText(token)).toHaveCount(0);

  await row.getByRole("button", { name: "Revoke Nightly upload" }).click();
  await expect(page.getByTestId("token-table").getByRole("row", { name: /Nightly upload/ })).toContainText("Revoked", SERVER);
  const refused = await script.post("/api/v1/drafts", {
    headers: { authorization: `Bearer ${token}` },
    data: { ...body, slug: `${slug}-again` },
  });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  expect((await refused.json()).detail).toBe("This token has been revoked.");
  await script.dispose();
});
