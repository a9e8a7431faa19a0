import { openMeasureDetails } from "./support/measure-editor";
import { expect, test, type Locator, type Page } from "./support/test";
import Papa from "papaparse";
import { uniqueSlug } from "./support/factories";
import { createUser, signIn } from "./support/users";

// Issue 11, as an analyst would enter a real evaluation: a result against a
// matched comparison group with its confidence interval, a
// difference-in-differences from four figures, and a finding in words. Then
// as a reader: the public page, the measure explorer and the downloads.

async function addMeasure(page: Page, index: number): Promise<Locator> {
  await page.getByRole("button", { name: "Add a measure" }).click();
  return page.getByTestId("measure-editor").nth(index);
}

test("an analyst enters a comparison group with an interval, a DiD and a finding in words; readers see them on the page, the explorer and the downloads", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const analyst = await createUser({ role: "analyst" });
  await signIn(page, analyst);
  const title = `Care homes ${uniqueSlug("e2e")}`;
  await page.goto("/workspace/cases/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Source citation").fill("Improvement Analytics Unit, evaluation report, 2019");
  await page.getByLabel("Reporting organisation (optional)").fill("The Health Foundation");

  // 1. Against a matched comparison group, with the source's 95% interval.
  const matched = await addMeasure(page, 0);
  await matched.getByLabel("Measure type").selectOption({ label: "Emergency admissions" });
  await openMeasureDetails(matched);
  await matched.getByLabel("How the figure was arrived at").selectOption({ label: "Against a comparison group" });
  await matched.getByLabel("Comparison group", { exact: true }).selectOption({ label: "Matched comparison group" });
  await matched.getByLabel("The comparison group as the source describes it").fill("Matched residents of similar care homes");
  await matched.getByLabel("Reform group at follow-up", { exact: true }).fill("88");
  await matched.getByLabel("Comparison group at follow-up", { exact: true }).fill("100");
  await matched.getByLabel("Reported difference from the comparison group").fill("-12");
  // The bounds first entered the wrong way round: the form says so beside the field.
  await matched.getByLabel("Interval: lower bound").fill("5");
  await matched.getByLabel("Interval: upper bound").fill("19");

  // 2. A difference-in-differences from the four figures.
  const did = await addMeasure(page, 1);
  await did.getByLabel("Name").fill("Outpatient attendances");
  await openMeasureDetails(did);
  await did.getByLabel("How the figure was arrived at").selectOption({ label: "Difference-in-differences" });
  await did.getByLabel("Comparison group", { exact: true }).selectOption({ label: "Comparison site" });
  await did.getByLabel("The comparison group as the source describes it").fill("A neighbouring borough");
  await did.getByLabel("Reform group before", { exact: true }).fill("200");
  await did.getByLabel("Reform group after", { exact: true }).fill("150");
  await did.getByLabel("Comparison group before", { exact: true }).fill("100");
  await did.getByLabel("Comparison group at follow-up", { exact: true }).fill("90");
  // The preview uses the same arithmetic as the page: the ratio of ratios, (0.75 ÷ 0.9 − 1) = −16.7%.
  await expect(did.getByTestId("measure-preview")).toContainText(
    "16.7% fewer than the change in a comparison site would give (difference-in-differences)",
  );

  // 3. A finding in words: no number, a direction and the source's sentence.
  const words = await addMeasure(page, 2);
  await words.getByLabel("Name").fill("Readmissions");
  await openMeasureDetails(words);
  await words.getByLabel("What the source found").selectOption({ label: "No clear difference" });

  await page.getByRole("button", { name: "Create case" }).click();
  await expect(page.getByTestId("form-error")).toContainText("Some answers need correcting");
  await expect(matched.getByText("The estimate must lie within its interval")).toBeVisible();
  await expect(words.getByText("A finding in words needs the source's own sentence")).toBeVisible();
  await matched.getByLabel("Interval: lower bound").fill("-19");
  await matched.getByLabel("Interval: upper bound").fill("-5");
  await words.getByLabel("The source's sentence, word for word").fill("There was no significant difference in readmissions.");
  await expect(matched.getByTestId("measure-preview")).toContainText("12% fewer than a matched comparison group (95% CI 5–19%)");
  await page.getByRole("button", { name: "Create case" }).click();
  await expect(page.getByText("Case created as a draft.")).toBeVisible();
  const slug = await page.getByLabel("Web address (slug)").inputValue();
  await page.getByRole("button", { name: "Review and publish…" }).click();
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByTestId("publish-result")).toHaveText("Published as version 1.");

  // The public page states each figure with its design, in plain words.
  const reader = await (await browser.newContext()).newPage();
  await expect(async () => {
    await reader.goto(`/cases/${slug}`);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const changes = reader.getByTestId("measure-change");
  await expect(changes.nth(0)).toHaveText("12% fewer than a matched comparison group (95% CI 5–19%)");
  await expect(changes.nth(1)).toHaveText("16.7% fewer than the change in a comparison site would give (difference-in-differences)");
  await expect(reader.getByTestId("headline-design").first()).toContainText("matched comparison group");
  const finding = reader.getByTestId("findings-in-words");
  await expect(finding).toContainText("Readmissions");
  await expect(finding).toContainText("No clear difference");
  await expect(finding).toContainText("There was no significant difference in readmissions.");
  // The chart marks the controlled figures and draws the interval as a whisker.
  await expect(reader.getByTestId("change-chart")).toContainText("vs comparison");
  await expect(reader.getByTestId("change-chart").locator(".recharts-errorBar")).toHaveCount(1);
  await expect(reader.getByTestId("case-summary")).toContainText("2 figures compare the reform with a group that did not have it");
  await expect(reader.getByTestId("design-mix")).toContainText("Against a comparison group: 1 figure");

  // The explorer shows the controlled figure with its interval, and filters by design.
  await expect(async () => {
    await reader.goto("/measures/emergency-admissions?design=controlled");
    await expect(reader.getByTestId("explorer-table")).toContainText(title, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(reader.getByTestId("forest-plot")).toBeVisible();
  await expect(reader.getByTestId("explorer-design").first()).toContainText("Against a comparison group");
  await reader.goto("/measures/emergency-admissions?design=before_after");
  await expect(reader.getByText(title)).toHaveCount(0);

  // The downloads carry every new field.
  const csv = await reader.request.get(`/downloads/cases/${slug}.csv`);
  expect(csv.status()).toBe(200);
  const rows = Papa.parse<Record<string, string>>((await csv.text()).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
  expect(rows).toHaveLength(3);
  expect(rows[0]).toMatchObject({
    design: "comparison_group",
    comparison_kind: "matched_control",
    comparison_description: "Matched residents of similar care homes",
    estimate: "-12",
    ci_lower: "-19",
    ci_upper: "-5",
    ci_level: "95",
    figure_evidence_level: "3",
    outcome: "improved",
  });
  expect(rows[1]).toMatchObject({ design: "difference_in_differences", comparison_before: "100", comparison_after: "90" });
  expect(Number(rows[1]!.estimate)).toBeCloseTo((0.75 / 0.9 - 1) * 100, 5);
  expect(rows[2]).toMatchObject({ finding_direction: "no_clear_difference", pool_status: "words", estimate: "" });
  const json = await (await reader.request.get(`/downloads/cases/${slug}.json`)).json();
  expect(json.case.reporting_organisation).toBe("The Health Foundation");
  expect(json.case.measures[0]).toMatchObject({ design: "comparison_group", ci_lower: -19, ci_upper: -5, estimate_source: "reported" });
  expect(json.case.measures[2]).toMatchObject({
    finding_direction: "no_clear_difference",
    quote: "There was no significant difference in readmissions.",
  });
});

test("the data page documents the new columns, naming the comparison group and the confidence interval", async ({ page }) => {
  await page.goto("/data");
  for (const column of ["design", "comparison_kind", "comparison_description", "ci_lower", "ci_upper", "finding_direction", "quote"]) {
    await expect(page.getByRole("rowheader", { name: column, exact: true })).toBeVisible();
  }
  const row = (name: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(row("comparison_description")).toContainText("comparison group");
  await expect(row("ci_lower")).toContainText("confidence interval");
});

test("a newcomer sees the real published cases, with their sources and the source's own sentences", async ({ page }) => {
  await page.goto("/cases/rushcliffe-principia-enhanced-care-home-support");
  await expect(page.getByTestId("measure-change").first()).toHaveText("29% lower than a matched comparison group (95% CI 11–43%)");
  await page.getByText("The source's words").first().click();
  await expect(page.getByTestId("measure-quote").first()).toContainText("29% less often than the matched comparison group");
  await page.goto("/cases/troubled-families-phase-one-national-impact");
  await expect(page.getByTestId("findings-in-words")).toContainText("No clear difference");
});
