import { randomUUID } from "node:crypto";
import { openMeasureDetails } from "./support/measure-editor";
import { expect, test, type Locator, type Page } from "./support/test";
import Papa from "papaparse";
import { CASE_VALUES, toCsvText } from "../lib/domain/csv/test-rows";
import { createUser, ensureOrganisation, signIn } from "./support/users";

// Issue 16: every figure as its source states it. A measure with its own
// source and sentence, a denominator, a weekly rate, a "more than" qualifier,
// a fraction in words and a months unit is entered in the editor and by CSV,
// published, and read on the public page, the embed and both downloads.

const OWN_SOURCE = { citation: "Council cabinet report, June 2020", url: "https://example.org/cabinet-june-2020" };
const QUOTE = "New people requiring long-term care fell from 7.2 to 5.5 people per week.";
// How the page states each figure: value, unit, basis, denominator, qualifier and words.
const EXPECTED = {
  weekly: "7.2 per week",
  fraction: "a third (about 33.33% of requests) → a quarter (25% of requests)",
  moreThan: "more than +£140,000,000 since 2011",
  months: "less than 2 months",
};

async function publishFromWorkspace(page: Page) {
  await page.getByRole("button", { name: "Review and publish…" }).click();
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByTestId("publish-result")).toHaveText("Published as version 1.");
}

async function readEverywhere(page: Page, slug: string) {
  const reader = await (await page.context().browser()!.newContext()).newPage();
  await expect(async () => {
    expect((await reader.goto(`/cases/${slug}`))?.status()).toBe(200);
  }).toPass({ timeout: 15_000 });
  const table = reader.getByTestId("measures-table");
  await expect(table).toContainText(EXPECTED.weekly);
  await expect(table).toContainText("a third (about 33.33% of requests)");
  await expect(table).toContainText("a quarter (25% of requests)");
  await expect(table).toContainText(EXPECTED.moreThan);
  await expect(table).toContainText(EXPECTED.months);
  const source = reader.getByTestId("measure-source");
  await expect(source).toContainText(OWN_SOURCE.citation);
  await expect(source.getByRole("link")).toHaveAttribute("href", OWN_SOURCE.url);
  await reader.getByText("The source's words").first().click();
  await expect(reader.getByTestId("measure-quote").first()).toHaveText(`“${QUOTE}”`);

  await reader.goto(`/embed/cases/${slug}`);
  const embed = reader.getByTestId("embed-figures");
  await embed.getByText("Every figure, with its source").click();
  await expect(embed).toContainText(QUOTE);
  await expect(embed).toContainText(EXPECTED.moreThan);
  await expect(embed).toContainText(EXPECTED.months);
  await expect(embed.getByRole("link", { name: OWN_SOURCE.citation })).toHaveAttribute("href", OWN_SOURCE.url);

  const csv = await reader.request.get(`/downloads/cases/${slug}.csv`);
  const rows = Papa.parse<Record<string, string>>((await csv.text()).replace(/^\uFEFF/, ""), { header: true }).data.filter(
    (r) => r.case_slug,
  );
  const byLabel = (label: string) => rows.find((r) => r.measure_label === label)!;
  expect(byLabel("People needing long-term care")).toMatchObject({
    rate_basis: "per week",
    measure_source_citation: OWN_SOURCE.citation,
    measure_source_url: OWN_SOURCE.url,
    quote: QUOTE,
  });
  expect(byLabel("Repeat requests")).toMatchObject({
    before_words: "a third",
    after_words: "a quarter",
    before_qualifier: "about",
    denominator: "of requests",
  });
  expect(byLabel("Savings")).toMatchObject({
    reported_change_qualifier: "more_than",
    reported_change_basis: "absolute",
    rate_basis: "since 2011",
  });
  expect(byLabel("Time to first contact")).toMatchObject({ unit: "months", after_qualifier: "less_than", after_value: "2" });
  const json = await (await reader.request.get(`/downloads/cases/${slug}.json`)).json();
  const measures = json.case.measures as Array<Record<string, unknown>>;
  expect(measures.find((m) => m.measure_label === "People needing long-term care")).toMatchObject({
    quote: QUOTE,
    measure_source_url: OWN_SOURCE.url,
  });
  expect(measures.find((m) => m.measure_label === "Repeat requests")).toMatchObject({ before_words: "a third" });
  expect(measures.find((m) => m.measure_label === "Time to first contact")).toMatchObject({ unit: "months", after_qualifier: "less_than" });
}

async function fill(editor: Locator, label: string, value: string) {
  await editor.getByLabel(label, { exact: true }).fill(value);
}

