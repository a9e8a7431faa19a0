import { z } from "zod";
import { textSchema } from "@/lib/schemas/text";
import { REFORM_SHIFT_LABELS, SECTOR_LABELS } from "@/lib/domain/labels";
import { SLUG_PATTERN } from "@/lib/schemas/slug";

// URL state of the comparison views (explorer filters, compared cases) and the
// save-comparison form. Invalid URL values are dropped rather than refused, so
// an old or hand-edited link still shows a sensible view.

type SectorKey = keyof typeof SECTOR_LABELS;
type ShiftKey = keyof typeof REFORM_SHIFT_LABELS;
type RawParams = Record<string, string | string[] | undefined>;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blankToUndefined = (v: unknown) => (v === "" ? undefined : first(v));
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.nullable().catch(null)).default(null);
const keySchema = textSchema()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,79}$/);
const year = z.coerce.number().int().min(1900).max(2100);

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 6;

/** Which designs the explorer pools: before/after (and time series) only, or comparison-group and DiD only. */
export const DESIGN_FILTERS = ["before_after", "controlled"] as const;
export type DesignFilter = (typeof DESIGN_FILTERS)[number];

export interface ExplorerFilters {
  approach: string | null;
  sector: SectorKey | null;
  shift: ShiftKey | null;
  from: number | null;
  to: number | null;
  design: DesignFilter | null;
  /** Pool changes from a small baseline too (left out unless asked: issue 16). */
  small: boolean;
  page: number;
}

const explorerSchema = z.object({
  approach: optional(keySchema),
  sector: optional(z.enum(Object.keys(SECTOR_LABELS) as [SectorKey, ...SectorKey[]])),
  shift: optional(z.enum(Object.keys(REFORM_SHIFT_LABELS) as [ShiftKey, ...ShiftKey[]])),
  from: optional(year),
  to: optional(year),
  design: optional(z.enum(DESIGN_FILTERS)),
  small: z
    .preprocess(blankToUndefined, z.enum(["1"]).nullable().catch(null))
    .default(null)
    .transform((v) => v === "1"),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).catch(1)).default(1),
});

export function parseExplorerFilters(params: RawParams): ExplorerFilters {
  const f = explorerSchema.parse(params);
  // A reversed period is read as the reader meant it.
  if (f.from !== null && f.to !== null && f.from > f.to) return { ...f, from: f.to, to: f.from };
  return f;
}

/** The explorer URL for these filters; defaults are left out so links stay canonical. */
export function explorerHref(key: string, f: ExplorerFilters, changes: Partial<ExplorerFilters> = {}): string {
  const next = { ...f, ...changes };
  const params = new URLSearchParams();
  for (const name of ["approach", "sector", "shift", "from", "to", "design"] as const) {
    if (next[name] !== null) params.set(name, String(next[name]));
  }
  if (next.small) params.set("small", "1");
  if (next.page > 1) params.set("page", String(next.page));
  const query = params.toString();
  return `/measures/${key}${query ? `?${query}` : ""}`;
}

/**
 * The compared slugs from ?cases=a,b,c plus the picker's ?add= and ?remove=:
 * valid slugs only, no repeats, at most MAX_COMPARED, in the order given.
 */
export function parseComparedSlugs(params: RawParams): string[] {
  const list = (name: string) =>
    [params[name]]
      .flat()
      .filter((v): v is string => typeof v === "string")
      .flatMap((v) => v.split(","));
  const remove = new Set(list("remove").map((s) => s.trim()));
  const slugs: string[] = [];
  for (const raw of [...list("cases"), ...list("add")]) {
    const s = raw.trim();
    if (SLUG_PATTERN.test(s) && s.length <= 120 && !remove.has(s) && !slugs.includes(s)) slugs.push(s);
  }
  return slugs.slice(0, MAX_COMPARED);
}

export function compareHref(slugs: string[]): string {
  // Commas are kept literal: the URL stays readable, as the issue writes it.
  return slugs.length ? `/compare?cases=${slugs.map(encodeURIComponent).join(",")}` : "/compare";
}

export const saveComparisonSchema = z.object({
  name: textSchema().trim().min(1, "Give the comparison a name").max(120, "Keep the name to 120 characters or fewer"),
  cases: textSchema()
    .transform((v) => parseComparedSlugs({ cases: v }))
    .pipe(z.array(z.string()).min(MIN_COMPARED, `Choose at least ${MIN_COMPARED} cases to compare`)),
});

export const approachDetailSchema = z.object({
  category: optional(keySchema),
  outcome: optional(z.enum(["worsened"])),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).catch(1)).default(1),
});

// ---- /approaches: the approach cards' filters ----

export const APPROACH_DESIGNS = [
  "before_after",
  "comparison_group",
  "difference_in_differences",
  "against_target",
  "interrupted_time_series",
] as const;

export interface ApproachFilters {
  sector: SectorKey | null;
  design: (typeof APPROACH_DESIGNS)[number] | null;
  /** Only figures at this evidence level (Maryland 1–5) or above. */
  level: number | null;
}

const approachFiltersSchema = z.object({
  sector: optional(z.enum(Object.keys(SECTOR_LABELS) as [SectorKey, ...SectorKey[]])),
  design: optional(z.enum(APPROACH_DESIGNS)),
  level: optional(z.coerce.number().int().min(2).max(5)),
});

export function parseApproachFilters(params: RawParams): ApproachFilters {
  return approachFiltersSchema.parse(params);
}

// ---- /dashboard: the board summary's grouping ----

const boardGroupingSchema = z.object({ group: z.preprocess(first, z.enum(["case", "approach"]).catch("case")).default("case") });

export function parseBoardGrouping(params: RawParams): "case" | "approach" {
  return boardGroupingSchema.parse(params).group;
}
