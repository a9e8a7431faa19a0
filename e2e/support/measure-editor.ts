import type { Locator } from "@playwright/test";

/**
 * Opens a measure block's "More about this figure" disclosure unless it is
 * open already (it opens by itself when a field behind it holds a value).
 */
export async function openMeasureDetails(measure: Locator): Promise<void> {
  const more = measure.getByTestId("measure-more");
  if (!(await more.evaluate((d) => (d as HTMLDetailsElement).open))) await more.locator("summary").click();
}
