import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { createPrismaClient } from "../lib/prisma-client";
import { createUser, ensureOrganisation, signIn } from "./support/users";

// Analysts bring their own spreadsheets: a CSV with their own header names,
// matched to the fields in the mapping step (and remembered next time); an
// Excel workbook with several sheets, Excel dates and percentages stored as
// fractions; and an .xlsx export that imports again unchanged.

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
// Each step checks every row on the server; on a busy machine that takes more than the default 10 s.
const SERVER = { timeout: 45_000 };

test.describe.configure({ timeout: 180_000 });

async function upload(page: Page, name: string, buffer: Buffer, mimeType = "text/csv") {
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType, buffer });
}

async function measuresOf(slug: string) {
  const prisma = createPrismaClient();
  try {
    const c = await prisma.caseStudy.findUnique({
      where: { slug },
      select: {
        status: true,
        draftVersion: {
          select: {
            interventionDate: true,
            measures: {
              orderBy: { position: "asc" },
              select: { label: true, unit: true, beforeValue: true, afterValue: true, reportedChange: true },
            },
          },
        },
      },
    });
    return (
      c && {
        status: c.status,
        interventionDate: c.draftVersion?.interventionDate?.toISOString().slice(0, 10) ?? null,
        measures: c.draftVersion!.measures.map((m) => ({
          ...m,
          beforeValue: m.beforeValue?.toString() ?? null,
          afterValue: m.afterValue?.toString() ?? null,
          reportedChange: m.reportedChange?.toString() ?? null,
        })),
      }
    );
  } finally {
    await prisma.$disconnect();
  }
}

test("an analyst imports a 10-column CSV with their own header names through the mapping step", async ({ page }) => {
  const id = randomUUID().slice(0, 8);
  const organisationSlug = `map-${id}`;
  await ensureOrganisation(organisationSlug);
  const analyst = await createUser({ role: "analyst", organisationSlug });
  const slug = `own-headers-${id}`;
  const header = ["Case ref", "Project name", "Council", "Service area", "Source", "MSMS", "KPI", "Units", "Better when", "Verdict"];
  const rows = [
    [slug, "Front door", organisationSlug, "social_care", "Council report, 2024", "1", "Referrals", "count", "lower is better", "-41"],
    [
      slug,
      "Front door",
      organisationSlug,
      "social_care",
      "Council report, 2024",
      "1",
      "Repeat contacts",
      "count",
      "lower is better",
      "-12",
    ],
  ];
  const csv = [header, ...rows].map((r) => r.map((c) => (c.includes(",") ? `"${c}"` : c)).join(",")).join("\n") + "\n";

  await signIn(page, analyst, "/workspace/import");
  await upload(page, "our-figures.csv", Buffer.from(csv, "utf8"));
  const mapping = page.getByTestId("column-mapping");
  await expect(mapping.getByRole("heading", { name: "Match your columns" })).toBeVisible(SERVER);
  // Suggestions from the names and the values.
  await expect(page.getByLabel("Case ref")).toHaveValue("case_slug");
  await expect(page.getByLabel("Council")).toHaveValue("organisation_slug");
  await expect(page.getByLabel("KPI")).toHaveValue("measure_label");
  await expect(page.getByLabel("Units")).toHaveValue("unit");
  await expect(page.getByLabel("Better when")).toHaveValue("direction");
  await expect(page.getByLabel("MSMS")).toHaveValue("evidence_level");
  // "Verdict" says nothing a machine can read: the analyst chooses its field.
  await expect(page.getByLabel("Verdict")).not.toHaveValue("reported_change");
  await page.getByLabel("Verdict").selectOption("reported_change");
  await expect(page.getByTestId("mapping-missing")).toHaveText("Every required field has a column.");
  await page.getByRole("button", { name: "Preview with these columns" }).click();

  await expect(page.getByTestId("import-preview-message")).toHaveText(
    "The file is ready to import. Nothing has been imported yet.",
    SERVER,
  );
  await page.getByRole("button", { name: "Import 1 case" }).click();
  await expect(page.getByTestId("import-result")).toHaveText(
    "Imported as drafts: 1 created, 0 updated (0 field changes), 0 unchanged. Nothing was published.",
    SERVER,
  );
  expect(await measuresOf(slug)).toMatchObject({
    status: "draft",
    measures: [
      { label: "Referrals", unit: "count", reportedChange: "-41" },
      { label: "Repeat contacts", unit: "count", reportedChange: "-12" },
    ],
  });

  // The next file with the same headers: the organisation's choices come back, and an extra column is reported and ignored.
  await page.reload();
  const withExtra = csv.replace("Verdict\n", "Verdict,RAG\n").replace(/-41\n/, "-41,Green\n").replace(/-12\n/, "-12,Amber\n");
  await upload(page, "our-figures-again.csv", Buffer.from(withExtra, "utf8"));
  await expect(page.getByLabel("Verdict")).toHaveValue("reported_change", SERVER);
  await expect(page.getByLabel("RAG")).toHaveValue("");
  await page.getByRole("button", { name: "Preview with these columns" }).click();
  await expect(page.getByTestId("import-nothing-to-do")).toContainText("No changes", SERVER);
  await expect(page.getByTestId("import-notices")).toHaveText("1 column not imported: “RAG”. They are not fields of a case or measure.");
});

