import { randomUUID } from "node:crypto";
import { expect, test } from "./support/test";
import { createPrismaClient } from "../lib/prisma-client";
import { createPublishedCase, uniqueSlug } from "./support/factories";
import { createUser, E2E_ORGANISATION, ensureOrganisation, signIn } from "./support/users";

// Time series and SPC (issue 6): the seeded example series on public case
// pages, the run-chart fallback for a short series, and an analyst pasting a
// series in the workspace and seeing the preview chart before saving it.

test("the seeded example case shows an SPC chart with the intervention marked and a correct summary", async ({ page }) => {
  await page.goto("/cases/northshire-adult-social-care-front-door");
  const section = page.getByTestId("spc-section");
  await expect(section.getByRole("heading", { name: "Over time: a real change or noise?" })).toBeVisible();
  const figure = section.getByTestId("spc-figure").filter({ hasText: "Failure demand at the front door" });
  const chart = figure.getByTestId("spc-chart");
  await expect(chart).toHaveAttribute("data-run-chart", "false");
  // The chart is an accessible image whose name carries the summary.
  const svg = chart.getByRole("img", { name: "SPC chart: Failure demand at the front door" });
  await expect(svg).toBeVisible();
  await expect(svg).toHaveAccessibleDescription(/^From April 2023 the mean fell/);
  // The intervention is a labelled line; limits are drawn per phase; the points say what they are by shape.
  await expect(chart.locator("svg text", { hasText: "Intervention, April 2023" })).toBeVisible();
  await expect(chart.locator("svg text", { hasText: "Upper limit" })).toBeVisible();
  await expect(chart.locator('[data-point-type="special_cause_improvement"]').first()).toBeAttached();
  expect(await chart.locator("[data-point-type]").count()).toBe(30);

  await expect(figure.getByTestId("spc-summary")).toHaveText(
    /^From April 2023 the mean fell from 62% to 18%, 44 percentage points lower; 16 months in a row below the previous mean: a real shift, not noise\. The latest point shows special cause variation in the improving direction\./,
  );
  await expect(figure.getByTestId("spc-variation-icon").getByRole("img", { name: "Special cause variation: improvement" })).toBeVisible();
  await expect(figure.getByTestId("spc-assurance-icon")).toBeVisible();
  await expect(figure.getByTestId("spc-method-note")).toContainText("Headline figures: from the phase means of this series.");

  // From series to headline: the headline card says its figures are the phase means.
  const card = page.getByTestId("headline-figure").filter({ hasText: "Failure demand at the front door" });
  await expect(card).toContainText("−44 pp");
  await expect(card).toContainText("from series phase means");

  // The data table beneath the chart lists every point with its signal in words.
  await figure.getByText("Data table: Failure demand at the front door").click();
  const table = figure.getByTestId("spc-table");
  await expect(table.locator("tbody tr")).toHaveCount(30);
  await expect(table.getByRole("row", { name: /Apr 2023/ })).toContainText("Redesigned front door team starts (fictional)");
});

test("a series shorter than the minimum shows the run-chart fallback with its note", async ({ page }) => {
  await page.goto("/cases/riverton-neighbourhood-health-teams");
  const figure = page.getByTestId("spc-figure").filter({ hasText: "Face-to-face time as % of total time" });
  const chart = figure.getByTestId("spc-chart");
  await expect(chart).toHaveAttribute("data-run-chart", "true");
  await expect(chart.getByRole("img", { name: /^Run chart: Face-to-face time/ })).toBeVisible();
  await expect(chart.locator("svg text", { hasText: "Upper limit" })).toHaveCount(0);
  await expect(figure.getByTestId("spc-notes")).toContainText(
    "Run chart: with 10 points (fewer than 13) there are too few for process limits, so the points are read against their median with the NHS run-chart rules",
  );
  // A run chart says what it can (runs and trends against the median), never process limits or a special-cause icon (issue 18).
  const summary = figure.getByTestId("spc-summary");
  await expect(summary).toContainText("Read as a run chart: 10 points are too few for process limits (an SPC chart needs 13).");
  await expect(summary).toContainText("A trend: 7 months in a row rising");
  await expect(summary).not.toContainText("limits from");
  await expect(figure.getByTestId("spc-variation-icon")).toHaveCount(0);
  await expect(figure.getByTestId("spc-run-chart-reading")).toHaveText("Run chart: a trend rising to the latest point: improvement");
  await expect(chart.locator("svg text", { hasText: "Median" })).toBeVisible();
  await expect(figure.getByTestId("spc-method-note")).toHaveText(
    "Headline figures: from the before and after figures as reported, not from this series.",
  );
});

