import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { measureRow, toCsvText } from "../lib/domain/csv/test-rows";
import { createUser, ensureOrganisation, signIn } from "./support/users";

// Issue 19 at the edges a browser (or a hand-made request) reaches: a form
// posted from another site, a NUL in the public search, and a Latin-1 CSV.

test("a cross-origin POST to the sign-in form is refused with 403, not 500", async ({ request }) => {
  const attempts: Array<Record<string, string>> = [
    { origin: "https://evil.example", "next-action": "0123456789abcdef", "content-type": "text/plain;charset=UTF-8" },
    { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
    { origin: "null", "next-action": "0123456789abcdef", "content-type": "text/plain;charset=UTF-8" },
  ];
  for (const headers of attempts) {
    const response = await request.post("/sign-in", { headers, data: "email=a%40example.org&password=x", maxRedirects: 0 });
    expect(response.status(), JSON.stringify(headers)).toBe(403);
  }
  // The sign-in page itself is unaffected.
  expect((await request.get("/sign-in")).status()).toBe(200);
});

test("the public search drops a NUL instead of failing", async ({ page }) => {
  const response = await page.goto("/cases?q=%00");
  expect(response?.status()).toBe(200);
  const again = await page.goto("/cases?q=care%00%07");
  expect(again?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a Windows-1252 CSV is read as such: the preview says so and shows “Café” intact", async ({ page }) => {
  const id = randomUUID().slice(0, 8);
  const organisationSlug = `csv-latin1-${id}`;
  await ensureOrganisation(organisationSlug);
  const analyst = await createUser({ role: "analyst", organisationSlug });
  const text = toCsvText([
    measureRow({ case_slug: `latin1-${id}`, organisation_slug: organisationSlug, case_title: "Café £5 front door" }),
  ]);
  const bytes = Buffer.from(text, "latin1");
  await signIn(page, analyst, "/workspace/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "latin1.csv", mimeType: "text/csv", buffer: bytes });
  await expect(page.getByTestId("import-preview-message")).toHaveText("The file is ready to import. Nothing has been imported yet.");
  await expect(page.getByTestId("import-encoding-notice")).toContainText("read as Windows-1252");
  await expect(page.getByText("Café £5 front door").first()).toBeVisible();
});
