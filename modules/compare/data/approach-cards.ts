import "server-only";
import { unstable_cache } from "next/cache";
import { db, publicDb } from "@/lib/db";
import type { Design } from "@/lib/domain/evidence-types";
import type { Outcome } from "@/lib/domain/measure-types";
import type { ApproachFilters } from "@/lib/schemas/comparison";
import { approachCardsSql, NO_FILTERS, refreshApproachCards } from "./approach-card-summary";
import { COMPARISON_CACHE_TAGS } from "./comparisons";

export { approachCardsSql, DOT_LIMIT } from "./approach-card-summary";

// Reads of the approach cards (/approaches). The SQL and the stored summary
// of the unfiltered view are in approach-card-summary.ts.

export interface CardDot {
  slug: string;
  title: string;
  label: string;
  value: number;
  lower: number | null;
  upper: number | null;
  design: Design;
  outcome: Outcome;
}

export interface CardCategory {
  category: string;
  pp: boolean;
  /** Pooled figures, and the cases they come from. */
  n: number;
  cases: number;
  casesDown: number;
  casesUp: number;
  casesFlat: number;
  /** Over the cases' values (each case's figures in the category averaged). */
  q1: number;
  median: number;
  q3: number;
  min: number;
  max: number;
  /** Median of the cases' changes signed so that an improvement is positive (the measure type's direction). */
  medianGain: number | null;
  improved: number;
  worsened: number;
  noChange: number;
  medianLevel: number | null;
  rawFigures: number;
  reportedFigures: number;
  /** Every pooled figure when n ≤ DOT_LIMIT, else empty. */
  dots: CardDot[];
}

export interface ApproachCard {
  key: string;
  name: string;
  description: string;
  cases: number;
  figures: number;
  medianLevel: number | null;
  rawFigures: number;
  reportedFigures: number;
  designs: Partial<Record<Design, number>>;
  findings: { improved: number; noClearDifference: number; worsened: number; unclear: number };
  categories: CardCategory[];
}

/** The SQL returns the approach's id for the stored summaries; pages key cards by their key. */
function withoutId(row: ApproachCard & { id?: string }): ApproachCard {
  const card = { ...row };
  delete card.id;
  return card;
}

const hasFilters = (f: ApproachFilters) => f.sector !== null || f.design !== null || f.level !== null;

type StoredCard = Omit<ApproachCard, "key" | "name" | "description">;

/**
 * The unfiltered view from the stored summaries: one row per approach. An
 * approach without one (accepted since, or a database from before the
 * summaries) has it computed and stored now.
 */
async function readStoredCards(): Promise<ApproachCard[]> {
  const read = (client = publicDb()) =>
    client.$queryRaw<Array<{ id: string; key: string; name: string; description: string; body: StoredCard | null }>>`
      SELECT a."id", a."key", a."name", a."description", s."body"
      FROM "approach" a LEFT JOIN "approach_card_summary" s ON s."approach_id" = a."id"
      WHERE a."status" = 'accepted'`;
  let rows = await read();
  const missing = rows.filter((r) => r.body === null).map((r) => r.id);
  if (missing.length > 0) {
    await db().$transaction((tx) => refreshApproachCards(tx, missing), { timeout: 60_000 });
    rows = await read(db()); // the primary: a replica may not have the rows just written
  }
  return rows
    .map((r) => ({ ...(r.body as StoredCard), key: r.key, name: r.name, description: r.description }))
    .sort((a, b) => Number(a.cases === 0) - Number(b.cases === 0) || a.name.localeCompare(b.name));
}

/** The cards for these filters: the stored summaries when unfiltered, else one query over the figures. */
export async function getApproachCards(filters: ApproachFilters): Promise<ApproachCard[]> {
  if (!hasFilters(filters)) return readStoredCards();
  const client = publicDb();
  const [, , rows] = await client.$transaction([
    client.$executeRaw`SET LOCAL jit = off`,
    client.$executeRaw`SET LOCAL work_mem = '64MB'`,
    client.$queryRaw<Array<ApproachCard & { id?: string }>>(approachCardsSql(filters)),
  ]);
  return rows.map(withoutId);
}

/** The live aggregate of the unfiltered view (the summaries' reference, for tests). */
export async function computeApproachCards(): Promise<ApproachCard[]> {
  const rows = await db().$queryRaw<Array<ApproachCard & { id?: string }>>(approachCardsSql(NO_FILTERS));
  return rows.map(withoutId);
}

/** Cached per filter combination until something is published. */
export const getCachedApproachCards = unstable_cache(getApproachCards, ["approach-cards"], { tags: COMPARISON_CACHE_TAGS });
