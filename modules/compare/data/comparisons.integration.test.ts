import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { describeDistribution, evidencePadlocks, poolFigure, scaleForUnit } from "@/lib/domain/pooling";
import type { MeasureFigures } from "@/lib/domain/measure-types";
import { parseExplorerFilters } from "@/lib/schemas/comparison";
import { seed } from "@/prisma/seed";
import { getApproachOverview } from "./approach-overview";
import { getComparedCases } from "./comparisons";
import { getMeasureExplorer, getMeasureType, listMeasureTypes } from "./measure-library";

// The SQL pooling expressions (modules/compare/data/comparisons.ts) must give exactly what
// the domain module (lib/domain/pooling.ts) gives, measure by measure, on the
// seeded cases plus one case of edge figures (zero baseline, fall to zero,
// reported pp on a count, reported % on a percent type, one figure only).

const prisma = db();
const EDGE_SLUG = `pooling-edges-${randomUUID().slice(0, 8)}`;

async function publishEdgeCase() {
  const org = await prisma.organisation.create({ data: { slug: `org-${randomUUID().slice(0, 8)}`, name: "Pooling edge org" } });
  const approach = await prisma.approach.findUniqueOrThrow({ where: { key: "systemic-design" } });
  const types = new Map((await prisma.measureType.findMany({ select: { key: true, id: true } })).map((t) => [t.key, t.id]));
  const c = await prisma.caseStudy.create({ data: { slug: EDGE_SLUG, organisationId: org.id } });
  const m = (key: string, unit: "count" | "percent", fields: Record<string, unknown>) => ({
    measureTypeId: types.get(key),
    label: `${key} edge`,
    unit,
    direction: "lower_is_better" as const,
    ...fields,
  });
  const v = await prisma.caseVersion.create({
    data: {
      caseStudyId: c.id,
      title: "Pooling edge cases",
      sector: "other",
      approachId: approach.id,
      sourceCitation: "Test",
      evidenceLevel: 3,
      measures: {
        create: [
          m("referrals", "count", { beforeValue: 12, afterValue: 0 }),
          m("referrals", "count", { beforeValue: 0, afterValue: 3 }),
          m("referrals", "count", { reportedChange: -5, reportedChangeBasis: "percentage_points" }),
          m("referrals", "count", { reportedChange: -100 }),
          m("referrals", "count", { afterValue: 40 }),
          m("referrals", "count", { beforeValue: 40, afterValue: 40 }),
          m("failure-demand", "percent", { reportedChange: -30 }),
          m("failure-demand", "percent", { reportedChange: -12, reportedChangeBasis: "percentage_points" }),
          m("failure-demand", "percent", { beforeValue: 0, afterValue: 5 }),
        ],
      },
    },
  });
  await prisma.caseVersion.update({ where: { id: v.id }, data: { number: 1, publishedAt: new Date() } });
  await prisma.caseStudy.update({ where: { id: c.id }, data: { status: "published", publishedVersionId: v.id } });
}

/** Every live published measure of a type, through Prisma, as the domain sees it. */
async function domainFigures(typeKey: string): Promise<Array<{ slug: string; figures: MeasureFigures }>> {
  const rows = await prisma.measure.findMany({
    where: { measureType: { key: typeKey }, caseVersion: { publishedOf: { status: "published" } } },
    select: {
      label: true,
      unit: true,
      rateBasis: true,
      direction: true,
      beforeValue: true,
      beforeQualifier: true,
      afterValue: true,
      afterQualifier: true,
      seriesBeforeMean: true,
      seriesAfterMean: true,
      reportedChange: true,
      reportedChangeBasis: true,
      reportedChangeQualifier: true,
      caseVersion: { select: { publishedOf: { select: { slug: true } } } },
    },
  });
  // A headline taken from the series' phase means (stored at publish) replaces the entered figures.
  return rows.map(({ seriesBeforeMean, seriesAfterMean, ...r }) => ({
    slug: r.caseVersion.publishedOf?.slug ?? "",
    figures:
      seriesBeforeMean && seriesAfterMean
        ? {
            ...r,
            before: seriesBeforeMean.toNumber(),
            beforeQualifier: "exact",
            after: seriesAfterMean.toNumber(),
            afterQualifier: "exact",
            reportedChange: r.reportedChange?.toNumber() ?? null,
          }
        : {
            ...r,
            before: r.beforeValue?.toNumber() ?? null,
            after: r.afterValue?.toNumber() ?? null,
            reportedChange: r.reportedChange?.toNumber() ?? null,
          },
  }));
}

