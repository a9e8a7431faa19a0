// The two Making Data Count icons as inline SVG with their meaning in words
// beside them: a variation icon (from the latest point) and an assurance icon
// (against the target). Colour follows improvement; the letter and the words
// carry the same meaning, so nothing rests on colour alone.
import { CHART_COLOURS, type Tone } from "@/components/charts/chart-colours";
import type { SpcView } from "@/lib/present/spc";

function Badge({ tone, glyph, text, testId }: { tone: Tone; glyph: string; text: string; testId: string }) {
  const colour = CHART_COLOURS[tone];
  return (
    <span className="inline-flex items-center gap-2 rounded border px-2 py-1 text-sm" style={{ borderColor: colour }} data-testid={testId}>
      <svg width="28" height="28" viewBox="0 0 28 28" role="img" aria-label={text}>
        <circle cx="14" cy="14" r="12" fill="#fff" stroke={colour} strokeWidth="2.5" />
        <text x="14" y="14" textAnchor="middle" dominantBaseline="central" fontSize="13" fontWeight="700" fill={colour}>
          {glyph}
        </text>
      </svg>
      <span aria-hidden="true">{text}</span>
    </span>
  );
}

export function VariationIcon({ variation }: { variation: SpcView["variation"] }) {
  const glyph = variation.type === "common_cause" ? "~" : variation.side === "high" ? "H" : variation.side === "low" ? "L" : "!";
  return <Badge tone={variation.tone} glyph={glyph} text={variation.text} testId="spc-variation-icon" />;
}

export function AssuranceIcon({ assurance }: { assurance: NonNullable<SpcView["assurance"]> }) {
  const tone: Tone = assurance.type === "pass" ? "improvement" : assurance.type === "fail" ? "concern" : "neutral";
  const glyph = assurance.type === "pass" ? "P" : assurance.type === "fail" ? "F" : "?";
  return <Badge tone={tone} glyph={glyph} text={assurance.text} testId="spc-assurance-icon" />;
}