test("a case without series has no SPC section", async ({ page }) => {
  await page.goto("/cases/integrated-health-and-social-care");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("spc-section")).toHaveCount(0);
});

async function createDraftCaseWithIntervention(slug: string): Promise<string> {
  const org = await ensureOrganisation(E2E_ORGANISATION.slug);
  const prisma = createPrismaClient();
  try {
    const c = await prisma.caseStudy.create({ data: { slug, organisationId: org.id } });
    const v = await prisma.caseVersion.create({
      data: {
        caseStudyId: c.id,
        title: `SPC e2e ${slug}`,
        sector: "social_care",
        sourceCitation: "E2E test",
        interventionDate: new Date("2024-01-01T00:00:00Z"),
        measures: { create: [{ label: "Referrals", unit: "count", direction: "lower_is_better", beforeValue: 120, afterValue: 80 }] },
      },
    });
    await prisma.caseStudy.update({ where: { id: c.id }, data: { draftVersionId: v.id } });
    return c.id;
  } finally {
    await prisma.$disconnect();
  }
}

test("an analyst pastes a series in the workspace, sees the preview chart and saves it to the draft", async ({ page }) => {
  const analyst = await createUser({ role: "analyst" });
  const caseId = await createDraftCaseWithIntervention(uniqueSlug(`spc-${randomUUID().slice(0, 4)}`));
  await signIn(page, analyst, `/workspace/cases/${caseId}`);

  const editor = page.getByTestId("series-editor").filter({ hasText: "Referrals" });
  await expect(editor).toContainText("Improvement: lower is better (from the measure)");
  // 12 months around 120, then 12 around 80 from January 2024, as copied from a spreadsheet.
  const before = [118, 122, 119, 121, 120, 123, 117, 120, 121, 119, 122, 118];
  const after = [81, 79, 80, 82, 78, 80, 81, 79, 80, 80, 82, 78];
  const lines = [
    "Month\tReferrals",
    ...before.map((v, i) => `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][i]} 2023\t${v}`),
    ...after.map((v, i) => `2024-${String(i + 1).padStart(2, "0")}\t${v}`),
  ];

  // A bad line is named and nothing changes.
  await editor.getByLabel("Paste a series").fill("2023-01-01\t5\n2023-01-01\t6");
  await editor.getByRole("button", { name: "Use the pasted values" }).click();
  await expect(editor.getByTestId("series-paste-errors")).toContainText("Line 2: January 2023 appears twice (also on line 1)");

  await editor.getByLabel("Paste a series").fill(lines.join("\n"));
  await editor.getByRole("button", { name: "Use the pasted values" }).click();
  await expect(editor.getByTestId("series-paste-errors")).toHaveCount(0);
  await expect(editor.getByLabel("Value, row 24")).toHaveValue("78");

  const preview = editor.getByTestId("series-preview");
  await expect(preview.getByTestId("spc-chart")).toBeVisible();
  await expect(preview.locator("svg text", { hasText: "Intervention, January 2024" })).toBeVisible();
  await expect(preview.getByTestId("series-preview-summary")).toContainText(
    "From January 2024 the mean fell from 120 to 80 a month; 12 months in a row below the previous mean: a real shift, not noise.",
  );

  // One by one: add a point and the preview follows.
  await editor.getByRole("button", { name: "Add a point" }).click();
  await editor.getByLabel("Date, row 25").fill("Jan 2025");
  await editor.getByLabel("Value, row 25").fill("79");
  await expect(preview.locator("[data-point-type]")).toHaveCount(25);

  await editor.getByLabel("From the phase means of this series (before and after the intervention)").check();
  await editor.getByLabel("Run length N").selectOption("6");
  await editor.getByRole("button", { name: "Save series" }).click();
  await expect(editor.getByRole("status")).toContainText("Series saved to the draft (25 points)");
  await page.reload();
  await expect(page.getByTestId("series-editor").filter({ hasText: "Referrals" }).getByLabel("Run length N")).toHaveValue("6");

  const prisma = createPrismaClient();
  try {
    const m = await prisma.measure.findFirstOrThrow({
      where: { caseVersion: { draftOf: { id: caseId } } },
      include: { _count: { select: { observations: true } } },
    });
    expect(m._count.observations).toBe(25);
    expect(m.headlineMethod).toBe("series_phase_means");
    expect(m.spcRunLength).toBe(6);
  } finally {
    await prisma.$disconnect();
  }
});