const key = (slug: string, status: string, value: number | null, outcome: string, reportedOnly: boolean) =>
  `${slug}|${status}|${value === null ? "null" : value.toFixed(9)}|${outcome}|${reportedOnly}`;

beforeAll(async () => {
  await seed(prisma);
  await publishEdgeCase();
});

describe("SQL pooling = domain pooling", () => {
  it("every measure type: each figure's status, value, outcome and provenance, and the statistics", async () => {
    const types = await listMeasureTypes();
    expect(types.length).toBeGreaterThan(5);
    for (const t of types) {
      const type = (await getMeasureType(t.key))!;
      const sql = await getMeasureExplorer(type, parseExplorerFilters({}));
      const scale = scaleForUnit(type.unit);
      const domain = (await domainFigures(t.key)).map(({ slug, figures }) => ({ slug, ...poolFigure(figures, scale) }));
      const fromSql = [...sql.rows, ...sql.apart].map((r) => key(r.slug, r.status, r.value, r.outcome, r.reportedOnly)).sort();
      expect(fromSql, t.key).toEqual(domain.map((d) => key(d.slug, d.status, d.value, d.outcome, d.reportedOnly)).sort());

      const pooled = domain.filter((d) => d.status === "pooled").map((d) => d.value as number);
      const dist = describeDistribution(pooled);
      expect(sql.stats.n, t.key).toBe(dist.n);
      for (const stat of ["median", "q1", "q3", "min", "max"] as const) {
        if (dist[stat] === null) expect(sql.stats[stat]).toBeNull();
        else expect(sql.stats[stat], `${t.key} ${stat}`).toBeCloseTo(dist[stat] as number, 9);
      }
      expect(sql.stats.worsened).toBe(domain.filter((d) => d.status === "pooled" && d.outcome === "worsened").length);
    }
  });

  it("the edge case's figures land where DOMAIN.md says", async () => {
    const sql = await getMeasureExplorer((await getMeasureType("referrals"))!, parseExplorerFilters({}));
    const edge = [...sql.rows, ...sql.apart]
      .filter((r) => r.slug === EDGE_SLUG)
      .map((r) => r.status)
      .sort();
    expect(edge).toEqual(["fell_to_zero", "fell_to_zero", "not_comparable", "one_figure", "pooled", "zero_baseline"]);
    // The reference case's referrals: reported −41% pools as 100·ln(0.59), reported-only.
    const ref = sql.rows.find((r) => r.slug === "integrated-health-and-social-care");
    expect(ref?.value).toBeCloseTo(100 * Math.log(0.59), 9);
    expect(ref?.reportedOnly).toBe(true);
  });

  it("filters narrow the explorer (approach)", async () => {
    const type = (await getMeasureType("referrals"))!;
    const sql = await getMeasureExplorer(type, parseExplorerFilters({ approach: "human-learning-systems" }));
    expect([...new Set(sql.rows.map((r) => r.slug))]).toEqual(["riverton-neighbourhood-health-teams"]);
  });
});

describe("approach overview and compare", () => {
  it("counts cases per approach, and the evidence inputs follow the figures", async () => {
    const rows = await getApproachOverview();
    const relational = rows.find((r) => r.key === "relational-public-services")!;
    expect(relational.cases).toBeGreaterThanOrEqual(2);
    expect(relational.medianLevel).toBe(1);
    const systemic = rows.find((r) => r.key === "systemic-design")!;
    expect(systemic.cases).toBeGreaterThanOrEqual(1);
    expect(evidencePadlocks({ ...systemic, medianLevel: systemic.medianLevel })).toBeGreaterThanOrEqual(0);
    const activity = systemic.categories.find((c) => c.category === "activity" && !c.pp);
    // The edge case's pooled referrals: only 40 → 40.
    expect(activity?.median).toBe(0);
  });

  it("returns compared cases in the URL's order and skips unknown slugs", async () => {
    const cases = await getComparedCases(["westmoor-early-help", "no-such-case", "integrated-health-and-social-care"]);
    expect(cases.map((c) => c.slug)).toEqual(["westmoor-early-help", "integrated-health-and-social-care"]);
    expect(cases[1]?.measures).toHaveLength(6);
    expect(cases[1]?.measures[2]).toMatchObject({ label: "Number of referrals", reportedChange: -41, type: { key: "referrals" } });
  });
});
