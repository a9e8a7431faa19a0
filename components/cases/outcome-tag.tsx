import type { Outcome } from "@/lib/domain/measure-types";
import type { Tone } from "@/components/charts/chart-colours";

const TONE_CLASSES: Record<Tone, string> = {
  improvement: "border-improvement text-improvement",
  concern: "border-concern text-concern",
  neutral: "border-neutral text-neutral",
};

const SYMBOLS: Record<Outcome, string> = {
  improved: "▲",
  worsened: "▼",
  no_change: "●",
  changed: "◆",
  unknown: "–",
};

// Outcome in words plus a symbol, so meaning never depends on colour alone.
export function OutcomeTag({ outcome, word, tone }: { outcome: Outcome; word: string; tone: Tone }) {
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-semibold ${TONE_CLASSES[tone]}`}>
      <span aria-hidden="true">{SYMBOLS[outcome]}</span>
      {word}
    </span>
  );
}
