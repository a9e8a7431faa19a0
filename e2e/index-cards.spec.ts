import AxeBuilder from "@axe-core/playwright";
import { createPublishedCase, uniqueSlug } from "./support/factories";
import { expect, test } from "./support/test";

// Index cards (issue 20, item 6): each card on /cases shows the case's
// headline figures in the case page's words — before → after where both
// exist — and its evidence rating as padlocks.

test("a card shows the case's figures as its page does, and its evidence rating", async ({ page }) => {
  const slug = uniqueSlug("index-card");
  const title = `Index card ${slug}`;
  await createPublishedCase(slug, {
    title,
    versions: [
      {
        changeNote: "First",
        measures: [
          { label: "Face-to-face time", unit: "percent", direction: "higher_is_better", beforeValue: 46, afterValue: 60 },
          { label: "Referrals", unit: "count", direction: "lower_is_better", reportedChange: -41 },
          { label: "Assessments", unit: "count", direction: "lower_is_better", beforeValue: 200, afterValue: 72 },
          { label: "Hours", unit: "hours", direction: "lower_is_better", beforeValue: 100, afterValue: 86 },
        ],
      },
    ],
  });
  // A free-text search is never cached, so the new case is there at once.
  await page.goto(`/cases?q=${encodeURIComponent(slug)}`);
  const card = page.getByTestId("case-list-item").filter({ hasText: title });
  await expect(card).toHaveCount(1);

  const figures = card.getByTestId("card-figure");
  await expect(figures).toHaveCount(3); // the first three; the fourth is counted
  await expect(figures.nth(0)).toContainText("Face-to-face time");
  await expect(figures.nth(0)).toContainText("46% → 60%");
  await expect(figures.nth(0)).toContainText("+14 pp");
  await expect(figures.nth(0)).toContainText("improved");
  await expect(figures.nth(1)).toContainText("−41%");
  await expect(figures.nth(1)).not.toContainText("→"); // a reported change alone: no values invented
  await expect(figures.nth(2)).toContainText("200 → 72");
  await expect(card).toContainText("and 1 more figure on the case page");
  // Level 1 (before and after), one case: the overview's rule gives no padlocks.
  await expect(card.getByTestId("card-evidence")).toContainText("Evidence rating");
  await expect(card.getByTestId("padlocks")).toHaveAttribute("data-count", "0");
  await expect(card.getByTestId("padlocks")).toContainText("0 of 5");

  // The same words as the case page's headline cards.
  const cardLead = (await figures.nth(0).locator("dd span").first().textContent())!.trim();
  await card.getByRole("link", { name: title }).click();
  await expect(page.getByTestId("headline-pair").first()).toHaveText(cardLead);
});

test("the reference case's card: reported-only changes as reported, the percentages before → after", async ({ page }) => {
  await page.goto("/cases?q=integrated");
  const card = page.getByTestId("case-list-item").filter({ hasText: "Integrated health & social care" });
  await expect(card.getByTestId("card-figure").first()).toContainText("−64%");
  await expect(card.getByTestId("padlocks")).toBeVisible();
});

test("axe: no serious or critical violations on the case index with its cards", async ({ page }) => {
  await page.goto("/cases");
  await expect(page.getByTestId("card-figure").first()).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
