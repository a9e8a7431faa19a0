// Words and numbers for pooled figures, shared by the comparison pages. Pure.
import { outcomeColourToken } from "@/lib/domain/change";
import { formatNumber, formatPercentagePoints, formatSignedPercent, MINUS } from "@/lib/domain/format";
import type { Outcome } from "@/lib/domain/measure-types";
import { logToPercent, type PoolScale, type PoolStatus } from "@/lib/domain/pooling";
import type { Tone } from "@/components/charts/chart-colours";

export const OUTCOME_WORDS: Record<Outcome, string> = {
  improved: "improved",
  worsened: "got worse",
  no_change: "no change",
  changed: "changed (neither direction better)",
  no_clear_difference: "no clear difference",
  unknown: "no change computable",
};

export const STATUS_WORDS: Record<Exclude<PoolStatus, "pooled">, string> = {
  zero_baseline: "Baseline of 0: no ratio, so no log or % change",
  fell_to_zero: "Fell to 0 (−100%): no log change",
  not_comparable: "Not on this scale (e.g. a reported % change for a % measure, or per cent vs points not stated)",
  one_figure: "Only a before or an after value: no change",
  small_baseline:
    "A small baseline (under 5, or a rise of over 500%): the % change misleads, so it is shown as an absolute change and pooled only on request",
  absolute: "An absolute difference in the measure's unit (e.g. “saved £400,000”): listed, never pooled with relative changes",
  words: "A finding in words: counted by what the source found, never turned into a number",
};

export function toneOf(outcome: Outcome): Tone {
  return outcomeColourToken(outcome);
}

function signed(n: number, decimals = 1): string {
  const text = formatNumber(Math.abs(n), decimals);
  if (text === "0") return "0";
  return `${n < 0 ? MINUS : "+"}${text}`;
}

/** A pooled value: "−52.8 (≈ −41%)" on the log scale, "+14 pp" in points. */
export function formatPooled(value: number | null, scale: PoolScale): string {
  if (value === null) return "–";
  if (scale === "pp") return formatPercentagePoints(value);
  return `${signed(value)} (≈ ${formatSignedPercent(logToPercent(value))})`;
}

export const SCALE_EXPLANATIONS: Record<PoolScale, string> = {
  log: "Changes are pooled as log changes, 100 × ln(after ÷ before), because they are symmetric: a halving (−69.3) and a doubling (+69.3) are the same size, where −50% and +100% are not. A reported fall of 41% is a log change of −52.8. Each figure's change as reported is in the table.",
  pp: "This measure is itself a percentage, so changes are pooled in percentage points (46% → 60% is +14 pp). A reported per cent change cannot be turned into points, so such figures are listed apart.",
};
