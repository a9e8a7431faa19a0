import http from "node:http";
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createPrismaClient } from "../lib/prisma-client";
import { createPublishedCase, uniqueSlug, unpublishCase } from "./support/factories";
import { freePort, startInstance, startRedis, type Instance, type RedisServer } from "./support/instances";
import { createUser, signIn } from "./support/users";

// Issue 19.1 and 12: once the analyst sees "Unpublished", no server process of
// any instance serves the case on any public address; and with REDIS_URL, a
// second instance follows a publish or unpublish made on the first within 2 s.

type Answer = { status: number; body: string; cache: string | undefined };

/** One GET over a new connection (the cluster hands each connection to the next worker). */
function fresh(baseURL: string, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(path, baseURL), { agent: false }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, cache: res.headers["x-nextjs-cache"] as string | undefined }));
      })
      .on("error", reject);
  });
}

interface PublicCase {
  slug: string;
  id: string;
  orgSlug: string;
  typeKey: string;
}

/** A case with a series, of a measure type of its own (so the explorer's list is this test's), ready to publish again. */
async function publishedCase(): Promise<PublicCase> {
  const slug = uniqueSlug("e2e-withdraw");
  const typeKey = `e2e-withdraw-${randomUUID().slice(0, 8)}`;
  const prisma = createPrismaClient();
  try {
    await prisma.measureType.create({
      data: {
        key: typeKey,
        name: `Withdraw ${typeKey}`,
        definition: "Test",
        countingUnit: "contact",
        unit: "count",
        direction: "lower_is_better",
        category: "failure_demand",
      },
    });
  } finally {
    await prisma.$disconnect();
  }
  const values = [50, 52, 49, 51, 50, 53, 48, 51, 50, 52, 49, 51, 40, 41, 39, 42, 40, 41, 39, 40];
  await createPublishedCase(slug, {
    interventionDate: "2024-01-01",
    versions: [
      {
        changeNote: "First published version",
        measures: [
          {
            label: "Failure demand contacts",
            unit: "count",
            direction: "lower_is_better",
            beforeValue: 50,
            afterValue: 40,
            measureTypeKey: typeKey,
            series: values.map((value, i) => ({ date: new Date(Date.UTC(2023, i, 1)).toISOString().slice(0, 10), value })),
          },
        ],
      },
    ],
  });
  // Withdrawn, with its published version kept: the test publishes it through the workspace.
  await unpublishCase(slug);
  const db = createPrismaClient();
  try {
    const c = await db.caseStudy.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    return { slug, id: c.id, orgSlug: `e2e-org-${slug}`.slice(0, 60), typeKey };
  } finally {
    await db.$disconnect();
  }
}

/** Every public address that shows the case: its own pages answer 404 once withdrawn; the lists stop naming it. */
function addresses({ slug, typeKey }: PublicCase) {
  return {
    own: [
      `/cases/${slug}`,
      `/cases/${slug}/v/1`,
      `/cases/${slug}/v/1/series/1`,
      `/embed/cases/${slug}`,
      `/embed/cases/${slug}?series=1`,
      `/downloads/cases/${slug}.csv`,
      `/downloads/cases/${slug}.json`,
      `/cases/${slug}/opengraph-image`,
    ],
    lists: [
      "/sitemap.xml",
      "/downloads/reform-metrics-cases.csv",
      "/downloads/reform-metrics-cases.json",
      `/measures/${typeKey}`,
      `/cases?measure=${typeKey}`,
      `/cases?q=${slug}`,
    ],
    // Lists that may or may not show a new case at all (first page, newest first): only checked for absence.
    other: ["/", "/cases"],
  };
}

/**
 * Reads every address twice in a row over fresh connections (the cluster hands
 * consecutive connections to its two workers in turn), so every worker caches
 * it; checks the case is there.
 */
async function warm(baseURL: string, c: PublicCase, times = 2) {
  const a = addresses(c);
  for (const path of a.own) {
    for (let i = 0; i < times; i++) expect((await fresh(baseURL, path)).status, `${baseURL}${path}`).toBe(200);
  }
  for (const path of a.lists) {
    for (let i = 0; i < times; i++) expect(names(path, (await fresh(baseURL, path)).body, c.slug), `${baseURL}${path}`).toBe(true);
  }
  for (const path of a.other) {
    for (let i = 0; i < times; i++) expect((await fresh(baseURL, path)).status, `${baseURL}${path}`).toBe(200);
  }
}

/** Whether a list still shows the case: a search page repeats its words, so there only a link to the case counts. */
function names(path: string, body: string, slug: string): boolean {
  return path.includes("q=") ? body.includes(`href="/cases/${slug}"`) : body.includes(slug);
}

/** Polls every address from the moment it is called for `forMs`: returns every answer that still showed the case. */
async function leaks(baseURLs: string[], c: PublicCase, forMs = 2000): Promise<string[]> {
  const a = addresses(c);
  const found: string[] = [];
  const until = Date.now() + forMs;
  let round = 0;
  do {
    for (const baseURL of baseURLs) {
      await Promise.all([
        ...a.own.map(async (path) => {
          const r = await fresh(baseURL, path);
          if (r.status !== 404) found.push(`round ${round}: ${baseURL}${path} answered ${r.status}`);
        }),
        ...[...a.lists, ...a.other].map(async (path) => {
          const r = await fresh(baseURL, path);
          if (r.status >= 500 || names(path, r.body, c.slug))
            found.push(`round ${round}: ${baseURL}${path} (${r.status}) still names the case`);
        }),
      ]);
    }
    round++;
  } while (Date.now() < until);
  return found;
}

