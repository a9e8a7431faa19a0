// Whether a measure's change at the intervention is supported by a
// special-cause signal (Making Data Count), for the comparison views: after
// the intervention, either a run of N points in a row on one side of the
// previous phase's mean (a shift) or a point beyond the previous phase's
// process limits. It is the same test summariseSpc states in words, so the
// explorer's mark and the case page's sentence agree.
import { calculateSpc, type ImprovementDirection } from "@/lib/domain/spc";
import { resolveFrequency, type SeriesFrequency } from "./frequency";
import { planPhases } from "./phases";

export type SignalStatus =
  /** A shift or limit breach after the intervention. */
  | "special_cause"
  /** A series that splits at the intervention, with no signal: not distinguishable from noise. */
  | "no_signal"
  /** A series too short for firm limits (fewer than 13 points). */
  | "too_short"
  /** Irregular dates: charted as a run chart, so there is no SPC test. */
  | "irregular"
  /** A series that the intervention date does not split (or no intervention date). */
  | "no_split";

export interface ChangeSignal {
  status: SignalStatus;
  /** Which way the signal points, oriented by the measure's improvement direction; null without a signal. */
  tone: "improvement" | "concern" | "neutral" | null;
  /** Longest run after the intervention on the side the mean moved to. */
  longestRun: number;
  /** Points after the intervention beyond the previous process limits on that side. */
  beyondPreviousLimits: number;
  runLength: number;
  points: number;
  description: string;
}

export interface ChangeSignalOptions {
  interventionDate: string | null;
  rebaseDates?: readonly string[];
  direction: ImprovementDirection;
  runLength?: number;
  /** The measure's SPC options, as its chart uses them (issue 18). */
  screenOutliers?: boolean;
  fixAfterPoints?: number | null;
  /** The measure's stored frequency; null: as the dates look. */
  frequency?: SeriesFrequency | null;
}

export function assessChangeSignal(points: ReadonlyArray<{ date: string; value: number }>, options: ChangeSignalOptions): ChangeSignal {
  const runLength = options.runLength ?? 7;
  const base = { tone: null, longestRun: 0, beyondPreviousLimits: 0, runLength, points: points.length };
  const plan = planPhases(
    points.map((p) => p.date),
    options.interventionDate,
    options.rebaseDates ?? [],
  );
  if (plan.interventionIndex === undefined) {
    return { ...base, status: "no_split", description: "The series does not have points on both sides of the intervention." };
  }
  const frequency = resolveFrequency(
    options.frequency,
    points.map((p) => p.date),
  );
  if (frequency === "irregular") {
    return {
      ...base,
      status: "irregular",
      description: "Irregular dates: charted as a run chart, which has no process limits to test a change against.",
    };
  }
  const result = calculateSpc(
    points.map((p) => ({ x: p.date, y: p.value })),
    {
      improvementDirection: options.direction,
      rebaseAt: plan.rebaseAt,
      runLength,
      screenOutliers: options.screenOutliers ?? true,
      fixAfterNPoints: options.fixAfterPoints ?? null,
    },
  );
  if (points.length < 13) {
    return { ...base, status: "too_short", description: `Only ${points.length} points: too few to tell a real change from noise.` };
  }
  const afterIdx = result.phases.findIndex((p) => p.start === plan.interventionIndex);
  const before = result.phases[afterIdx - 1]!;
  const after = result.phases[afterIdx]!;
  const down = after.mean < before.mean;
  let run = 0;
  let best = 0;
  let beyond = 0;
  for (let i = after.start; i <= after.end; i++) {
    const y = result.points[i]!.y;
    run = (down ? y < before.mean : y > before.mean) ? run + 1 : 0;
    best = Math.max(best, run);
    if (!before.runChartOnly && (down ? y < before.lpl : y > before.upl)) beyond++;
  }
  const signal = after.mean !== before.mean && (best >= runLength || beyond > 0);
  if (!signal) {
    return {
      ...base,
      longestRun: best,
      beyondPreviousLimits: beyond,
      status: "no_signal",
      description: `No shift (at most ${best} points in a row past the previous mean; ${runLength} needed) and no point beyond the previous limits: not distinguishable from noise.`,
    };
  }
  const tone = options.direction === "neutral" ? "neutral" : (options.direction === "decrease") === down ? "improvement" : "concern";
  const what = [
    best >= runLength ? `${best} points in a row ${down ? "below" : "above"} the previous mean` : null,
    beyond > 0 ? `${beyond} beyond the previous limits` : null,
  ]
    .filter(Boolean)
    .join("; ");
  return {
    ...base,
    tone,
    longestRun: best,
    beyondPreviousLimits: beyond,
    status: "special_cause",
    description: `A special-cause signal after the intervention: ${what}.`,
  };
}
