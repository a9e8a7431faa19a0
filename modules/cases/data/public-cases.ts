import "server-only";
import { measureFieldsSelect, versionFieldsSelect } from "@/modules/workspace/data/version-contents";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChangeBasis, Direction, MeasureUnit, Qualifier, ReformShift, Sector } from "@/lib/generated/prisma/enums";
import { applySeriesHeadline, type HeadlineMethod } from "@/modules/spc/present/spc"; // SPC (issue 6): headline from series phase means

// Public pages read only the live published version of a case, through these
// explicit selects: no draft, author or internal field can reach a public page.

const publicMeasureSelect = {
  id: true,
  position: true,
  ...measureFieldsSelect,
  measureType: { select: { key: true, name: true } },
  // SPC (issue 6): the series is read only for measures whose headline comes from it.
  headlineMethod: true,
  rebaseDates: true,
  seriesFrequency: true, // SPC (issue 16): names the phases' periods
  observations: {
    where: { measure: { headlineMethod: "series_phase_means" } },
    orderBy: { date: "asc" },
    select: { date: true, value: true },
  },
} satisfies Prisma.MeasureSelect;

const publicVersionSelect = {
  number: true,
  ...versionFieldsSelect,
  changeNote: true,
  publishedAt: true,
  approach: { select: { key: true, name: true } },
  measures: { select: publicMeasureSelect, orderBy: { position: "asc" } },
} satisfies Prisma.CaseVersionSelect;

type DecimalLike = { toNumber(): number } | null;

export interface PublicMeasure {
  id: string;
  label: string;
  unit: MeasureUnit;
  rateBasis: string | null;
  denominator: string | null;
  direction: Direction;
  before: number | null;
  beforeQualifier: Qualifier;
  beforeWording: string | null;
  after: number | null;
  afterQualifier: Qualifier;
  afterWording: string | null;
  reportedChange: number | null;
  reportedChangeBasis: ChangeBasis;
  reportedChangeQualifier: Qualifier;
  reportedChangeWording: string | null;
  beforePeriod: string | null;
  afterPeriod: string | null;
  sampleSize: number | null;
  sourceCitation: string | null;
  sourceUrl: string | null;
  notes: string | null;
  measureType: { key: string; name: string } | null;
  /** Which method produced before/after: the figures as reported, or the series' phase means (issue 6). */
  headlineMethod?: HeadlineMethod;
  headlineNote?: string | null;
}

export interface PublicCase {
  slug: string;
  isExample: boolean;
  organisation: string;
  version: number;
  title: string;
  summary: string;
  sector: Sector;
  approach: { key: string; name: string } | null;
  reformShifts: ReformShift[];
  interventionDate: string | null;
  baselinePeriod: string | null;
  followUpPeriod: string | null;
  sourceCitation: string;
  sourceUrl: string | null;
  evidenceLevel: number;
  changeNote: string | null;
  publishedAt: string;
  measures: PublicMeasure[];
  /** Every published version of the case, newest first (for the version line and links). */
  versions: PublicVersionRef[];
  /** The live version's number: equal to `version` on the case page, higher on an older version's page. */
  currentVersion: number;
}

export interface PublicVersionRef {
  number: number;
  publishedAt: string;
  changeNote: string | null;
}

export interface PublicCaseListItem {
  slug: string;
  isExample: boolean;
  organisation: string;
  title: string;
  sector: Sector;
  approach: string | null;
  publishedAt: string;
  measureCount: number;
}

// Figures are stored as exact numerics; pages and the domain module work in
// JavaScript numbers, which hold every value a source reports exactly enough.
function toNumber(value: DecimalLike): number | null {
  return value === null ? null : value.toNumber();
}

