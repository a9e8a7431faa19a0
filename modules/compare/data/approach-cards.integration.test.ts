import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { describeDistribution } from "@/lib/domain/pooling";
import { caseInputSchema } from "@/lib/schemas/case";
import { seed } from "@/prisma/seed";
import { changeCaseStatus, createCase, publishCase, saveDraft } from "@/modules/workspace/data/case-drafts";
import { getCaseForEditor } from "@/modules/workspace/data/workspace-cases";
import { buildBoardRows, groupBoardRows } from "../present/board-matrix";
import { computeApproachCards, getApproachCards, type ApproachCard } from "./approach-cards";
import { NO_FILTERS } from "./approach-card-summary";
import { listApproachFigures } from "./approach-overview";
import { getBoardSummary } from "./board-summary";

// The approach cards (issue 14): the stored summaries that the unfiltered
// view reads equal the live aggregate after every publish, unpublish and
// archive; the cards' statistics equal the domain's over the cases' figures;
// and the board summary lists an organisation's published measures.

const prisma = db();
let analyst: CurrentUser;
let orgId: string;

const round = (cards: ApproachCard[]) =>
  JSON.parse(JSON.stringify(cards), (_, v: unknown) => (typeof v === "number" ? Number(v.toFixed(9)) : v)) as ApproachCard[];
const byKey = (cards: ApproachCard[]) => round(cards).sort((a, b) => a.key.localeCompare(b.key));

async function expectStoredEqualsLive() {
  expect(byKey(await getApproachCards(NO_FILTERS))).toEqual(byKey(await computeApproachCards()));
}

function input(approachKey: string) {
  return caseInputSchema.parse({
    title: `Cards test ${randomUUID().slice(0, 6)}`,
    slug: `cards-${randomUUID().slice(0, 8)}`,
    organisationId: orgId,
    sector: "social_care",
    approachKey,
    sourceCitation: "Council report, 2024",
    evidenceLevel: 1,
    measures: [
      {
        label: "Failure demand",
        measureTypeKey: "failure-demand",
        unit: "percent",
        direction: "lower_is_better",
        before: "60",
        after: "20",
      },
      { label: "Referrals", measureTypeKey: "referrals", unit: "count", direction: "lower_is_better", before: "100", after: "80" },
    ],
  });
}

