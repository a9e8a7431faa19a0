import { randomUUID } from "node:crypto";
import { expect, test } from "./support/test";
import { createPrismaClient } from "../lib/prisma-client";
import { createPublishedCase, uniqueSlug } from "./support/factories";
import { createUser, E2E_ORGANISATION, ensureOrganisation, signIn } from "./support/users";

// SPC in embeds, the per-measure SPC options reaching the public chart and the
// explorer (issue 18), and yearly series (issue 16).

const monthly = (values: number[], from = 2022) =>
  values.map((value, i) => ({ date: `${from + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`, value }));

test("an embed shows the case's first series as a server-rendered SPC chart, or the one chosen with ?series=", async ({
  page,
  baseURL,
}) => {
  const slug = uniqueSlug("e2e-embed-spc");
  await createPublishedCase(slug, {
    interventionDate: "2023-01-01",
    versions: [
      {
        changeNote: "First published version",
        measures: [
          {
            label: "Repeat contacts",
            unit: "count",
            direction: "lower_is_better",
            beforeValue: 100,
            afterValue: 60,
            series: monthly(Array.from({ length: 24 }, (_, i) => (i < 12 ? 100 : 60) + (i % 3))),
          },
          {
            label: "Delayed discharges",
            unit: "count",
            direction: "lower_is_better",
            beforeValue: 351,
            afterValue: 240,
            seriesFrequency: "yearly",
            // Financial years 2019/20 to 2023/24: four before the intervention (January 2023), one from it.
            series: [412, 398, 377, 351, 240].map((value, i) => ({ date: `${2019 + i}-04-01`, value })),
          },
        ],
      },
    ],
  });

  // Inside another site's page, as an iframe.
  await page.setContent(`<!doctype html><html lang="en"><body><h1>A council report</h1>
    <iframe src="${baseURL}/embed/cases/${slug}" title="Reform Metrics chart" width="1000" height="1400" style="border:0"></iframe></body></html>`);
  const frame = page.frameLocator("iframe");
  const spc = frame.getByTestId("embed-spc");
  await expect(spc.getByRole("heading", { name: /Over time: Repeat contacts/ })).toBeVisible();
  const chart = spc.getByTestId("spc-chart");
  await expect(chart).toHaveAttribute("data-run-chart", "false");
  await expect(chart.getByRole("img", { name: "SPC chart: Repeat contacts" })).toBeVisible();
  await expect(chart.locator("[data-point-type]")).toHaveCount(24);
  await expect(chart.locator("svg text", { hasText: "Intervention, January 2023" })).toBeVisible();
  await expect(spc.getByTestId("spc-summary")).toContainText(
    "From January 2023 the mean fell from 101 to 61 a month; 12 months in a row below the previous mean: a real shift, not noise.",
  );
  await expect(spc.getByTestId("spc-variation-icon")).toBeVisible();
  await expect(spc.getByRole("link", { name: /This chart with its data table/ })).toHaveAttribute(
    "href",
    new RegExp(`/cases/${slug}/v/1/series/1$`),
  );
  // The case's change chart is still there.
  await expect(frame.getByTestId("change-chart")).toBeVisible();

  // Server-rendered: the chart's SVG and points are in the HTML, before any script runs.
  const html = await (await page.request.get(`/embed/cases/${slug}`)).text();
  expect(html.match(/data-point-type=/g)?.length).toBe(24);

  // A chosen series: the yearly four-year trend before the reform, as a run chart named by financial year.
  await page.goto(`/embed/cases/${slug}?series=2`);
  const second = page.getByTestId("embed-spc");
  await expect(second.getByRole("heading", { name: /Over time: Delayed discharges/ })).toContainText("(series 2 of 2)");
  await expect(second.getByTestId("spc-chart")).toHaveAttribute("data-run-chart", "true");
  await expect(second.getByTestId("spc-chart").locator("svg text", { hasText: "2021/22" })).toBeVisible();
  await expect(second.getByTestId("spc-summary")).toContainText("Read as a run chart: 5 points are too few for process limits");
  await expect(second.getByTestId("spc-summary")).toContainText(
    "The median of all 5 points is 377: 387.5 before the intervention (4 years) and 240 from it (1 year).",
  );
  await expect(second.getByTestId("spc-variation-icon")).toHaveCount(0);

  // A series the case does not have is a 404.
  expect((await page.request.get(`/embed/cases/${slug}?series=3`)).status()).toBe(404);
  expect((await page.request.get(`/embed/cases/${slug}?series=two`)).status()).toBe(404);
});

