import { expect, test } from "./support/test";
import { createPublishedCase, uniqueSlug, unpublishCase } from "./support/factories";

// The case is withdrawn before any public page has cached it: these tests check
// what the public side serves for an unpublished case. Cache expiry on a real
// unpublish goes through revalidatePublicCase, called by the workspace action
// (see e2e/workspace-editor.spec.ts, "publishing … updates the public page").
test("an unpublished case is 404 on its page, versions, embed, downloads and social card, and absent from the sitemap", async ({
  request,
}) => {
  const slug = uniqueSlug("withdrawn");
  await createPublishedCase(slug);
  await unpublishCase(slug);
  for (const path of [
    `/cases/${slug}`,
    `/cases/${slug}/v/1`,
    `/embed/cases/${slug}`,
    `/downloads/cases/${slug}.csv`,
    `/downloads/cases/${slug}.json`,
    `/cases/${slug}/opengraph-image`,
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain("/cases/integrated-health-and-social-care</loc>");
  expect(sitemap).not.toContain(slug);
  const all = await (await request.get("/downloads/reform-metrics-cases.csv")).text();
  expect(all).not.toContain(slug);
});

test("robots.txt points at the sitemap and keeps crawlers out of the workspace", async ({ request }) => {
  const text = await (await request.get("/robots.txt")).text();
  expect(text).toMatch(/Sitemap: http.*\/sitemap\.xml/);
  expect(text).toContain("Disallow: /workspace");
});
