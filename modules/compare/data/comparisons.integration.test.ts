import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { assessMeasure } from "@/lib/domain/evidence";
import { describeDistribution, evidencePadlocks, scaleForUnit } from "@/lib/domain/pooling";
import { computePhaseMeansHeadline } from "@/lib/domain/series";
import { parseExplorerFilters } from "@/lib/schemas/comparison";
import { caseContentSchema } from "@/lib/schemas/case";
import { seed } from "@/prisma/seed";
import { writeDraftContent } from "@/modules/workspace/data/case-content";
import { publishVersionsTx } from "@/modules/workspace/data/case-drafts";
import { fromMeasureRow, measureFieldsSelect } from "@/modules/workspace/data/measure-fields";
import before from "./comparisons.before-snapshot.json";
import { getApproachOverview } from "./approach-overview";
import { getComparedCases } from "./comparisons";
import { getMeasureExplorer, getMeasureType, listMeasureTypes } from "./measure-library";

// The comparison views aggregate the figures stored at publish (issue 17).
// Three checks: (1) on the demo cases and a case of edge figures they give
// exactly what the previous implementation, which computed every figure in
// SQL on each request, gave (comparisons.before-snapshot.json, captured from
// it); (2) every stored figure is what the pure domain gives from the
// measure's own fields, computed here independently; (3) the SQL statistics
// over the stored values equal the domain's.

const prisma = db();
const EDGE_SLUG = "pooling-edges";

/** The edge figures, published through the one publish path (zero baseline, fall to zero, pp on a count, % on a percent type, one figure). */
async function publishEdgeCase() {
  const org = await prisma.organisation.create({ data: { slug: "pooling-edge-org", name: "Pooling edge org" } });
  const m = (key: string, unit: "count" | "percent", fields: Record<string, unknown>) => ({
    measureTypeKey: key,
    label: `${key} edge`,
    unit,
    direction: "lower_is_better",
    ...fields,
  });
  // The edge figures share a name on purpose (as the snapshot recorded them): the content schema, without the editor's duplicate-name rule.
  const input = caseContentSchema.parse({
    slug: EDGE_SLUG,
    organisationId: org.id,
    title: "Pooling edge cases",
    sector: "other",
    approachKey: "systemic-design",
    sourceCitation: "Test",
    evidenceLevel: 3,
    measures: [
      m("referrals", "count", { before: 12, after: 0 }),
      m("referrals", "count", { before: 0, after: 3 }),
      m("referrals", "count", { reportedChange: -5, reportedChangeBasis: "percentage_points" }),
      m("referrals", "count", { reportedChange: -100 }),
      m("referrals", "count", { after: 40 }),
      m("referrals", "count", { before: 40, after: 40 }),
      m("failure-demand", "percent", { reportedChange: -30 }),
      m("failure-demand", "percent", { reportedChange: -12, reportedChangeBasis: "percentage_points" }),
      m("failure-demand", "percent", { before: 0, after: 5 }),
    ],
  });
  await prisma.$transaction(async (tx) => {
    const c = await tx.caseStudy.create({ data: { slug: EDGE_SLUG, organisationId: org.id } });
    const v = await tx.caseVersion.create({ data: { caseStudyId: c.id, title: input.title, sector: "other", sourceCitation: "Test" } });
    await writeDraftContent(tx, v.id, input);
    await publishVersionsTx(tx, [{ caseId: c.id, versionId: v.id, number: 1, changeNote: null, actorId: null }]);
  });
}

/** Every live published measure of a type, assessed here by the domain from its own stored fields and series. */
async function domainFigures(typeKey: string, unit: Parameters<typeof scaleForUnit>[0]) {
  const rows = await prisma.measure.findMany({
    where: { measureType: { key: typeKey }, caseVersion: { publishedOf: { status: "published" } } },
    select: {
      ...measureFieldsSelect,
      headlineMethod: true,
      rebaseDates: true,
      observations: { orderBy: { date: "asc" }, select: { date: true, value: true } },
      caseVersion: { select: { evidenceLevel: true, interventionDate: true, publishedOf: { select: { slug: true } } } },
    },
  });
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return rows.map((r) => {
    let figures = fromMeasureRow(r);
    if (r.headlineMethod === "series_phase_means") {
      const v = r.caseVersion;
      const h = computePhaseMeansHeadline(
        r.observations.map((o) => ({ date: iso(o.date), value: o.value.toNumber() })),
        v.interventionDate ? iso(v.interventionDate) : null,
        r.rebaseDates.map(iso),
      );
      if (h.ok) figures = { ...figures, before: h.before.mean, after: h.after.mean, beforeQualifier: "exact", afterQualifier: "exact" };
    }
    const a = assessMeasure(figures, { caseEvidenceLevel: r.caseVersion.evidenceLevel, scale: scaleForUnit(unit) });
    return { slug: r.caseVersion.publishedOf?.slug ?? "", label: r.label, ...a.pool, outcome: a.outcome };
  });
}

