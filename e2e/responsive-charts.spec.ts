import { expect, test, type Page } from "./support/test";

// Issue 20: every chart fills its container, from a phone to a desktop, and
// no label is cut off. A label is cut off when its box leaves the SVG's box
// (the SVG clips what lies outside it), so each <text>'s box is compared with
// the SVG's, after the chart has been laid out for its container.
const PAGES = [
  "/cases/integrated-health-and-social-care", // change + before → after
  "/cases/northshire-adult-social-care-front-door", // several before → after charts and an SPC chart
  "/embed/cases/integrated-health-and-social-care",
  "/compare?cases=integrated-health-and-social-care,westmoor-early-help,riverton-neighbourhood-health-teams", // grouped bars
  "/measures/referrals", // strip plot
];

interface ChartCheck {
  id: string;
  frame: number;
  svg: number;
  page: number;
  clipped: string[];
}

async function checkCharts(page: Page): Promise<ChartCheck[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".chart-frame")].map((frame) => {
      const svg = frame.querySelector("svg.recharts-surface")!;
      const s = svg.getBoundingClientRect();
      const clipped: string[] = [];
      for (const text of svg.querySelectorAll("text")) {
        const b = text.getBoundingClientRect();
        if (b.width === 0 || !text.textContent?.trim()) continue;
        if (b.left < s.left - 0.5 || b.right > s.right + 0.5 || b.top < s.top - 0.5 || b.bottom > s.bottom + 0.5) {
          clipped.push(text.textContent.trim());
        }
      }
      return {
        id: frame.dataset.testid ?? "chart",
        frame: frame.getBoundingClientRect().width,
        svg: s.width,
        page: document.documentElement.clientWidth,
        clipped,
      };
    }),
  );
}

for (const width of [390, 1366]) {
  for (const path of PAGES) {
    test(`at ${width} px every chart on ${path} fits its container and no label is cut off`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      const frames = page.locator(".chart-frame");
      await expect(frames.first()).toBeVisible();
      // Laid out for the container once hydrated: the SVG is exactly as wide as its frame.
      await expect.poll(async () => (await checkCharts(page)).every((c) => Math.abs(c.svg - c.frame) <= 1), { timeout: 20_000 }).toBe(true);
      const charts = await checkCharts(page);
      expect(charts.length).toBeGreaterThan(0);
      for (const chart of charts) {
        expect(chart.frame, `${chart.id} is no wider than the page`).toBeLessThanOrEqual(chart.page);
        expect(chart.clipped, `labels cut off in ${chart.id}`).toEqual([]);
      }
      // Nothing makes the page itself scroll sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }
}

test("on a phone the change chart puts each measure's name above its bar, whole", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto("/cases/integrated-health-and-social-care");
  const chart = page.getByTestId("change-chart");
  await expect.poll(async () => (await chart.locator("svg.recharts-surface").boundingBox())?.width).toBeLessThanOrEqual(360);
  // The longest name, wrapped onto lines of its own (one <tspan> a line) rather than cut.
  const lines = () =>
    chart
      .locator("svg text")
      .evaluateAll((texts) => texts.map((t) => [...t.querySelectorAll("tspan")].map((line) => line.textContent?.trim()).join(" ")));
  await expect.poll(lines).toContain("Demand returning into the system (failure demand)");
  expect((await chart.locator("svg text").filter({ hasText: "Demand returning" }).locator("tspan").count()) > 1).toBe(true);
  // Every bar keeps its value.
  await expect(chart.locator("svg")).toContainText("−64% (reported)");
  await expect(chart.locator("svg")).toContainText("−71");
});

test("without JavaScript the server's chart scales to a phone's width instead of overflowing", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 900 }, baseURL });
  const page = await context.newPage();
  await page.goto("/cases/integrated-health-and-social-care");
  const box = await page.getByTestId("change-chart").locator("svg.recharts-surface").boundingBox();
  expect(box!.width).toBeLessThanOrEqual(360);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
});
