import type { Outcome } from "@/lib/domain/measure-types";
import type { Tone } from "@/components/charts/chart-colours";

const SYMBOLS: Record<Outcome, string> = {
  improved: "✓",
  worsened: "✗",
  no_change: "●",
  changed: "◆",
  no_clear_difference: "≈",
  unknown: "–",
};

// Outcome in words plus a symbol, so meaning never depends on colour alone.
// The symbols judge without pointing: an arrow up beside a fall (fewer
// referrals, an improvement) read as the opposite of the figure it sat by.
export function OutcomeTag({ outcome, word, tone }: { outcome: Outcome; word: string; tone: Tone }) {
  return (
    <span className={`tag tag-${tone}`}>
      <span aria-hidden="true">{SYMBOLS[outcome]}</span>
      {word}
    </span>
  );
}