async function analystPage(browser: Browser, baseURL: string, c: PublicCase) {
  const analyst = await createUser({ role: "analyst", organisationSlug: c.orgSlug });
  const page = await (await browser.newContext({ baseURL })).newPage();
  await signIn(page, analyst);
  await page.goto(`/workspace/cases/${c.id}`);
  return page;
}

/**
 * Publishes through the workspace, as an analyst does: the action expires
 * every list a case appears in (lists cached before the case was written to
 * the database would otherwise not show it).
 */
async function publishAgain(page: Page) {
  await page.reload();
  await page.getByRole("button", { name: "Review and publish…" }).click();
  await page.getByRole("button", { name: "Publish again" }).click();
  await expect(page.getByTestId("publish-result")).toContainText("Published");
}

test("unpublishing takes effect before the action answers: no worker serves any of the case's addresses from 0 s", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const c = await publishedCase();
  const page = await analystPage(browser, baseURL!, c);
  await publishAgain(page);
  await warm(baseURL!, c);
  await page.reload();
  await page.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByTestId("status-result")).toContainText("Unpublished");
  expect(await leaks([baseURL!], c)).toEqual([]);
});

test.describe("two instances sharing one Redis and one PostgreSQL", () => {
  test.describe.configure({ mode: "serial" });
  let redis: RedisServer;
  let a: Instance;
  let b: Instance;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const base = Number(process.env.E2E_PORT ?? 3100);
    redis = await startRedis(await freePort(base + 6190 > 65000 ? 6390 : Math.max(6390, base + 2189)));
    const env = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: `e2e-${randomUUID().slice(0, 8)}:` };
    a = await startInstance(await freePort(base + 20), env);
    b = await startInstance(await freePort(a.port + 1), env);
  });

  test.afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  test("an unpublish on one instance reaches the other at once, and a publish within 2 s", async ({ browser }) => {
    test.setTimeout(300_000);
    const c = await publishedCase();
    const page = await analystPage(browser, a.baseURL, c);
    await publishAgain(page);
    await warm(a.baseURL, c, 1);
    await warm(b.baseURL, c, 1);
    expect((await fresh(b.baseURL, `/cases/${c.slug}`)).cache).toBe("HIT");

    await page.reload();
    await page.getByRole("button", { name: "Unpublish" }).click();
    await expect(page.getByTestId("status-result")).toContainText("Unpublished");
    expect(await leaks([b.baseURL, a.baseURL], c)).toEqual([]);

    // Published again on A: B serves it within 2 s, over fresh connections.
    await publishAgain(page);
    const published = Date.now();
    await expect(async () => {
      expect((await fresh(b.baseURL, `/cases/${c.slug}`)).status).toBe(200);
      expect((await fresh(b.baseURL, "/sitemap.xml")).body).toContain(c.slug);
    }).toPass({ timeout: 2000, intervals: [50] });
    expect(Date.now() - published).toBeLessThan(2000);
  });

  test("with Redis stopped under load, pages are still served (no 5xx), and caching resumes when it returns", async () => {
    test.setTimeout(300_000);
    // Published and left so (publishedCase() withdraws its case for the workspace to publish again).
    const c = { slug: uniqueSlug("e2e-redis-down") };
    await createPublishedCase(c.slug);
    // (Lists cached before this case was written straight to the database do not show it: only its own pages are checked for it.)
    for (let n = 0; n < 2; n++) expect((await fresh(b.baseURL, `/cases/${c.slug}`)).status).toBe(200);
    const paths = [`/cases/${c.slug}`, "/cases", "/sitemap.xml", `/embed/cases/${c.slug}`, "/measures"];
    // Warm both instances first, so the load measures serving, not the first render of each route.
    for (const baseURL of [a.baseURL, b.baseURL]) for (const path of paths) expect((await fresh(baseURL, path)).status).toBe(200);
    type Phase = "before" | "down" | "after";
    let phase: Phase = "before";
    const statuses: Record<Phase, Record<number, number>> = { before: {}, down: {}, after: {} };
    let running = true;
    const load = Array.from({ length: 6 }, async (_, i) => {
      for (let n = 0; running; n++) {
        const at = phase;
        const r = await fresh(n % 2 ? a.baseURL : b.baseURL, paths[(i + n) % paths.length]!);
        statuses[at][r.status] = (statuses[at][r.status] ?? 0) + 1;
      }
    });
    await new Promise((r) => setTimeout(r, 1000));
    await redis.stop();
    phase = "down";
    await new Promise((r) => setTimeout(r, 4000));
    await redis.start();
    phase = "after";
    await new Promise((r) => setTimeout(r, 3000));
    running = false;
    await Promise.all(load);
    const seen = JSON.stringify(statuses);
    console.log(`[redis-down] answers by phase and status: ${seen}`);
    const count = (at: Phase, ok: (status: number) => boolean) =>
      Object.entries(statuses[at]).reduce((sum, [status, n]) => sum + (ok(Number(status)) ? n : 0), 0);
    for (const at of ["before", "down", "after"] as const)
      expect(
        count(at, (s) => s >= 500),
        seen,
      ).toBe(0);
    // Requests started while Redis was down were answered, from PostgreSQL or the process's memory.
    expect(
      count("down", (s) => s === 200),
      seen,
    ).toBeGreaterThanOrEqual(6);
    expect(count("before", () => true) + count("down", () => true) + count("after", () => true), seen).toBeGreaterThan(20);
    expect(b.output()).toContain("Redis is unreachable");
    expect(b.output()).toContain("Redis is reachable again");
    // Caching resumes: the page is rendered once into Redis, then served from the cache.
    await expect(async () => {
      await fresh(b.baseURL, `/cases/${c.slug}`);
      expect((await fresh(b.baseURL, `/cases/${c.slug}`)).cache).toBe("HIT");
    }).toPass({ timeout: 10_000 });
  });
});
