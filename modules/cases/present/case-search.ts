// The /cases index's view state — search words, filters, sort, page — parsed
// from the URL and written back into links, so a link reproduces the view.
// Pure. Invalid values are dropped rather than refused: an old or hand-edited
// link still shows a sensible list.
import { z } from "zod";
import { stripControlCharacters } from "@/lib/domain/control-characters";
import { REFORM_SHIFT_LABELS, SECTOR_LABELS } from "@/lib/domain/labels";

export const SORT_LABELS = {
  relevance: "Best match",
  newest: "Newest published",
  title: "Title (A to Z)",
  intervention: "Intervention date (newest)",
} as const;

export type SortKey = keyof typeof SORT_LABELS;
export type SectorKey = keyof typeof SECTOR_LABELS;
export type ShiftKey = keyof typeof REFORM_SHIFT_LABELS;

export const PAGE_SIZE = 20;

export interface CaseSearch {
  q: string;
  sector: SectorKey | null;
  approach: string | null;
  shift: ShiftKey | null;
  measure: string | null;
  year: number | null;
  sort: SortKey;
  page: number;
}

const key = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,79}$/);
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(first, schema.nullable().catch(null)).default(null);

const searchSchema = z.object({
  // Control characters are dropped, not refused: a search for "%00" just searches (PostgreSQL refuses NUL).
  q: z
    .preprocess((v) => {
      const q = first(v);
      return typeof q === "string" ? stripControlCharacters(q) : q;
    }, z.string().trim().max(200).catch(""))
    .default(""),
  sector: optional(z.enum(Object.keys(SECTOR_LABELS) as [SectorKey, ...SectorKey[]])),
  approach: optional(key),
  shift: optional(z.enum(Object.keys(REFORM_SHIFT_LABELS) as [ShiftKey, ...ShiftKey[]])),
  measure: optional(key),
  year: optional(z.coerce.number().int().min(1900).max(2100)),
  sort: z
    .preprocess(
      first,
      z
        .enum(Object.keys(SORT_LABELS) as [SortKey, ...SortKey[]])
        .nullable()
        .catch(null),
    )
    .default(null),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000).catch(1)).default(1),
});

type RawParams = Record<string, string | string[] | undefined>;

/** The view a URL asks for. Empty form fields ("sector=") mean "any". */
export function parseCaseSearch(params: RawParams): CaseSearch {
  const cleaned = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== "" && v !== undefined));
  const s = searchSchema.parse(cleaned);
  // "Best match" means nothing without search words.
  const sort: SortKey = s.sort === "relevance" && !s.q ? "newest" : (s.sort ?? (s.q ? "relevance" : "newest"));
  return { ...s, sort };
}

/** The URL of a view; defaults are left out so links stay short and canonical. */
export function caseSearchHref(s: CaseSearch, changes: Partial<CaseSearch> = {}): string {
  const next = { ...s, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  for (const name of ["sector", "approach", "shift", "measure", "year"] as const) {
    const value = next[name];
    if (value !== null) params.set(name, String(value));
  }
  const defaultSort: SortKey = next.q ? "relevance" : "newest";
  // Relevance without search words falls back to the default, so it is left out too.
  if (next.sort !== defaultSort && !(next.sort === "relevance" && !next.q)) params.set("sort", next.sort);
  if (next.page > 1) params.set("page", String(next.page));
  const query = params.toString();
  return query ? `/cases?${query}` : "/cases";
}

/** True when no search words or filters narrow the list. */
export function isUnfiltered(s: CaseSearch): boolean {
  return !s.q && s.sector === null && s.approach === null && s.shift === null && s.measure === null && s.year === null;
}

const ALL_VIEW = "all";
/** Longer segments (long searches in non-Latin scripts) are not cached: the proxy leaves them to /cases. */
const MAX_VIEW_SEGMENT = 400;

/**
 * A view as one path segment, for the cached page that serves it (proxy.ts
 * rewrites /cases?… there): the canonical query string in base64url, so two
 * spellings of one view share a cache entry and no character needs escaping;
 * "all" for the unfiltered first page; null for a view too long for a segment.
 */
export function encodeCaseView(s: CaseSearch): string | null {
  const href = caseSearchHref(s);
  if (href === "/cases") return ALL_VIEW;
  const segment = Buffer.from(href.slice("/cases?".length), "utf8").toString("base64url");
  return segment.length <= MAX_VIEW_SEGMENT ? segment : null;
}

/** The view a segment from encodeCaseView stands for; null if it is not one (hand-made, or not canonical). */
export function decodeCaseView(segment: string): CaseSearch | null {
  if (segment === ALL_VIEW) return parseCaseSearch({});
  if (segment.length > MAX_VIEW_SEGMENT || !/^[A-Za-z0-9_-]+$/.test(segment)) return null;
  const query = Buffer.from(segment, "base64url").toString("utf8");
  const search = parseCaseSearch(Object.fromEntries(new URLSearchParams(query)));
  return encodeCaseView(search) === segment ? search : null;
}
