import { expect, test } from "./support/test";
import Papa from "papaparse";
import { createPublishedCase, uniqueSlug } from "./support/factories";

const SLUG = "integrated-health-and-social-care";

function parseCsv(text: string): Array<Record<string, string>> {
  expect(text.startsWith("\uFEFF")).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true, delimiter: "," });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

// The CSV escapes a leading = + - @ with a quote (formula injection); undo it to compare.
const unescape = (cell: string) => cell.replace(/^'(?=[=+\-@\t\r])/, "");

test("the case CSV parses and matches the page, with its citation", async ({ page, request }) => {
  await page.goto(`/cases/${SLUG}`);
  const labels = await page.getByTestId("measure-row").getByRole("rowheader").allTextContents();
  const changes = await page.getByTestId("measure-change").allTextContents();
  const citation = await page.getByTestId("citation").inputValue();

  const response = await request.get(`/downloads/cases/${SLUG}.csv`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toBe(`attachment; filename="reform-metrics-${SLUG}-v1.csv"`);
  const rows = parseCsv(await response.text());
  expect(rows.map((r) => r.measure_label)).toEqual(labels);
  expect(rows.map((r) => unescape(r.change_as_shown!))).toEqual(changes);
  expect(rows.every((r) => r.citation === citation)).toBe(true);
  // Reported-only figures: no invented raw values.
  expect(rows.slice(0, 4).map((r) => [r.before_value, r.after_value, r.reported_only])).toEqual(Array(4).fill(["", "", "true"]));
  expect(rows[2]).toMatchObject({ reported_change: "-41", reported_change_basis: "percent", outcome: "improved" });
  expect(rows[4]).toMatchObject({
    before_value: "46",
    after_value: "60",
    percentage_point_change: "14",
    relative_change_percent: "30.434783",
  });
});

test("the case JSON has a top-level citation and the same measures", async ({ request }) => {
  const response = await request.get(`/downloads/cases/${SLUG}.json`);
  expect(response.status()).toBe(200);
  const doc = await response.json();
  expect(doc.schema).toBe("reform-metrics-public-1");
  expect(doc.citation).toMatch(/Integrated health & social care\. Reform Metrics case study, version 1/);
  expect(doc.case.case_slug).toBe(SLUG);
  expect(doc.case.measures).toHaveLength(6);
  expect(doc.case.measures[5]).toMatchObject({
    measure_label: "Demand returning into the system (failure demand)",
    before_value: 71,
    after_value: 0,
  });
});

test("the all-data files list every published case and neutralise formulas", async ({ request }) => {
  const slug = uniqueSlug("formula");
  await createPublishedCase(slug, {
    versions: [
      {
        changeNote: "First",
        measures: [
          { label: '=HYPERLINK("http://evil.example","x")', unit: "count", direction: "lower_is_better", beforeValue: 3, afterValue: 2 },
        ],
      },
    ],
  });
  // One case's file is read fresh, so the new case is in it.
  const rows = parseCsv(await (await request.get(`/downloads/cases/${slug}.csv`)).text());
  expect(rows[0]!.measure_label).toBe(`'=HYPERLINK("http://evil.example","x")`);

  const all = parseCsv(await (await request.get("/downloads/reform-metrics-cases.csv")).text());
  expect(all.filter((r) => r.case_slug === SLUG)).toHaveLength(6);
  expect(new Set(all.map((r) => r.is_fictional_example))).toEqual(new Set(["true", "false"]));
  const json = await (await request.get("/downloads/reform-metrics-cases.json")).json();
  expect(json.citation).toMatch(/^Reform Metrics: published before-and-after results/);
  expect(json.cases.length).toBeGreaterThanOrEqual(5);
});

test("the data page documents every column of the download", async ({ page, request }) => {
  await page.goto("/data");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Download the data");
  const documented = await page.getByTestId("column-table").getByRole("rowheader").allTextContents();
  const header = Papa.parse<string[]>((await (await request.get(`/downloads/cases/${SLUG}.csv`)).text()).slice(1), { delimiter: "," })
    .data[0];
  expect(documented).toEqual(header);
});