test("the measure explorer says which changes a series supports and which rest on two points", async ({ page }) => {
  await page.goto("/measures/failure-demand");
  const signals = page.getByTestId("explorer-signals");
  await expect(signals).toContainText("supported by a special-cause signal");
  await expect(signals).toContainText("rest on two points only");
  await expect(signals.getByRole("listitem").filter({ hasText: "Northshire adult social care front door" })).toContainText(
    "Supported by a special-cause signal",
  );
});

test("a case with more series than fit on one page lists them in a summary table, each chart on its own page", async ({ page }) => {
  const slug = uniqueSlug("e2e-many-series");
  const monthly = (level: (i: number) => number) =>
    Array.from({ length: 24 }, (_, i) => ({
      date: `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`,
      value: level(i),
    }));
  const labels = ["Referrals", "Assessments", "Repeat contacts", "Waiting days"];
  await createPublishedCase(slug, {
    interventionDate: "2023-01-01",
    versions: [
      {
        changeNote: "First published version",
        measures: labels.map((label, m) => ({
          label,
          unit: "count" as const,
          direction: "lower_is_better" as const,
          beforeValue: 100,
          afterValue: 60,
          series: monthly((i) => (i < 12 ? 100 : 60) + ((i * (m + 3)) % 7)),
        })),
      },
    ],
  });

  await page.goto(`/cases/${slug}`);
  const section = page.getByTestId("spc-section");
  const rows = section.getByTestId("spc-overview-row");
  await expect(rows).toHaveCount(4);
  await expect(section.getByTestId("spc-figure")).toHaveCount(0);
  await expect(section.getByTestId("spc-charts-elsewhere")).toContainText("This case has 4 series");
  await expect(rows.nth(1)).toContainText(/variation/);
  await expect(rows.nth(1)).toContainText("→");

  await rows.nth(1).getByRole("link", { name: "Assessments" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${slug}/v/1/series/2$`));
  await expect(page.getByRole("heading", { level: 1, name: "Assessments" })).toBeVisible();
  const chart = page.getByTestId("spc-chart");
  await expect(chart.getByRole("img", { name: "SPC chart: Assessments" })).toBeVisible();
  expect(await chart.locator("[data-point-type]").count()).toBe(24);
  await expect(page.getByTestId("spc-summary")).toContainText(
    "From January 2023 the mean fell from 103 to 63 a month; 12 months in a row below the previous mean: a real shift, not noise.",
  );
  await page.getByText("Data table: Assessments").click();
  await expect(page.getByTestId("spc-table").locator("tbody tr")).toHaveCount(24);
  await page.getByRole("link", { name: `Published ${slug}` }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${slug}$`));

  // A series that does not exist, or a malformed number, is a 404.
  expect((await page.request.get(`/cases/${slug}/v/1/series/5`)).status()).toBe(404);
  expect((await page.request.get(`/cases/${slug}/v/1/series/02`)).status()).toBe(404);
});

test("a chart shown on the case page links to its own page", async ({ page }) => {
  await page.goto("/cases/northshire-adult-social-care-front-door");
  const figure = page.getByTestId("spc-figure").filter({ hasText: "Failure demand at the front door" });
  await figure.getByRole("link", { name: "This chart on its own page" }).click();
  await expect(page).toHaveURL(/\/cases\/northshire-adult-social-care-front-door\/v\/1\/series\/1$/);
  await expect(page.getByRole("heading", { level: 1, name: "Failure demand at the front door" })).toBeVisible();
  await expect(page.getByTestId("spc-chart").locator("[data-point-type]")).toHaveCount(30);
});
