import { z } from "zod";
import { textSchema } from "@/lib/schemas/text";
import { ANNOTATION_MAX, SERIES_FREQUENCIES, SERIES_MAX_POINTS, checkFrequency, isIsoDate } from "@/lib/domain/series";
import { checkNumberValue, FIGURE_RULES } from "@/lib/domain/parse-number";
import { checkPlausibleDate } from "@/lib/domain/plausible-date";
import { figureSchema } from "./measure";

// A measure's series as the workspace editor (or an API) sends it: already
// parsed into ISO dates and numbers by lib/domain/series on the client, and
// parsed again here because nothing that enters is trusted. The check that
// values fit the measure's unit needs the measure, so the data layer makes it.

export const HEADLINE_METHODS = ["figures", "series_phase_means"] as const;

/** The run length N of the shift and trend rules: 7 by default, as NHS Making Data Count; the database allows 5 to 12. */
export const SPC_RUN_LENGTH_DEFAULT = 7;
export const SPC_RUN_LENGTH_MIN = 5;
export const SPC_RUN_LENGTH_MAX = 12;

/** Fix limits after N points: NHSRplotthedots requires N ≥ 12; a series holds at most SERIES_MAX_POINTS (the database's CHECK). */
export const SPC_FIX_AFTER_MIN = 12;

const isoDateSchema = textSchema().refine(isIsoDate, "Enter the date as YYYY-MM-DD");

export const seriesPointSchema = z.object({
  date: isoDateSchema,
  value: z.number({ message: "Enter a number" }).superRefine((n, ctx) => {
    const checked = checkNumberValue(n, FIGURE_RULES);
    if (!checked.ok) ctx.addIssue({ code: "custom", message: checked.message });
  }),
  annotation: textSchema()
    .trim()
    .max(ANNOTATION_MAX, `A note must be ${ANNOTATION_MAX} characters or fewer`)
    .nullish()
    .transform((v) => (v ? v : null)),
});

/** A series' own fields: what the editor and the API send for one measure (the case and measure come from the form or the URL). */
export const seriesFieldsSchema = z.object({
  revision: z.coerce.number().int().min(1),
  points: z.array(seriesPointSchema).max(SERIES_MAX_POINTS, `At most ${SERIES_MAX_POINTS} points can be stored per measure`),
  rebaseDates: z.array(isoDateSchema).max(20, "At most 20 rebase dates"),
  target: figureSchema,
  runLength: z.coerce
    .number({ message: "Choose how many points make a shift or a trend" })
    .int("Choose how many points make a shift or a trend")
    .min(SPC_RUN_LENGTH_MIN, `A shift or trend needs at least ${SPC_RUN_LENGTH_MIN} points`)
    .max(SPC_RUN_LENGTH_MAX, `A shift or trend of more than ${SPC_RUN_LENGTH_MAX} points would hide real changes`),
  headlineMethod: z.enum(HEADLINE_METHODS, { message: "Choose where the headline figures come from" }),
  // Issue 18: the options NHS analysts set (NHSRplotthedots screen_outliers, fix_after_n_points).
  screenOutliers: z.boolean({ message: "Choose whether to screen moving-range outliers" }).default(true),
  fixAfterPoints: z.coerce
    .number({ message: "Enter how many points fix the limits, or leave it blank" })
    .int("Enter a whole number of points")
    .min(SPC_FIX_AFTER_MIN, `Limits can be fixed after ${SPC_FIX_AFTER_MIN} points or more (fewer cannot give robust limits)`)
    .max(SERIES_MAX_POINTS, `A series holds at most ${SERIES_MAX_POINTS} points`)
    .nullable()
    .default(null),
  // Issue 16: how often the series has a point. Absent (older callers): stored as the dates look.
  frequency: z.enum(SERIES_FREQUENCIES, { message: "Choose how often the series has a point" }).nullish(),
});

type SeriesFields = z.infer<typeof seriesFieldsSchema>;

/** The rules across points: no date twice, one point per period, rebase dates inside the series. */
function checkSeries(s: SeriesFields, ctx: z.RefinementCtx) {
  const seen = new Map<string, number>();
  s.points.forEach((p, i) => {
    const first = seen.get(p.date);
    if (first !== undefined)
      ctx.addIssue({ code: "custom", path: ["points", i, "date"], message: `${p.date} appears twice (also row ${first + 1})` });
    else seen.set(p.date, i);
  });
  if (s.frequency && seen.size === s.points.length) {
    // One point per period, on the grid the first point sets (lib/domain/series/frequency.ts).
    const order = s.points.map((p, i) => ({ date: p.date, i })).sort((a, b) => (a.date < b.date ? -1 : 1));
    for (const e of checkFrequency(
      order.map((o) => o.date),
      s.frequency,
    ).errors) {
      ctx.addIssue({ code: "custom", path: ["points", order[e.index]!.i, "date"], message: e.message });
    }
  }
  if (new Set(s.rebaseDates).size !== s.rebaseDates.length) {
    ctx.addIssue({ code: "custom", path: ["rebaseDates"], message: "A rebase date is listed twice" });
  }
  s.points.forEach((p, i) => {
    const implausible = checkPlausibleDate(p.date, "The date");
    if (implausible) ctx.addIssue({ code: "custom", path: ["points", i, "date"], message: implausible });
  });
  // A rebase starts a new phase: it needs points before it and a point on or after it (issue 19).
  const dates = s.points.map((p) => p.date).sort();
  const [first, last] = [dates[0], dates[dates.length - 1]];
  for (const d of new Set(s.rebaseDates)) {
    if (first === undefined || last === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["rebaseDates"],
        message: `A rebase date (${d}) needs a series to split: add the points first`,
      });
    } else if (d <= first || d > last) {
      ctx.addIssue({
        code: "custom",
        path: ["rebaseDates"],
        message: `The rebase date ${d} is outside the series (${first} to ${last}): a new phase must start after the first point and no later than the last`,
      });
    }
  }
}

export const seriesInputSchema = seriesFieldsSchema
  .extend({
    caseId: z.uuid({ message: "This case could not be found" }),
    measureId: z.uuid({ message: "This measure could not be found" }),
  })
  .superRefine(checkSeries);

/** The series body of the API (PUT /api/v1/drafts/{id}/measures/{measureId}/series): the same rules. */
export const seriesBodySchema = seriesFieldsSchema.superRefine(checkSeries);

export type SeriesInput = z.infer<typeof seriesInputSchema>;
export type SeriesFormValues = z.input<typeof seriesInputSchema>;