test("a measure's SPC options reach its public chart and the explorer's signal column", async ({ page }) => {
  // A measure type of its own, so the explorer's cached lists are this test's alone.
  const typeKey = `e2e-spc-options-${randomUUID().slice(0, 8)}`;
  const prisma = createPrismaClient();
  try {
    await prisma.measureType.create({
      data: {
        key: typeKey,
        name: `SPC options ${typeKey}`,
        definition: "Test",
        countingUnit: "contact",
        unit: "count",
        direction: "lower_is_better",
        category: "failure_demand",
      },
    });
  } finally {
    await prisma.$disconnect();
  }
  // Tight months with one spike, then one month well below them: a signal only if the spike is screened out of the limits.
  const values = [49, 51, 49, 51, 49, 51, 80, 51, 49, 51, 49, 51, 45, 53, 52, 53, 52, 53, 52, 53, 52, 53, 52, 53];
  const publish = async (title: string, options: { spcScreenOutliers?: boolean; spcFixAfterPoints?: number }) => {
    const slug = uniqueSlug("e2e-spc-options");
    await createPublishedCase(slug, {
      title,
      interventionDate: "2023-01-01",
      versions: [
        {
          changeNote: "First published version",
          measures: [
            {
              label: "Failure demand contacts",
              unit: "count",
              direction: "lower_is_better",
              beforeValue: 53,
              afterValue: 52,
              measureTypeKey: typeKey,
              series: monthly(values),
              ...options,
            },
          ],
        },
      ],
    });
    return slug;
  };
  const screened = await publish(`Screening on ${typeKey}`, {});
  const unscreened = await publish(`Screening off ${typeKey}`, { spcScreenOutliers: false, spcFixAfterPoints: 12 });

  await page.goto(`/cases/${screened}/v/1/series/1`);
  await expect(page.getByTestId("spc-summary")).toContainText(
    "1 month beyond the previous process limits: a signal that something changed",
  );
  await expect(page.getByTestId("spc-notes")).toContainText("moving ranges of 3.267 × the average or more are screened out of the limits");

  await page.goto(`/cases/${unscreened}/v/1/series/1`);
  await expect(page.getByTestId("spc-summary")).toContainText("not yet distinguishable from noise");
  const notes = page.getByTestId("spc-notes");
  await expect(notes).toContainText(
    "outlier screening is off: every moving range counts towards the limits (as the Making Data Count Excel tool)",
  );
  await expect(notes).toContainText("the limits are fixed after 12 points");

  await page.goto(`/measures/${typeKey}`);
  const signals = page.getByTestId("explorer-signals");
  await expect(signals.getByRole("listitem").filter({ hasText: `Screening on ${typeKey}` })).toContainText(
    "Supported by a special-cause signal: 1 beyond the previous limits.",
  );
  await expect(signals.getByRole("listitem").filter({ hasText: `Screening off ${typeKey}` })).toContainText(
    /Not supported by a special-cause signal: .*\(SPC settings: outlier screening off, limits fixed after 12 points\)/,
  );
});

test("an analyst enters a four-year yearly trend with the SPC options, sees a run chart and saves them", async ({ page }) => {
  const analyst = await createUser({ role: "analyst" });
  const org = await ensureOrganisation(E2E_ORGANISATION.slug);
  const prisma = createPrismaClient();
  let caseId: string;
  try {
    const c = await prisma.caseStudy.create({ data: { slug: uniqueSlug("e2e-spc-yearly"), organisationId: org.id } });
    const v = await prisma.caseVersion.create({
      data: {
        caseStudyId: c.id,
        title: "SPC e2e yearly series",
        sector: "health",
        sourceCitation: "E2E test",
        interventionDate: new Date("2020-04-01T00:00:00Z"),
        measures: {
          create: [{ label: "Delayed discharges", unit: "count", direction: "lower_is_better", beforeValue: 351, afterValue: 240 }],
        },
      },
    });
    await prisma.caseStudy.update({ where: { id: c.id }, data: { draftVersionId: v.id } });
    caseId = c.id;
  } finally {
    await prisma.$disconnect();
  }
  await signIn(page, analyst, `/workspace/cases/${caseId}`);
  const editor = page.getByTestId("series-editor").filter({ hasText: "Delayed discharges" });
  await editor.getByLabel("How often the series has a point").selectOption("yearly");
  await editor
    .getByLabel("Paste a series")
    .fill("Year\tDelayed discharges\n2016/17\t412\n2017/18\t398\n2018/19\t377\n2019/20\t351\n2020/21\t240");
  await editor.getByRole("button", { name: "Use the pasted values" }).click();
  await expect(editor.getByTestId("series-paste-errors")).toHaveCount(0);
  await expect(editor.getByLabel("Date, row 1")).toHaveValue("2016-04-01");

  const preview = editor.getByTestId("series-preview");
  await expect(preview.getByTestId("spc-chart")).toHaveAttribute("data-run-chart", "true");
  await expect(preview.locator("svg text", { hasText: "2016/17" })).toBeVisible();
  await expect(preview.getByTestId("series-preview-summary")).toContainText(
    "A trend: 5 years in a row falling, 2016/17 to 2020/21 (an improvement).",
  );

  // A bad fix-after is named beside the field and blocks the save.
  await editor.getByLabel("Fix the limits after N points (optional)").fill("6");
  await expect(editor.getByText("Enter a whole number of at least 12")).toBeVisible();
  await expect(editor.getByRole("button", { name: "Save series" })).toBeDisabled();
  await editor.getByLabel("Fix the limits after N points (optional)").fill("12");
  await editor.getByLabel("Screen out moving-range outliers").uncheck();
  await editor.getByRole("button", { name: "Save series" }).click();
  await expect(editor.getByRole("status")).toContainText("Series saved to the draft (5 points)");

  await page.reload();
  const again = page.getByTestId("series-editor").filter({ hasText: "Delayed discharges" });
  await expect(again.getByLabel("How often the series has a point")).toHaveValue("yearly");
  await expect(again.getByLabel("Fix the limits after N points (optional)")).toHaveValue("12");
  await expect(again.getByLabel("Screen out moving-range outliers")).not.toBeChecked();
  await expect(again.getByTestId("series-preview")).toContainText(
    "This measure's SPC settings (outlier screening off, limits fixed after 12 points) apply once it is an SPC chart",
  );
  const db = createPrismaClient();
  try {
    const m = await db.measure.findFirstOrThrow({ where: { caseVersion: { draftOf: { id: caseId } } } });
    expect([m.seriesFrequency, m.spcScreenOutliers, m.spcFixAfterPoints]).toEqual(["yearly", false, 12]);
  } finally {
    await db.$disconnect();
  }
});
