// The round Making Data Count icon: a letter (H, L, ~, P, F, ?) in a ring
// coloured by improvement. Drawn alone so the badges beside a chart and the
// summary table (a client component) share it without the SPC presenter.
import { CHART_COLOURS } from "@/components/charts/chart-colours";
import type { SpcIconView } from "@/modules/spc/present/spc-overview";

/** `label`: the icon's meaning as its accessible name; without one it is decoration beside the same words. */
export function SpcGlyph({ icon, size = 28, label }: { icon: Pick<SpcIconView, "tone" | "glyph">; size?: number; label?: string }) {
  const colour = CHART_COLOURS[icon.tone];
  return (
    <svg width={size} height={size} viewBox="0 0 28 28" {...(label ? { role: "img", "aria-label": label } : { "aria-hidden": true })}>
      <circle cx="14" cy="14" r="12" fill="#fff" stroke={colour} strokeWidth="2.5" />
      <text x="14" y="14" textAnchor="middle" dominantBaseline="central" fontSize="13" fontWeight="700" fill={colour}>
        {icon.glyph}
      </text>
    </svg>
  );
}