test("entered in the editor: own source, quote, denominator, weekly rate, more than, a fraction in words, months", async ({ page }) => {
  test.setTimeout(120_000);
  const analyst = await createUser({ role: "analyst" });
  await signIn(page, analyst);
  const slug = `as-stated-${randomUUID().slice(0, 8)}`;
  await page.goto("/workspace/cases/new");
  await page.getByLabel("Title", { exact: true }).fill(`Figures as stated ${slug}`);
  await page.getByLabel("Web address (slug)").fill(slug);
  await page.getByLabel("Source citation").fill("Story of change, 2021");

  const add = async (i: number) => {
    await page.getByRole("button", { name: "Add a measure" }).click();
    return page.getByTestId("measure-editor").nth(i);
  };
  const weekly = await add(0);
  await fill(weekly, "Name", "People needing long-term care");
  await weekly.getByLabel("Unit").selectOption({ label: "Rate (per …)" });
  await fill(weekly, "Rate per", "per week");
  await fill(weekly, "Before", "7.2");
  await fill(weekly, "After", "5.5");
  await openMeasureDetails(weekly);
  await fill(weekly, "Measure's own source (if different)", OWN_SOURCE.citation);
  await fill(weekly, "Source web address", OWN_SOURCE.url);
  await fill(weekly, "The source's sentence, word for word", QUOTE);

  const fraction = await add(1);
  await fill(fraction, "Name", "Repeat requests");
  await fraction.getByLabel("Unit").selectOption({ label: "Percent (%)" });
  await openMeasureDetails(fraction);
  await fill(fraction, "Out of (optional)", "of requests");
  await fill(fraction, "Before", "33.333333");
  await fraction.getByLabel("Before is").selectOption({ label: "about" });
  await fill(fraction, "After", "25");
  await fill(fraction, "Before in words (optional)", "a third");
  await fill(fraction, "After in words (optional)", "a quarter");

  const moreThan = await add(2);
  await fill(moreThan, "Name", "Savings");
  await moreThan.getByLabel("Unit").selectOption({ label: "Money (£)" });
  await moreThan.getByLabel("Better when").selectOption({ label: "Higher is better" });
  await fill(moreThan, "Per or over (optional)", "since 2011");
  await fill(moreThan, "Reported change", "140000000");
  await openMeasureDetails(moreThan);
  await moreThan.getByLabel("Reported in").selectOption({ label: "the measure's own unit (e.g. £, people)" });
  await moreThan.getByLabel("Size is").selectOption({ label: "more than" });

  const months = await add(3);
  await fill(months, "Name", "Time to first contact");
  await months.getByLabel("Unit").selectOption({ label: "Months" });
  await fill(months, "After", "2");
  await openMeasureDetails(months);
  await months.getByLabel("After is").selectOption({ label: "less than" });
  await expect(months.getByTestId("measure-preview")).toContainText("after: less than 2 months");

  await page.getByRole("button", { name: "Create case" }).click();
  await expect(page.getByText("Case created as a draft.")).toBeVisible();
  await publishFromWorkspace(page);
  await readEverywhere(page, slug);
});

test("imported by CSV: the preview shows the qualifiers, wording and the figure as it will be published", async ({ page }) => {
  test.setTimeout(120_000);
  const id = randomUUID().slice(0, 8);
  const organisationSlug = `as-stated-${id}`;
  await ensureOrganisation(organisationSlug);
  const analyst = await createUser({ role: "analyst", organisationSlug });
  const slug = `as-stated-csv-${id}`;
  const base = { ...CASE_VALUES, case_slug: slug, case_title: `Figures as stated ${slug}`, organisation_slug: organisationSlug };
  const csv = toCsvText([
    {
      ...base,
      measure_label: "People needing long-term care",
      unit: "rate",
      rate_basis: "per week",
      direction: "lower_is_better",
      before: "7.2",
      after: "5.5",
      measure_source_citation: OWN_SOURCE.citation,
      measure_source_url: OWN_SOURCE.url,
      quote: QUOTE,
    },
    {
      ...base,
      measure_label: "Repeat requests",
      unit: "percent",
      denominator: "of requests",
      direction: "lower_is_better",
      before: "33.333333",
      before_qualifier: "about",
      before_words: "a third",
      after: "25",
      after_words: "a quarter",
    },
    {
      ...base,
      measure_label: "Savings",
      unit: "money",
      rate_basis: "since 2011",
      direction: "higher_is_better",
      reported_change: "140000000",
      reported_change_basis: "absolute",
      reported_change_qualifier: "more_than",
    },
    {
      ...base,
      measure_label: "Time to first contact",
      unit: "months",
      direction: "lower_is_better",
      after: "2",
      after_qualifier: "less_than",
    },
  ]);
  await signIn(page, analyst, "/workspace/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "as-stated.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await expect(page.getByTestId("import-preview-message")).toHaveText("The file is ready to import. Nothing has been imported yet.");
  await expect(page.locator('[data-row="4"]').getByTestId("preview-wording")).toContainText("change: more_than");
  await expect(page.locator('[data-row="4"]').getByTestId("preview-published")).toContainText(EXPECTED.moreThan);
  await expect(page.locator('[data-row="3"]').getByTestId("preview-wording")).toContainText("before in words: a third");
  await page.getByRole("button", { name: "Import 1 case" }).click();
  await expect(page.getByTestId("import-result")).toContainText("1 created");
  await page.goto("/workspace");
  await page.getByRole("link", { name: `Figures as stated ${slug}` }).click();
  await publishFromWorkspace(page);
  await readEverywhere(page, slug);
});
