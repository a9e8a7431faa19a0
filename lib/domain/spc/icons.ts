// Point colours and the two summary icons of Making Data Count.

import type { Assurance, ImprovementDirection, PointType } from "./types";

/**
 * NHSRplotthedots ptd_point_type: the signal's side (+1 high, −1 low, 0 none)
 * oriented by the improvement direction. PTD splits neutral into
 * special_cause_neutral_high/_low; our API has one neutral type.
 */
export function pointTypeFor(signal: number, direction: ImprovementDirection): PointType {
  if (signal === 0) return "common_cause";
  if (direction === "neutral") return "special_cause_neutral";
  const oriented = direction === "increase" ? signal : -signal;
  return oriented > 0 ? "special_cause_improvement" : "special_cause_concern";
}

/**
 * Variation icon: the type of the last point (PTD's summary() and icons take
 * the point_type of the latest date). An empty series is common cause.
 */
export function variationIcon(pointTypes: readonly PointType[]): PointType {
  return pointTypes[pointTypes.length - 1] ?? "common_cause";
}

/**
 * NHSRplotthedots ptd_calculate_assurance_type, on the last point's limits
 * (i.e. the last phase):
 *   target > upl → increase: consistent fail, decrease: consistent pass
 *   target < lpl → increase: consistent pass, decrease: consistent fail
 *   otherwise (target inside or on the limits) → inconsistent ("hit and miss")
 * No target, or a neutral direction → no assurance icon.
 *
 * Deliberate deviation: when the last phase's limits are undefined (PTD: NaN,
 * so every comparison is NA and PTD falls through to "inconsistent") we
 * compare with the collapsed limits (= the mean) that we report, so a flat
 * series at 5 against a target of 10 reads "fail" rather than "hit and miss".
 */
export function assuranceIcon(
  target: number | null | undefined,
  direction: ImprovementDirection,
  lastLimits: { lpl: number; upl: number } | null,
): Assurance {
  if (target === null || target === undefined || direction === "neutral" || lastLimits === null) return "none";
  const increasing = direction === "increase";
  if (target > lastLimits.upl) return increasing ? "fail" : "pass";
  if (target < lastLimits.lpl) return increasing ? "pass" : "fail";
  return "hit_and_miss";
}
