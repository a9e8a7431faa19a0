// A plain-English reading of an SPC result, for case-study pages, e.g.
// "From March 2024 the mean fell from 48 to 31 a month; 9 months in a row
// below the previous mean: a real shift, not noise."
// It only states what the result shows; it never claims more (DOMAIN.md:
// do not overclaim).

import type { PointType, SpcPhase, SpcResult, SpcSummaryOptions } from "./types";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2024-03-01" → "March 2024"; anything else is shown as given. The default of SpcSummaryOptions.dateLabel. */
function monthOf(x: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(x);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${month} ${m[1]}` : x;
}

/** Readable rounding: whole numbers from 10 up, else up to 2 significant figures. */
function num(v: number): string {
  const a = Math.abs(v);
  if (a >= 10) return Math.round(v).toLocaleString("en-GB");
  if (a === 0) return "0";
  return String(Number(v.toPrecision(2)));
}

function amount(v: number, unit?: string): string {
  if (!unit) return num(v);
  if (unit === "£") return `${v < 0 ? "−" : ""}£${num(Math.abs(v))}`;
  return unit === "%" ? `${num(v)}%` : `${num(v)} ${unit}`;
}

/** A share is a level, not a count per interval: "24%", never "24% a month" (DOMAIN.md). */
function perInterval(opts: SpcSummaryOptions): string {
  return opts.intervalLabel && opts.unitLabel !== "%" ? ` ${opts.intervalLabel}` : "";
}

/** The change between two means of a percentage, in percentage points: "38 percentage points". */
function points(from: number, to: number): string {
  const d = Math.abs(to - from);
  return `${num(d)} percentage ${d === 1 ? "point" : "points"}`;
}

/** "a month" → "months", "per week" → "weeks"; no label → "points". */
function plural(intervalLabel: string | undefined, count: number): string {
  const base = intervalLabel?.replace(/^(a|an|per|each)\s+/i, "").trim();
  if (!base) return count === 1 ? "point" : "points";
  return count === 1 ? base : `${base}s`;
}

const VARIATION: Record<PointType, string> = {
  common_cause: "common cause variation (noise, no signal)",
  special_cause_improvement: "special cause variation in the improving direction",
  special_cause_concern: "special cause variation in the worsening direction",
  special_cause_neutral: "special cause variation",
};

/** Longest run of consecutive points from `start` to `end` strictly on one side of `level`. */
function longestRun(result: SpcResult, start: number, end: number, level: number, below: boolean): number {
  let best = 0;
  let run = 0;
  for (let i = start; i <= end; i++) {
    const y = result.points[i]!.y;
    run = (below ? y < level : y > level) ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

function changeSentence(result: SpcResult, before: SpcPhase, after: SpcPhase, opts: SpcSummaryOptions): string {
  const when = opts.dateLabel ?? monthOf;
  const from = result.points[after.start]!.x;
  const per = perInterval(opts);
  if (after.mean === before.mean) {
    return `From ${when(from)} the mean stayed at ${amount(after.mean, opts.unitLabel)}${per}.`;
  }
  const below = after.mean < before.mean;
  const verb = below ? "fell" : "rose";
  // The unit once, after the second figure ("from 48 to 31 referrals"), except "%" which sticks to each number.
  const first = opts.unitLabel === "%" || opts.unitLabel === "£" ? amount(before.mean, opts.unitLabel) : num(before.mean);
  // A percentage leads with its change in points, as everywhere else (46% → 60% is +14 pp).
  const pp = opts.unitLabel === "%" ? `, ${points(before.mean, after.mean)} ${below ? "lower" : "higher"}` : "";
  const head = `From ${when(from)} the mean ${verb} from ${first} to ${amount(after.mean, opts.unitLabel)}${per}${pp}`;
  // A shift against the old mean is the Making Data Count evidence that the
  // system changed (and that rebasing was justified); N is the run length.
  const run = longestRun(result, after.start, after.end, before.mean, below);
  const side = below ? "below" : "above";
  const units = plural(opts.intervalLabel, run);
  if (run >= result.runLength) {
    return `${head}; ${run} ${units} in a row ${side} the previous mean: a real shift, not noise.`;
  }
  const beyond = result.points.slice(after.start, after.end + 1).filter((p) => (below ? p.y < before.lpl : p.y > before.upl)).length;
  if (beyond > 0) {
    return `${head}; ${beyond} ${plural(opts.intervalLabel, beyond)} beyond the previous process limits: a signal that something changed, not noise.`;
  }
  return `${head}; at most ${run} ${units} in a row ${side} the previous mean (${result.runLength} needed for a shift): not yet distinguishable from noise.`;
}

export function summariseSpc(result: SpcResult, opts: SpcSummaryOptions = {}): string {
  const { phases } = result;
  const last = phases[phases.length - 1];
  if (!last) return "No data to summarise.";
  const when = opts.dateLabel ?? monthOf;
  const sentences: string[] = [];

  let after: SpcPhase | undefined;
  if (opts.interventionIndex !== undefined) {
    after = phases.find((ph) => ph.start === opts.interventionIndex);
    if (!after || after.phase === 1) {
      const x = result.points[opts.interventionIndex]?.x;
      sentences.push(
        `The limits were not recalculated at the intervention${x ? ` (${when(x)})` : ""}, so the chart cannot show whether its level changed then.`,
      );
      after = undefined;
    }
  } else if (phases.length > 1) {
    after = last;
  }

  if (after) {
    const before = phases[after.phase - 2]!;
    sentences.push(changeSentence(result, before, after, opts));
    if (after.trialLimits) {
      const n = after.end - after.start + 1;
      sentences.push(`The new phase has only ${n} ${plural(opts.intervalLabel, n)}, so its limits are trial limits.`);
    }
  } else {
    const per = perInterval(opts);
    sentences.push(
      `The mean is ${amount(last.mean, opts.unitLabel)}${per}, with process limits from ${amount(last.lpl, opts.unitLabel)} to ${amount(last.upl, opts.unitLabel)}.`,
    );
  }

  sentences.push(`The latest point shows ${VARIATION[result.variation]}.`);
  if (result.assurance === "pass")
    sentences.push("The target sits outside the limits on the good side: it will be met consistently unless the process changes.");
  if (result.assurance === "fail")
    sentences.push("The target sits outside the limits on the bad side: it will be missed consistently unless the process changes.");
  if (result.assurance === "hit_and_miss") sentences.push("The target sits inside the limits: it will be hit and missed at random.");
  if (last.runChartOnly) sentences.push("There are too few points for firm limits: read it as a run chart.");
  return sentences.join(" ");
}
