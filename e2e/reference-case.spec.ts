import { expect, test } from "./support/test";
import { createDraftCase, uniqueSlug } from "./support/factories";

// The reference case from shared/DOMAIN.md, seeded by prisma/seed.ts. Its
// figures are fixed by the source, so this test pins them exactly.
const REFERENCE = "/cases/integrated-health-and-social-care";

const EXPECTED = [
  { label: "Number of assessments", change: "−64% (reported)" },
  { label: "People involved end to end", change: "−32% (reported)" },
  { label: "Number of referrals", change: "−41% (reported)" },
  { label: "Total hours spent on the cases", change: "−14% (reported)" },
  { label: "Face-to-face time as % of total time", change: "46% → 60% (+14 pp)" },
  { label: "Demand returning into the system (failure demand)", change: "71% → 0% (−71 pp)" },
];

test("the reference case shows its six measures with the reported figures", async ({ page }) => {
  await page.goto(REFERENCE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Integrated health & social care");

  const rows = page.getByTestId("measure-row");
  await expect(rows).toHaveCount(6);
  for (const [i, expected] of EXPECTED.entries()) {
    const row = rows.nth(i);
    await expect(row.getByRole("rowheader")).toHaveText(expected.label);
    await expect(row.getByTestId("measure-change")).toHaveText(expected.change);
    await expect(row).toContainText("improved");
  }
  // Reported-only figures are flagged as such and never given invented raw values.
  for (const i of [0, 1, 2, 3]) {
    await expect(rows.nth(i)).toContainText("Reported change only");
    await expect(rows.nth(i).getByRole("cell").nth(0)).toHaveText("not reported");
  }
  await expect(page.getByTestId("evidence-level")).toContainText("Level 1 of 5");
});

test("the change chart is rendered as SVG with a bar per measure, coloured by improvement", async ({ page }) => {
  await page.goto(REFERENCE);
  const chart = page.getByTestId("change-chart");
  await expect(chart.locator("svg.recharts-surface")).toBeVisible();
  await expect(chart.getByRole("img")).toHaveAccessibleName(/Change in 6 measures/);
  const bars = chart.locator(".recharts-bar-rectangle path");
  await expect(bars).toHaveCount(6);
  // All six are improvements, so every bar is blue whichever way it points;
  // the four reported-only bars are hatched.
  const strokes = await bars.evaluateAll((els) => els.map((e) => e.getAttribute("stroke")));
  expect(strokes).toEqual(Array(6).fill("#005eb8"));
  const fills = await bars.evaluateAll((els) => els.map((e) => e.getAttribute("fill")));
  expect(fills.filter((f) => f === "url(#hatch-improvement)")).toHaveLength(4);
  await expect(chart).toContainText("−64% (reported)");
  await expect(chart).toContainText("+14 pp");
});

test("the chart is in the server-rendered HTML, without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(REFERENCE);
  await expect(page.getByTestId("change-chart").locator(".recharts-bar-rectangle path")).toHaveCount(6);
  await expect(page.getByTestId("measure-row")).toHaveCount(6);
  await context.close();
});

test("the home page lists published cases and marks fictional examples", async ({ page }) => {
  await page.goto("/");
  const reference = page.getByRole("link", { name: "Integrated health & social care" });
  await expect(reference).toBeVisible();
  await expect(page.getByText("Fictional example").first()).toBeVisible();
  await reference.click();
  await expect(page).toHaveURL(new RegExp(`${REFERENCE}$`));
});

test("fictional example cases carry a banner", async ({ page }) => {
  await page.goto("/cases/westmoor-early-help");
  await expect(page.getByRole("note").filter({ hasText: "Fictional example data" })).toBeVisible();
  // The source's "60% drop" disagrees with its own raw figures (−50.9%): flagged.
  await expect(page.getByTestId("measure-row").first()).toContainText("60%");
});

test("an unknown or malformed slug is a 404 page", async ({ page }) => {
  for (const path of ["/cases/no-such-case", "/cases/NOT%20a%20slug"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});

test("an address with a broken %-escape is a 400, not a server error", async ({ request }) => {
  const response = await request.get("/cases/%E0%A4%A");
  expect(response.status()).toBe(400);
});

test("a draft case is a 404 and is not listed", async ({ page }) => {
  const slug = uniqueSlug("draft-only");
  await createDraftCase(slug);
  const response = await page.goto(`/cases/${slug}`);
  expect(response?.status()).toBe(404);
  await page.goto("/");
  await expect(page.getByRole("link", { name: `Draft ${slug}` })).toHaveCount(0);
});