test("an analyst imports an Excel workbook (sheet, dates, percentages as fractions) and re-imports its .xlsx export unchanged", async ({
  page,
}) => {
  const id = randomUUID().slice(0, 8);
  const organisationSlug = `xlsx-${id}`;
  await ensureOrganisation(organisationSlug);
  const analyst = await createUser({ role: "analyst", organisationSlug });
  const slug = `from-excel-${id}`;

  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Read me").addRow(["These are our figures for the board."]);
  const sheet = workbook.addWorksheet("Figures");
  sheet.addRow([
    "case_slug",
    "case_title",
    "organisation_slug",
    "sector",
    "case_source_citation",
    "evidence_level",
    "intervention_date",
    "measure_label",
    "unit",
    "direction",
    "before",
    "after",
    "notes",
  ]);
  const row = sheet.addRow([
    slug,
    "From Excel",
    organisationSlug,
    "health",
    "Trust board paper, 2024",
    1,
    new Date(Date.UTC(2023, 3, 1)),
    "Face-to-face time",
    "percent",
    "higher_is_better",
    0.46,
    0.6,
    "=SUM(A1:A2) is not a formula",
  ]);
  row.getCell(7).numFmt = "dd/mm/yyyy";
  row.getCell(11).numFmt = "0%";
  row.getCell(12).numFmt = "0%";
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());

  await signIn(page, analyst, "/workspace/import");
  await upload(page, "board-figures.xlsx", xlsx, XLSX);
  // Two sheets: the analyst picks the one with the figures.
  await expect(page.getByLabel("Sheet")).toHaveValue("Read me", SERVER);
  await page.getByLabel("Sheet").selectOption("Figures");
  await expect(page.getByLabel("case_slug")).toHaveValue("case_slug", SERVER);
  await page.getByRole("button", { name: "Preview with these columns" }).click();
  // 0.46 formatted as 46%: asked, not guessed.
  await expect(page.getByTestId("percent-question")).toContainText("row 2: before 0.46, after 0.6", SERVER);
  await expect(page.getByRole("button", { name: /^Import \d/ })).toHaveCount(0);
  await page.getByLabel("They are fractions: 0.46 means 46% (multiply by 100)").check();
  await expect(page.getByTestId("import-preview-message")).toHaveText(
    "The file is ready to import. Nothing has been imported yet.",
    SERVER,
  );
  await page.getByRole("button", { name: "Import 1 case" }).click();
  await expect(page.getByTestId("import-result")).toContainText("1 created", SERVER);
  expect(await measuresOf(slug)).toMatchObject({
    interventionDate: "2023-04-01",
    measures: [{ label: "Face-to-face time", unit: "percent", beforeValue: "46", afterValue: "60" }],
  });

  // The organisation's cases as .xlsx: a Cases sheet and a Columns sheet; the note stays text, never a formula.
  const response = await page.request.get("/workspace/export?format=xlsx&scope=organisation");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe(XLSX);
  const exported = Buffer.from(await response.body());
  const check = new ExcelJS.Workbook();
  await check.xlsx.load(exported as unknown as ExcelJS.Buffer);
  expect(check.worksheets.map((w) => w.name)).toEqual(["Cases", "Columns"]);
  const cases = check.getWorksheet("Cases")!;
  const headerRow = (cases.getRow(1).values as unknown[]).slice(1);
  const notesCell = cases.getRow(2).getCell(headerRow.indexOf("notes") + 1);
  expect(notesCell.type).toBe(ExcelJS.ValueType.String);
  expect(notesCell.value).toBe("=SUM(A1:A2) is not a formula");

  // Re-imported as it is: the template's headers skip the mapping step, and nothing changes.
  await page.reload();
  await upload(page, "export.xlsx", exported, XLSX);
  await expect(page.getByTestId("import-nothing-to-do")).toContainText("No changes", SERVER);
  await expect(page.getByTestId("import-plan").locator('[data-plan="unchanged"]')).toHaveCount(1);
});
