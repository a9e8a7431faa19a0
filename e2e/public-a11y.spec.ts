import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/test";

const PAGES = [
  "/",
  "/cases",
  "/cases?q=referrals&sector=health_and_social_care&sort=title",
  "/cases/integrated-health-and-social-care",
  "/cases/integrated-health-and-social-care/v/1",
  "/cases/westmoor-early-help",
  "/cases/riverton-neighbourhood-health-teams",
  "/embed/cases/integrated-health-and-social-care",
  "/embed/cases/northshire-adult-social-care-front-door", // with an SPC chart (issue 18)
  "/data",
  "/cases/no-such-case",
];

for (const path of PAGES) {
  test(`axe: no serious or critical violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}
