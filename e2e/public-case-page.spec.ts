import { expect, test } from "./support/test";
import { createPublishedCase, uniqueSlug } from "./support/factories";

const REFERENCE = "/cases/integrated-health-and-social-care";

test("the reference page shows headline figures, both charts, their tables and summaries", async ({ page }) => {
  await page.goto(REFERENCE);
  const cards = page.getByTestId("headline-figure");
  await expect(cards).toHaveCount(6);
  await expect(cards.nth(2)).toContainText("Number of referrals");
  await expect(cards.nth(2)).toContainText("−41%");
  await expect(cards.nth(2)).toContainText("reported only");
  await expect(cards.nth(4)).toContainText("+14 pp");
  await expect(cards.nth(4)).toContainText("raw values");

  const change = page.getByTestId("change-chart");
  await expect(change.getByRole("img")).toHaveAccessibleName(/Change in 6 measures/);
  await expect(page.getByTestId("measures-table").getByTestId("measure-row")).toHaveCount(6);
  await expect(page.getByTestId("case-summary")).toContainText("Of 6 measures, 6 improved");

  // Before → after: only the two measures with raw values, as dumbbells.
  const beforeAfter = page.getByTestId("before-after-chart");
  await expect(beforeAfter).toHaveCount(1);
  await expect(beforeAfter.getByRole("img")).toHaveAccessibleName(/Before and after, per cent/);
  await expect(beforeAfter.locator("g.dumbbell")).toHaveCount(2);
  await expect(beforeAfter).toContainText("46% → 60% (+14 pp)");
  const table = page.getByTestId("before-after-table");
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table).toContainText("71%");
  await expect(page.getByTestId("before-after-summary")).toContainText("Face-to-face time as % of total time rose from 46% to 60%");
  await expect(page.getByTestId("evidence-level")).toContainText("Level 1 of 5");
});

test("without JavaScript both charts, the tables and the snippets are in the page", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(REFERENCE);
  await expect(page.getByTestId("change-chart").locator(".recharts-bar-rectangle path")).toHaveCount(6);
  await expect(page.getByTestId("before-after-chart").locator("circle[data-point]")).toHaveCount(4);
  // In place and visible, not parked in a hidden streaming container.
  await expect(page.getByTestId("change-chart").locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByTestId("before-after-chart").locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByTestId("before-after-table")).toBeVisible();
  await expect(page.getByTestId("embed-snippet")).toHaveValue(/<iframe src="http[^"]+\/embed\/cases\/integrated-health-and-social-care"/);
  await expect(page.getByTestId("citation")).toHaveValue(/version 1, published .*\/cases\/integrated-health-and-social-care\/v\/1$/);
  await expect(page.getByRole("button", { name: "Copy" })).toHaveCount(0);
  await context.close();
});

test("the copy buttons copy the citation once JavaScript has loaded", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"], baseURL });
  const page = await context.newPage();
  await page.goto(REFERENCE);
  await page.getByRole("button", { name: "Copy" }).first().click();
  await expect(page.getByRole("status").first()).toHaveText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.getByTestId("citation").inputValue());
  await context.close();
});

test("versions are frozen and citable; unknown numbers and the draft are 404", async ({ page }) => {
  const slug = uniqueSlug("versions");
  await createPublishedCase(slug, {
    withDraft: true,
    versions: [
      {
        changeNote: "First published version",
        measures: [{ label: "Referrals", unit: "count", direction: "lower_is_better", beforeValue: 100, afterValue: 80 }],
      },
      {
        changeNote: "corrections",
        measures: [{ label: "Referrals", unit: "count", direction: "lower_is_better", beforeValue: 100, afterValue: 60 }],
      },
    ],
  });
  await page.goto(`/cases/${slug}`);
  await expect(page.getByTestId("version-line")).toHaveText("Version 2, published 11 March 2026 · corrections");
  await expect(page.getByTestId("measure-change")).toHaveText("100 → 60 (−40%)");
  await page.getByRole("link", { name: "version 1" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${slug}/v/1$`));
  await expect(page.getByTestId("version-line")).toHaveText("Version 1, published 10 March 2026 · First published version");
  await expect(page.getByTestId("measure-change")).toHaveText("100 → 80 (−20%)");
  await expect(page.getByTestId("older-version-note")).toContainText("current version (2)");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/cases/${slug}/v/1$`));

  // 3 is the unnumbered draft's would-be number; 0, 01 and words never exist.
  for (const n of ["3", "0", "01", "draft"]) {
    const response = await page.goto(`/cases/${slug}/v/${n}`);
    expect(response?.status(), n).toBe(404);
  }
});

test("the page has canonical and social card metadata, and the card is an image", async ({ page, request }) => {
  await page.goto(REFERENCE);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/cases\/integrated-health-and-social-care$/);
  const image = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(image).toMatch(/\/cases\/integrated-health-and-social-care\/opengraph-image/);
  const response = await request.get(new URL(image!).pathname + new URL(image!).search);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect((await response.body()).byteLength).toBeGreaterThan(10_000);
});

test("printed on A4, the change chart and its table fit on one page", async ({ page }) => {
  // A4 at 96 dpi less the 12 mm margins of the print stylesheet: 704 × 1032 px.
  await page.setViewportSize({ width: 704, height: 1032 });
  await page.goto(REFERENCE);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("body > header")).toBeHidden();
  const section = page.getByTestId("change-section");
  // The print layout settles after the media switch (and after the charts
  // hydrate): measure once the section is laid out, not in between.
  await expect(section).toBeVisible();
  await expect.poll(async () => (await section.boundingBox())?.height ?? Infinity).toBeLessThanOrEqual(1032);
  await expect
    .poll(async () => (await section.locator("svg.recharts-surface").first().boundingBox())?.width ?? Infinity)
    .toBeLessThanOrEqual(704);
});

test("keyboard users reach the downloads and the copy buttons", async ({ page }) => {
  await page.goto(REFERENCE);
  const reached = new Set<string>();
  for (let i = 0; i < 60 && reached.size < 2; i++) {
    await page.keyboard.press("Tab");
    const name = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    if (name.startsWith("CSV")) reached.add("csv");
    if (name === "Copy") reached.add("copy");
  }
  expect([...reached].sort()).toEqual(["copy", "csv"]);
});

test("printed, a case page carries its versioned address, its citation and the date", async ({ page }) => {
  await page.goto(REFERENCE);
  const block = page.getByTestId("print-citation");
  await expect(block).toBeHidden();
  await page.emulateMedia({ media: "print" });
  await expect(block).toBeVisible();
  await expect(block).toContainText(/\/cases\/integrated-health-and-social-care\/v\/\d+/);
  await expect(block).toContainText("Cite as:");
  await expect(block).toContainText("Reform Metrics case study, version");
  // The day of printing, as the reader's browser has it.
  await expect(block).toContainText(/Printed on \d{1,2} [A-Z][a-z]+ \d{4}/);
});
