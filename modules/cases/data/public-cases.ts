import "server-only";
import { db, publicDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReformShift, Sector } from "@/lib/generated/prisma/enums";
import type { Outcome } from "@/lib/domain/measure-types";
import type { Tone } from "@/components/charts/chart-colours";
import { fromMeasureRow, measureFieldsSelect, type MeasureFields } from "@/modules/workspace/data/measure-fields";
import { storeMeasureFigures, type FigureDetail } from "@/modules/workspace/data/measure-figures";
import { versionFieldsSelect } from "@/modules/workspace/data/version-contents";

// Public pages read only the live published version of a case, through these
// explicit selects: no draft, author or internal field can reach a public page.
// They read from a replica when DATABASE_REPLICA_URLS is set (lib/db.ts).
// Every derived figure comes from measure_figure, computed once at publish
// (issue 17): no series is loaded and nothing is recomputed here.

const publicMeasureSelect = {
  id: true,
  position: true,
  ...measureFieldsSelect,
  measureType: { select: { key: true, name: true } },
  figure: { select: { detail: { select: { detail: true } } } },
} satisfies Prisma.MeasureSelect;

const publicVersionSelect = {
  number: true,
  ...versionFieldsSelect,
  changeNote: true,
  publishedAt: true,
  approach: { select: { key: true, name: true } },
  measures: { select: publicMeasureSelect, orderBy: { position: "asc" } },
} satisfies Prisma.CaseVersionSelect;

/**
 * A published measure: its stored fields (notes only when marked public), with
 * before/after being the headline the page shows (a series' phase means where
 * one drives it), and the figures derived at publish.
 */
export interface PublicMeasure extends MeasureFields {
  id: string;
  measureType: { key: string; name: string } | null;
  /** Which method produced before/after: the figures as reported, or the series' phase means (issue 6). */
  headlineMethod: "figures" | "series_phase_means";
  headlineNote: string | null;
  figure: FigureDetail;
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
  reportingOrganisation: string | null;
  country: string | null;
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
  /** Given by the index search (and so the API), not by the home page's list. */
  organisationSlug?: string;
  approachKey?: string | null;
  /** The index cards' figures (the first few measures) and evidence rating, where the list shows them. */
  card?: CaseCardFigures;
}

/** What an index card shows of a case's figures, in the case page's words (modules/cases/present/card-figures.ts). */
export interface CaseCardFigures {
  figures: Array<{
    id: string;
    label: string;
    lead: string;
    change: string | null;
    outcome: Outcome | null;
    outcomeWord: string;
    tone: Tone;
  }>;
  /** 0–5, by the approaches overview's rule (evidencePadlocks) for one case. */
  padlocks: number;
}

function toIsoDate(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

type MeasureRow = Prisma.MeasureGetPayload<{ select: typeof publicMeasureSelect }>;

/** A published measure row, as selected above or built as JSON in SQL with the same keys (public-search.ts). */
export function toPublicMeasure(m: MeasureRow): PublicMeasure {
  const fields = fromMeasureRow(m);
  // Every published measure has its figures (publishing writes them; `npm start` fills in older ones).
  const figure = m.figure?.detail?.detail as unknown as FigureDetail;
  const h = figure.headline;
  return {
    ...fields,
    // Internal notes never leave the workspace.
    notes: fields.notesPublic ? fields.notes : null,
    before: h.before,
    after: h.after,
    beforeQualifier: h.beforeQualifier,
    afterQualifier: h.afterQualifier,
    beforeWording: h.fromSeries ? null : fields.beforeWording,
    afterWording: h.fromSeries ? null : fields.afterWording,
    beforeWords: h.fromSeries ? null : fields.beforeWords,
    afterWords: h.fromSeries ? null : fields.afterWords,
    beforePeriod: h.beforePeriod,
    afterPeriod: h.afterPeriod,
    id: m.id,
    measureType: m.measureType,
    headlineMethod: h.fromSeries ? "series_phase_means" : "figures",
    headlineNote: h.note,
    figure,
  };
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
    reportingOrganisation: v.reportingOrganisation,
    country: v.country,
    evidenceLevel: v.evidenceLevel,
    changeNote: v.changeNote,
    publishedAt: v.publishedAt.toISOString(),
    measures: v.measures.map(toPublicMeasure),
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
  const row = await publicDb().caseStudy.findFirst({
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
  const row = await publicDb().caseStudy.findFirst({
    where: { slug, ...isPublic },
    select: { ...publicCaseSelect, id: true },
  });
  if (!row) return null;
  const v = await publicDb().caseVersion.findFirst({
    where: { caseStudyId: row.id, number, publishedAt: { not: null } },
    select: publicVersionSelect,
  });
  return v ? toPublicCase(row, v) : null;
}

/** Every public case at its live version, with measures: for the all-data downloads. */
export async function listPublishedCasesWithMeasures(): Promise<PublicCase[]> {
  const rows = await publicDb().caseStudy.findMany({
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
  const rows = await publicDb().caseStudy.findMany({
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

/**
 * Where a published figure (a measure of a published version) lives: its case's
 * slug and the version's number, or null when the figure is unknown, belongs to
 * a draft, or its case is not public. Measure ids are never reused: a draft's
 * measures get new ids, so a published figure's id names one frozen figure.
 */
export async function locatePublishedFigure(id: string): Promise<{ slug: string; version: number } | null> {
  const m = await publicDb().measure.findFirst({
    where: { id, caseVersion: { publishedAt: { not: null }, number: { not: null }, caseStudy: isPublic } },
    select: { caseVersion: { select: { number: true, caseStudy: { select: { slug: true } } } } },
  });
  const number = m?.caseVersion.number;
  return m && number ? { slug: m.caseVersion.caseStudy.slug, version: number } : null;
}

/** Thrown to roll back the preview's transaction once it has read what it needs. */
class PreviewDone extends Error {
  constructor(readonly value: PublicCase | null) {
    super("preview read");
  }
}

/**
 * A case's working draft exactly as the public page would show it once
 * published (issue 20), for the workspace's "Preview public page": its figures
 * are stored inside a transaction by the same code publishing uses, read back
 * through the public select, and the transaction is rolled back, so nothing
 * is written. The caller checks that the actor may see the draft. The
 * version number and date are the ones publishing now would give it.
 */
export async function getCasePreview(caseId: string): Promise<PublicCase | null> {
  try {
    await db().$transaction(async (tx) => {
      const row = await tx.caseStudy.findUnique({
        where: { id: caseId },
        select: { ...publicCaseSelect, draftVersionId: true, publishedVersionId: true },
      });
      const versionId = row?.draftVersionId ?? row?.publishedVersionId;
      if (!row || !versionId) throw new PreviewDone(null);
      if (row.draftVersionId) await storeMeasureFigures(tx, [row.draftVersionId]);
      const v = await tx.caseVersion.findUnique({ where: { id: versionId }, select: publicVersionSelect });
      if (!v) throw new PreviewDone(null);
      const latest = row.versions[0]?.number ?? 0;
      const number = v.number ?? latest + 1;
      const current = row.draftVersionId ? number : (row.publishedVersion?.number ?? number);
      const preview = toPublicCase(
        { ...row, publishedVersion: { number: current } },
        { ...v, number, publishedAt: v.publishedAt ?? new Date(), changeNote: v.changeNote },
      );
      throw new PreviewDone(preview);
    });
  } catch (err) {
    if (err instanceof PreviewDone) return err.value;
    throw err;
  }
  return null;
}