beforeAll(async () => {
  // The files share one database: the seed is idempotent and takes turns with other files' (a
  // count of approaches said nothing: another file may have proposed one first). Publish under an approach the
  // comparison snapshot (comparisons.integration.test.ts) does not hold, so its overview is untouched.
  await seed(prisma, { realCases: false });
  orgId = (await prisma.organisation.create({ data: { slug: `cards-${randomUUID().slice(0, 6)}`, name: "Cards org" } })).id;
  const id = randomUUID();
  await prisma.user.create({
    data: { id, name: "Cards analyst", email: `cards-${id}@example.test`, role: "analyst", organisationId: orgId },
  });
  analyst = { id, email: "cards@example.test", name: "Cards analyst", role: "analyst", organisationId: orgId, organisationName: null };
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("approach cards", () => {
  it("the stored summaries equal the live aggregate after seeding, and fill themselves in when missing", async () => {
    await expectStoredEqualsLive();
    await prisma.approachCardSummary.deleteMany({});
    await expectStoredEqualsLive();
    expect(await prisma.approachCardSummary.count()).toBeGreaterThan(0);
  });

  it("stay equal to the live aggregate through publish, republish, unpublish and archive", async () => {
    const before = (await getApproachCards(NO_FILTERS)).find((c) => c.key === "housing-first")!;
    const { id } = await createCase(analyst, input("housing-first"));
    let rev = (await getCaseForEditor(analyst, id))!.revision;
    await publishCase(analyst, id, rev++, null);
    const after = (await getApproachCards(NO_FILTERS)).find((c) => c.key === "housing-first")!;
    expect(after.cases).toBe(before.cases + 1);
    await expectStoredEqualsLive();
    await changeCaseStatus(analyst, id, "unpublish", rev++);
    expect((await getApproachCards(NO_FILTERS)).find((c) => c.key === "housing-first")!.cases).toBe(before.cases);
    await expectStoredEqualsLive();
    await publishCase(analyst, id, rev++, null);
    await expectStoredEqualsLive();
    await changeCaseStatus(analyst, id, "archive", rev++);
    await expectStoredEqualsLive();
  });

  it("a live case's new slug reaches the cards' links at once", async () => {
    const first = input("housing-first");
    const { id } = await createCase(analyst, first);
    const rev = (await getCaseForEditor(analyst, id))!.revision;
    await publishCase(analyst, id, rev, null);
    const renamed = { ...first, slug: `${first.slug}-renamed` };
    await saveDraft(analyst, id, renamed, rev + 1, first);
    const dots = (await getApproachCards(NO_FILTERS)).find((c) => c.key === "housing-first")!.categories.flatMap((c) => c.dots);
    expect(dots.some((d) => d.slug === renamed.slug)).toBe(true);
    expect(dots.some((d) => d.slug === first.slug)).toBe(false);
    await expectStoredEqualsLive();
  });

  it("a category's statistics are the domain's over its cases' pooled figures, and every dot is one of them", async () => {
    const cards = await getApproachCards(NO_FILTERS);
    let checked = 0;
    for (const card of cards) {
      for (const c of card.categories) {
        const { rows } = await listApproachFigures(card.key, { category: c.category, outcome: null, page: 1 });
        const pooled = rows.filter((r) => r.status === "pooled" && r.pp === c.pp);
        // One value per case: the mean of its figures in the category.
        const perCase = new Map<string, number[]>();
        for (const r of pooled) perCase.set(r.slug, [...(perCase.get(r.slug) ?? []), r.value!]);
        const values = [...perCase.values()].map((v) => v.reduce((a, b) => a + b, 0) / v.length);
        const d = describeDistribution(values);
        expect(c.cases, `${card.key} ${c.category}`).toBe(d.n);
        expect(c.median).toBeCloseTo(d.median!, 9);
        expect(c.q1).toBeCloseTo(d.q1!, 9);
        expect(c.q3).toBeCloseTo(d.q3!, 9);
        expect(c.casesDown).toBe(values.filter((v) => v < 0).length);
        expect(c.n).toBe(pooled.length);
        expect(c.dots.map((x) => [x.slug, Number(x.value.toFixed(9))]).sort()).toEqual(
          pooled.map((r) => [r.slug, Number(r.value!.toFixed(9))]).sort(),
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it("filters narrow the figures (design)", async () => {
    const cards = await getApproachCards({ sector: null, design: "difference_in_differences", level: null });
    for (const card of cards) {
      expect(Object.keys(card.designs).every((d) => d === "difference_in_differences")).toBe(true);
      for (const c of card.categories) for (const d of c.dots) expect(d.design).toBe("difference_in_differences");
    }
  });
});

describe("board summary", () => {
  it("lists every measure of the organisation's published cases, each linked to its chart", async () => {
    const { id, slug } = await createCase(analyst, input("housing-first"));
    const rev = (await getCaseForEditor(analyst, id))!.revision;
    await publishCase(analyst, id, rev, null);
    const data = await getBoardSummary(orgId);
    const mine = data.measures.filter((m) => m.caseSlug === slug);
    expect(mine.map((m) => m.figures.label)).toEqual(["Failure demand", "Referrals"]);
    const rows = buildBoardRows(data.measures, data.series);
    const row = rows.find((r) => r.id === mine[0]!.measureId)!;
    expect(row.latest).toBe("20%");
    expect(row.change).toContain("−40 pp");
    expect(row.href).toBe(`/cases/${slug}/v/1#figure-${mine[0]!.measureId}`);
    expect(row.variation).toBeNull();
    const groups = groupBoardRows(data.measures, rows, "approach");
    const approach = await prisma.approach.findUniqueOrThrow({ where: { key: "housing-first" } });
    expect(groups.map((g) => g.title)).toContain(approach.name);
    // Another organisation's cases are not on it.
    expect(data.measures.every((m) => m.caseSlug.startsWith("cards-"))).toBe(true);
  });

  it("a series gives its Making Data Count variation icon", async () => {
    // The demo's Northshire case has an SPC series (24 monthly points).
    const northshire = await prisma.caseStudy.findUniqueOrThrow({ where: { slug: "northshire-adult-social-care-front-door" } });
    const data = await getBoardSummary(northshire.organisationId);
    const rows = buildBoardRows(data.measures, data.series);
    const withSeries = rows.filter((r) => r.href.includes("/series/"));
    expect(withSeries.length).toBeGreaterThan(0);
    expect(withSeries.some((r) => r.variation !== null || r.runChart !== null)).toBe(true);
  });
});
