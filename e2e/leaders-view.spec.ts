import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createUser, signIn } from "./support/users";

// The leaders' view (issue 14): the header's sections, the approach cards with
// their charts and headline words, chart downloads, and the question a leader
// asks first, answered in three clicks or fewer.

// Each test signs in, loads long pages and sometimes runs axe: allow for a loaded machine.
test.describe.configure({ timeout: 120_000 });

async function axeSerious(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("a viewer finds which approach reduced failure demand most, and its evidence rating, in one click from home", async ({ page }) => {
  const viewer = await createUser({ role: "viewer" });
  await signIn(page, viewer);
  await page.goto("/");
  // Click 1: the header's Approaches.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Approaches" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Approaches compared");
  const row = page
    .getByTestId("category-leader")
    .filter({ has: page.getByRole("rowheader", { name: /^Failure demand \(percentage measures\)/ }) });
  await expect(row).toHaveCount(1);
  // The reference case: 71% → 0% of demand returning, under relational public services (−71 pp; the Vanguard case −44 pp).
  await expect(row.getByRole("link", { name: "Relational public services" })).toBeVisible();
  await expect(row).toContainText("down in 1 of 1 case, by 71 percentage points");
  await expect(row.getByTestId("padlocks")).toHaveText("0 of 5 padlocks");
  // The card it links to says the same, with its chart and a dot per case.
  await row.getByRole("link", { name: "Relational public services" }).click();
  const card = page.getByTestId("approach-card").filter({ has: page.getByRole("heading", { name: "Relational public services" }) });
  await expect(card.getByTestId("category-headline").filter({ hasText: "Failure demand (percentage measures)" })).toHaveText(
    "Failure demand (percentage measures): down in 1 of 1 case, by 71 percentage points",
  );
});

test("approach cards: plain headlines, no log changes, every dot links to its case, filters narrow", async ({ page }) => {
  await page.goto("/approaches");
  const vanguard = page.getByTestId("approach-card").filter({ has: page.getByRole("heading", { name: /^Vanguard Method/ }) });
  await expect(vanguard.getByTestId("category-headline").first()).toBeVisible();
  await expect(vanguard.getByTestId("padlocks").first()).toContainText(/\d of 5/);
  await expect(vanguard.getByTestId("design-mix")).toContainText("before/after");
  // Log changes drive the pooling but are never what a leader reads.
  await expect(page.locator("main")).not.toContainText("ln(after ÷ before) ="); // only in the footnote's method
  for (const text of await page.getByTestId("category-headline").allTextContents()) expect(text).not.toMatch(/log/);

  // Every dot is a link to its case.
  const dots = vanguard.getByTestId("dot-chart").first().locator("a");
  const count = await dots.count();
  expect(count).toBeGreaterThan(0);
  for (const href of await dots.evaluateAll((as) => as.map((a) => a.getAttribute("href")))) expect(href).toMatch(/^\/cases\/[a-z0-9-]+$/);
  const target = await dots.first().getAttribute("href");
  await dots.first().click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));

  // A filter by design: only difference-in-differences figures remain.
  await page.goto("/approaches");
  await page.getByLabel("Design").selectOption({ label: "Difference-in-differences" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/design=difference_in_differences/);
  for (const mix of await page.getByTestId("design-mix").allTextContents()) expect(mix).toMatch(/^Designs\s*\d+ diff-in-diff$/);
});

test("a chart downloads as SVG, PNG and its data as CSV", async ({ page }) => {
  await page.goto("/approaches");
  const block = page.getByTestId("card-category").first();
  const downloads = block.getByTestId("chart-downloads");
  const [svg] = await Promise.all([page.waitForEvent("download"), downloads.getByTestId("download-svg").click()]);
  expect(svg.suggestedFilename()).toMatch(/\.svg$/);
  const svgText = await readFile((await svg.path())!, "utf8");
  expect(svgText).toMatch(/^<\?xml/);
  expect(svgText).toContain('xmlns="http://www.w3.org/2000/svg"');
  const [png] = await Promise.all([page.waitForEvent("download"), downloads.getByTestId("download-png").click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const pngBytes = await readFile((await png.path())!);
  expect(pngBytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  const [csv] = await Promise.all([page.waitForEvent("download"), downloads.getByTestId("download-csv").click()]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const csvText = await readFile((await csv.path())!, "utf8");
  // A header row: the per-figure table, or the spread table of a category with too many figures to draw.
  expect(csvText.split("\r\n")[0]).toMatch(/^\uFEFF?(Case|Across \d+ cases?),/);
});

test("header: the four sections; a phone menu that works without JavaScript; one row at 1366 px signed in", async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 375, height: 800 }, javaScriptEnabled: false });
  const page = await phone.newPage();
  await page.goto("/cases");
  const menu = page.getByTestId("mobile-menu");
  await expect(menu).toBeVisible();
  await menu.getByText("Menu").click();
  for (const name of ["Case studies", "Measures", "Compare", "Approaches"]) {
    await expect(menu.getByRole("link", { name })).toBeVisible();
  }
  await menu.getByRole("link", { name: "Compare" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare cases");
  await phone.close();

  const desk = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  const dpage = await desk.newPage();
  const admin = await createUser({ role: "admin", name: "E2E administrator with a long name" });
  await signIn(dpage, admin);
  await expect(dpage.getByTestId("mobile-menu")).toBeHidden();
  const nav = await dpage.getByRole("navigation", { name: "Main" }).boundingBox();
  const account = await dpage.getByTestId("user-menu").boundingBox();
  const header = await dpage.locator("body > header").boundingBox();
  expect(nav && account && header).toBeTruthy();
  // One row: the account area sits beside the sections, and the header is one line tall.
  expect(Math.abs(nav!.y + nav!.height / 2 - (account!.y + account!.height / 2))).toBeLessThan(8);
  expect(header!.height).toBeLessThan(70);
  await desk.close();
});

test("axe: no serious or critical violations on the approach cards and the leader's home", async ({ page }) => {
  // Two long pages, each analysed in full; on a loaded 2-core machine axe alone can take most of a minute.
  test.setTimeout(180_000);
  await page.goto("/approaches");
  expect(await axeSerious(page)).toEqual([]);
  const viewer = await createUser({ role: "viewer" });
  await signIn(page, viewer, "/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your home");
  expect(await axeSerious(page)).toEqual([]);
});
