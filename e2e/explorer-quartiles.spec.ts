import AxeBuilder from "@axe-core/playwright";
import { createPublishedCase, uniqueSlug } from "./support/factories";
import { expect, test, type Page } from "./support/test";

// The measure explorer (issue 20, item 11): quartiles only from four figures,
// else the range, labelled as such; the table in the order its caption names;
// zero always on the plot's axis. Each test publishes its own referral figures
// with an intervention year no other data uses, and reads the explorer
// filtered to that year (a filter view not yet cached, so it shows them).

/** A year of our own for this run: the explorer caches each filter view until the next publish. */
function yearOfOurOwn(): number {
  return 1901 + Math.floor(Math.random() * 98);
}

async function publishReferrals(year: number, afters: number[]) {
  for (const [i, after] of afters.entries()) {
    await createPublishedCase(uniqueSlug(`explorer-${year}-${i}`), {
      title: `Explorer ${year} case ${i + 1}`,
      interventionDate: `${year}-06-01`,
      versions: [
        {
          changeNote: "First",
          measures: [
            {
              label: "Referrals",
              unit: "count",
              direction: "lower_is_better",
              beforeValue: 100,
              afterValue: after,
              measureTypeKey: "referrals",
            },
          ],
        },
      ],
    });
  }
}

/** The pooled value of each table row, top to bottom, as printed ("−52.8 (≈ −41%)" → −52.8). */
async function pooledValues(page: Page): Promise<number[]> {
  const texts = await page.getByTestId("explorer-pooled").allTextContents();
  return texts.map((t) => Number(t.replace(/\u2212/g, "-").match(/^[+-]?\d+(\.\d+)?/)?.[0]));
}

test("under four figures the explorer gives the range, not quartiles, and lists them from the largest fall", async ({ page }) => {
  const year = yearOfOurOwn();
  await publishReferrals(year, [90, 29, 56]); // −10%, −71%, −44%
  await page.goto(`/measures/referrals?from=${year}&to=${year}`);

  await expect(page.getByTestId("stat-n")).toHaveText("3 figures");
  await expect(page.getByTestId("stat-range")).toHaveText("−123.8 (≈ −71%) to −10.5 (≈ −10%)");
  await expect(page.getByTestId("stat-interquartile-range")).toHaveCount(0);
  await expect(page.getByText("middle half (IQR)")).toHaveCount(0);
  await expect(page.getByTestId("plot-summary")).toContainText("ranging from −123.8 (≈ −71%) to −10.5 (≈ −10%)");
  await expect(page.getByTestId("plot-summary")).not.toContainText("middle half");

  // The order the caption names: the largest fall (−71%) first.
  const values = await pooledValues(page);
  expect(values).toHaveLength(3);
  expect(values.every((v) => Number.isFinite(v))).toBe(true);
  expect(values).toEqual([...values].sort((a, b) => a - b));
  await expect(page.getByTestId("explorer-row").first()).toContainText("−71%");
  await expect(page.locator("#explorer-figures caption")).toContainText("from the largest fall to the largest rise");

  // Every figure fell, yet 0 is on the axis.
  await expect(
    page.getByTestId("strip-plot").locator(".recharts-xAxis .recharts-cartesian-axis-tick text", { hasText: /^0$/ }),
  ).toHaveCount(1);
});

test("from four figures the explorer gives the interquartile range and shades it", async ({ page }) => {
  const year = yearOfOurOwn();
  await publishReferrals(year, [29, 56, 80, 110]);
  await page.goto(`/measures/referrals?from=${year}&to=${year}`);

  await expect(page.getByTestId("stat-n")).toHaveText("4 figures");
  await expect(page.getByTestId("stat-interquartile-range")).toBeVisible();
  await expect(page.getByTestId("stat-range")).toHaveCount(0);
  await expect(page.getByTestId("strip-plot").getByText("middle half (IQR)")).toHaveCount(1);
  await expect(page.getByTestId("plot-summary")).toContainText("middle half from");

  const values = await pooledValues(page);
  expect(values).toHaveLength(4);
  expect(values).toEqual([...values].sort((a, b) => a - b));
  // A rise (+10%) sits last, after the falls.
  await expect(page.getByTestId("explorer-row").last()).toContainText("+10%");
});

test("axe: no serious or critical violations on the explorer", async ({ page }) => {
  await page.goto("/measures/referrals");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