function toIsoDate(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

type MeasureRow = Prisma.MeasureGetPayload<{ select: typeof publicMeasureSelect }>;

function toPublicMeasure(m: MeasureRow, interventionDate: Date | null = null): PublicMeasure {
  return applySeriesHeadline(
    {
      id: m.id,
      label: m.label,
      unit: m.unit,
      rateBasis: m.rateBasis,
      denominator: m.denominator,
      direction: m.direction,
      before: toNumber(m.beforeValue),
      beforeQualifier: m.beforeQualifier,
      beforeWording: m.beforeWording,
      after: toNumber(m.afterValue),
      afterQualifier: m.afterQualifier,
      afterWording: m.afterWording,
      reportedChange: toNumber(m.reportedChange),
      reportedChangeBasis: m.reportedChangeBasis,
      reportedChangeQualifier: m.reportedChangeQualifier,
      reportedChangeWording: m.reportedChangeWording,
      beforePeriod: m.beforePeriod,
      afterPeriod: m.afterPeriod,
      sampleSize: m.sampleSize,
      sourceCitation: m.sourceCitation,
      sourceUrl: m.sourceUrl,
      notes: m.notes,
      measureType: m.measureType,
    },
    {
      headlineMethod: m.headlineMethod,
      interventionDate: toIsoDate(interventionDate),
      rebaseDates: m.rebaseDates.map((d) => d.toISOString().slice(0, 10)),
      frequency: m.seriesFrequency,
      points: m.observations.map((o) => ({ date: o.date.toISOString().slice(0, 10), value: o.value.toNumber() })),
    },
  );
}

type VersionRow = Prisma.CaseVersionGetPayload<{ select: typeof publicVersionSelect }>;

const publicCaseSelect = {
  slug: true,
  isExample: true,
  organisation: { select: { name: true } },
  publishedVersion: { select: { number: true } },
  versions: {
    where: { publishedAt: { not: null } },
    orderBy: { number: "desc" },
    select: { number: true, publishedAt: true, changeNote: true },
  },
} satisfies Prisma.CaseStudySelect;

type CaseRow = Prisma.CaseStudyGetPayload<{ select: typeof publicCaseSelect }>;

function toPublicCase(row: CaseRow, v: VersionRow): PublicCase | null {
  const current = row.publishedVersion?.number;
  if (v.number === null || v.publishedAt === null || current === null || current === undefined) return null;
  return {
    slug: row.slug,
    isExample: row.isExample,
    organisation: row.organisation.name,
    version: v.number,
    title: v.title,
    summary: v.summary,
    sector: v.sector,
    approach: v.approach,
    reformShifts: v.reformShifts,
    interventionDate: toIsoDate(v.interventionDate),
    baselinePeriod: v.baselinePeriod,
    followUpPeriod: v.followUpPeriod,
    sourceCitation: v.sourceCitation,
    sourceUrl: v.sourceUrl,
    evidenceLevel: v.evidenceLevel,
    changeNote: v.changeNote,
    publishedAt: v.publishedAt.toISOString(),
    measures: v.measures.map((m) => toPublicMeasure(m, v.interventionDate)),
    versions: row.versions.flatMap((r) =>
      r.number !== null && r.publishedAt ? [{ number: r.number, publishedAt: r.publishedAt.toISOString(), changeNote: r.changeNote }] : [],
    ),
    currentVersion: current,
  };
}

// A case is public only while it is published with a live version; its
// earlier published versions are public exactly as long as it is.
const isPublic = { status: "published", publishedVersionId: { not: null } } satisfies Prisma.CaseStudyWhereInput;

/** The live published version of a case, or null when there is none (unknown, draft or archived). */
export async function getPublishedCase(slug: string): Promise<PublicCase | null> {
  const row = await db().caseStudy.findFirst({
    where: { slug, ...isPublic },
    select: { ...publicCaseSelect, publishedVersion: { select: { ...publicVersionSelect } } },
  });
  return row?.publishedVersion ? toPublicCase(row, row.publishedVersion) : null;
}

/**
 * One frozen published version of a public case, or null: unknown case,
 * unpublished case, a number never published, or the working draft (which has
 * no number).
 */
export async function getPublishedCaseVersion(slug: string, number: number): Promise<PublicCase | null> {
  const row = await db().caseStudy.findFirst({
    where: { slug, ...isPublic },
    select: { ...publicCaseSelect, id: true },
  });
  if (!row) return null;
  const v = await db().caseVersion.findFirst({
    where: { caseStudyId: row.id, number, publishedAt: { not: null } },
    select: publicVersionSelect,
  });
  return v ? toPublicCase(row, v) : null;
}

/** Every public case at its live version, with measures: for the all-data downloads. */
export async function listPublishedCasesWithMeasures(): Promise<PublicCase[]> {
  const rows = await db().caseStudy.findMany({
    where: isPublic,
    orderBy: { slug: "asc" },
    select: { ...publicCaseSelect, publishedVersion: { select: { ...publicVersionSelect } } },
  });
  return rows.flatMap((row) => {
    const c = row.publishedVersion ? toPublicCase(row, row.publishedVersion) : null;
    return c ? [c] : [];
  });
}

/** Published cases for the home page, the real reference cases before the fictional examples. */
export async function listPublishedCases(): Promise<PublicCaseListItem[]> {
  const rows = await db().caseStudy.findMany({
    where: isPublic,
    orderBy: [{ isExample: "asc" }, { slug: "asc" }],
    select: {
      slug: true,
      isExample: true,
      organisation: { select: { name: true } },
      publishedVersion: {
        select: {
          title: true,
          sector: true,
          publishedAt: true,
          approach: { select: { name: true } },
          _count: { select: { measures: true } },
        },
      },
    },
  });
  return rows.flatMap((r) => {
    const v = r.publishedVersion;
    if (!v || !v.publishedAt) return [];
    return [
      {
        slug: r.slug,
        isExample: r.isExample,
        organisation: r.organisation.name,
        title: v.title,
        sector: v.sector,
        approach: v.approach?.name ?? null,
        publishedAt: v.publishedAt.toISOString(),
        measureCount: v._count.measures,
      },
    ];
  });
}