type Figure = [string, string, string, number | null, string];
const byKey = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
const rounded = (f: Figure) => [f[0], f[1], f[2], f[3] === null ? null : Number(f[3].toFixed(9)), f[4]];

beforeAll(async () => {
  // The demo cases only: the library of real cases came after the snapshot was taken.
  await seed(prisma, { realCases: false });
  await publishEdgeCase();
});

describe("the comparison views give the figures the previous (SQL) implementation gave", () => {
  const snapshot = before as unknown as {
    explorer: Record<string, { stats: Record<string, number | null>; figures: Figure[] }>;
    compare: Array<{ slug: string; measures: Array<[string, number | null, number | null, number | null, boolean]> }>;
    overview: Array<{ key: string; cases: number; casesWorsened: number; categories: unknown[] }>;
  };
  const slugs = new Set(snapshot.compare.map((c) => c.slug));

  it("the explorer: every figure of the demo cases and the edge case, with its status, value and outcome", async () => {
    expect(Object.keys(snapshot.explorer).length).toBeGreaterThan(5);
    for (const [key, expected] of Object.entries(snapshot.explorer)) {
      const type = (await getMeasureType(key))!;
      const now = await getMeasureExplorer(type, parseExplorerFilters({}));
      const figures = [...now.rows, ...now.apart]
        .filter((r) => slugs.has(r.slug))
        .map((r) => rounded([r.slug, r.figures.label, r.status, r.value, r.outcome]))
        .sort(byKey);
      expect(figures, key).toEqual(expected.figures.map(rounded).sort(byKey));
    }
  });

  it("compare: every measure's before, after and reported change, and where they came from", async () => {
    const now = await getComparedCases([...slugs]);
    for (const c of snapshot.compare) {
      const got = now.find((n) => n.slug === c.slug)!;
      expect(
        got.measures.map((m) => [m.label, m.before, m.after, m.reportedChange, m.fromSeries]),
        c.slug,
      ).toEqual(c.measures);
    }
  });

  it("the approach overview: cases, cases with a figure that got worse, and every category's median, range and count", async () => {
    // Only this file publishes cases under an approach, so the overview holds exactly the snapshot's cases.
    const now = new Map((await getApproachOverview()).map((a) => [a.key, a]));
    for (const a of snapshot.overview) {
      const got = now.get(a.key)!;
      expect({ cases: got.cases, casesWorsened: got.casesWorsened }, a.key).toEqual({ cases: a.cases, casesWorsened: a.casesWorsened });
      // Values are computed by JavaScript now and by PostgreSQL before: equal to 9 decimals.
      const round9 = (_: string, v: unknown) => (typeof v === "number" ? Number(v.toFixed(9)) : v);
      expect(JSON.parse(JSON.stringify(got.categories), round9), a.key).toEqual(JSON.parse(JSON.stringify(a.categories), round9));
    }
  });
});

describe("stored figures = the domain, and SQL statistics = the domain's", () => {
  it("every measure type: each figure's status, value and outcome, and the statistics", async () => {
    const types = await listMeasureTypes();
    expect(types.length).toBeGreaterThan(5);
    for (const t of types) {
      const type = (await getMeasureType(t.key))!;
      const sql = await getMeasureExplorer(type, parseExplorerFilters({}));
      const domain = await domainFigures(t.key, type.unit);
      const key = (slug: string, status: string, value: number | null, outcome: string) =>
        `${slug}|${status}|${value === null ? "null" : value.toFixed(9)}|${outcome}`;
      const fromSql = [...sql.rows, ...sql.apart].map((r) => key(r.slug, r.status, r.value, r.outcome)).sort();
      // The explorer lists at most 25 figures apart: compare the pooled ones in full, and those apart by count.
      expect(
        fromSql.filter((k) => k.includes("|pooled|")),
        t.key,
      ).toEqual(
        domain
          .filter((d) => d.status === "pooled")
          .map((d) => key(d.slug, d.status, d.value, d.outcome))
          .sort(),
      );
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
    // Each figure is rated by its design: before/after figures of a level-1 case are level 1.
    expect(relational.medianLevel).toBe(1);
    expect(relational.designs.before_after).toBeGreaterThan(0);
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
