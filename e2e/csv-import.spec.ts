import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "./support/test";
import { createPrismaClient } from "../lib/prisma-client";
import { measureRow, reportedOnlyRow, toCsvText } from "../lib/domain/csv/test-rows";
import { createUser, ensureOrganisation, signIn } from "./support/users";

// An analyst imports cases from a CSV file: a file with errors is refused row
// by row and changes nothing; a clean file imports as drafts; the same file
// again changes nothing. Then the export holds what was imported.

async function upload(page: Page, name: string, text: string) {
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
}

async function caseState(slugs: string[]) {
  const prisma = createPrismaClient();
  try {
    const cases = await prisma.caseStudy.findMany({
      where: { slug: { in: slugs } },
      select: { id: true, slug: true, status: true, revision: true },
      orderBy: { slug: "asc" },
    });
    const audits = await prisma.auditEvent.count({ where: { caseStudyId: { in: cases.map((c) => c.id) } } });
    return { cases, audits };
  } finally {
    await prisma.$disconnect();
  }
}

test("an analyst's CSV with errors is refused row by row; a clean one imports as drafts; importing it again changes nothing", async ({
  page,
}) => {
  const id = randomUUID().slice(0, 8);
  const organisationSlug = `csv-import-${id}`;
  await ensureOrganisation(organisationSlug);
  const analyst = await createUser({ role: "analyst", organisationSlug });
  const slugs = [`csv-first-${id}`, `csv-second-${id}`];
  const rows = [
    measureRow({ case_slug: slugs[0], organisation_slug: organisationSlug }),
    reportedOnlyRow({ case_slug: slugs[0], organisation_slug: organisationSlug }),
    reportedOnlyRow({
      case_slug: slugs[1],
      organisation_slug: organisationSlug,
      case_title: "Front door",
      measure_label: "Referrals",
      reported_change: "-41",
    }),
  ];

  await signIn(page, analyst, "/workspace/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import cases from CSV" })).toBeVisible();
  await expect(page.getByText("Imports never publish:")).toBeVisible();

  // A file with errors: each message beside its row, no import button, nothing stored.
  const withErrors = toCsvText([{ ...rows[0]!, before: "146" }, rows[1]!, { ...rows[2]!, unit: "people" }]);
  await upload(page, "with-errors.csv", withErrors);
  await expect(page.getByTestId("import-preview-message")).toHaveText(
    "2 problems to fix before this file can be imported. Nothing has been imported.",
  );
  await expect(page.getByTestId("import-problems")).toContainText("row 2, before: A percentage must be between 0 and 100");
  await expect(page.locator('[data-row="2"]')).toContainText("before: A percentage must be between 0 and 100");
  await expect(page.locator('[data-row="4"]')).toContainText("unit: “people” is not allowed here");
  await expect(page.locator('[data-row="3"]')).toContainText("OK");
  await expect(page.getByRole("button", { name: /^Import \d/ })).toHaveCount(0);
  expect((await caseState(slugs)).cases).toEqual([]);

  // The corrected file: a plan per case, then one click imports both as drafts.
  const clean = toCsvText(rows);
  await upload(page, "clean.csv", clean);
  await expect(page.getByTestId("import-preview-message")).toHaveText("The file is ready to import. Nothing has been imported yet.");
  await expect(page.getByTestId("import-plan").locator('[data-plan="create"]')).toHaveCount(2);
  await page.getByRole("button", { name: "Import 2 cases" }).click();
  await expect(page.getByTestId("import-result")).toHaveText(
    "Imported as drafts: 2 created, 0 updated (0 field changes), 0 unchanged. Nothing was published.",
  );
  // Each new draft is a link away (issue 20).
  await expect(page.getByTestId("imported-drafts").getByRole("link")).toHaveCount(2);
  const draftHref = await page.getByTestId("imported-drafts").getByRole("link").first().getAttribute("href");
  const draftPage = await page.context().newPage();
  await draftPage.goto(draftHref!);
  await expect(draftPage).toHaveURL(/\/workspace\/cases\/[0-9a-f-]{36}$/);
  await draftPage.close();
  const imported = await caseState(slugs);
  expect(imported.cases.map((c) => [c.slug, c.status])).toEqual([
    [slugs[0], "draft"],
    [slugs[1], "draft"],
  ]);

  // The same file again: nothing to import, and nothing written.
  await upload(page, "clean-again.csv", clean);
  await expect(page.getByTestId("import-nothing-to-do")).toContainText("No changes");
  await expect(page.getByTestId("import-plan").locator('[data-plan="unchanged"]')).toHaveCount(2);
  await expect(page.getByRole("button", { name: /^Import \d/ })).toHaveCount(0);
  expect(await caseState(slugs)).toEqual(imported);

  // The export holds the drafts, with falls as plain numbers (not escaped as formulas).
  const csv = await page.request.get("/workspace/export?format=csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="reform-metrics-cases-\d{4}-\d{2}-\d{2}\.csv"$/);
  const exported = await csv.text();
  expect(exported).toContain(slugs[0]);
  expect(exported).toContain(",-64,");
  const json = await (await page.request.get("/workspace/export?format=json")).json();
  expect(json.cases.find((c: { case_slug: string }) => c.case_slug === slugs[1])).toMatchObject({
    status: "draft",
    version: null,
    case_title: "Front door",
  });
});

test("anonymous requests for the export are refused", async ({ request }) => {
  const response = await request.get("/workspace/export?format=csv");
  expect(response.status()).toBe(401);
});

test("the import page names the analyst's organisation slug, and the template carries it", async ({ page }) => {
  const organisationSlug = `csv-slug-${randomUUID().slice(0, 8)}`;
  await ensureOrganisation(organisationSlug);
  const analyst = await createUser({ role: "analyst", organisationSlug });
  await signIn(page, analyst, "/workspace/import");
  await expect(page.getByTestId("organisation-slug")).toContainText(organisationSlug);
  const template = await page.request.get("/workspace/import/template");
  const text = await template.text();
  expect(text).toContain(`,${organisationSlug},`);
  expect(text).not.toContain("your-organisation");
});
