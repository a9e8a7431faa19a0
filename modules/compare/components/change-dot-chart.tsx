"use client";

// A dot/forest chart of every case's change in one measure category of an
// approach: one row per figure, the change as a dot whose shape marks the
// design, the source's interval as a whisker, the line of no change at 0,
// colour by improvement (blue), deterioration (orange) or neither (grey). Each
// dot is a link to its case. With more figures than can be drawn one by one,
// the chart shows their spread (a box for the middle half, whiskers to the
// extremes).
//
// The server renders the SVG into the HTML as before; it is a client component
// only so that the RSC payload carries the figures (for a spread, five
// numbers) rather than every element of the drawing a second time. With ~40
// charts on /approaches, the drawings in the payload were a third of the page,
// and serialising and inlining them most of its render time (issue 14: the
// first request after a publish, at 10,000 cases). It has no state and no
// effects; hydrating it costs the browser a few milliseconds.
import type { Design } from "@/lib/domain/evidence-types";
import { DESIGN_SHORT } from "@/lib/domain/evidence-text";
import type { Outcome } from "@/lib/domain/measure-types";
import type { PoolScale } from "@/lib/domain/pooling";
import { dotAxis } from "@/lib/domain/dot-axis";
import { CHART_COLOURS } from "@/components/charts/chart-colours";

export interface DotChartDot {
  href: string;
  name: string;
  /** What a reader hears or hovers: the case, the measure and the change in words. */
  description: string;
  value: number;
  lower: number | null;
  upper: number | null;
  design: Design;
  outcome: Outcome;
}

export interface DotChartSpread {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

const WIDTH = 640;
const LABEL = 190;
const RIGHT = 16;
const ROW = 18;
const TOP = 8;
const AXIS = 30;

const colourOf = (o: Outcome) =>
  o === "improved" ? CHART_COLOURS.improvement : o === "worsened" ? CHART_COLOURS.concern : CHART_COLOURS.neutral;

export const DESIGN_ORDER: Design[] = [
  "before_after",
  "comparison_group",
  "difference_in_differences",
  "interrupted_time_series",
  "against_target",
];

/** The mark of a design, centred on (x, y). */
export function DesignMark({ design, x, y, fill }: { design: Design; x: number; y: number; fill: string }) {
  const s = 5;
  const common = { fill, stroke: "#1f2933", strokeWidth: 1 };
  switch (design) {
    case "comparison_group":
      return <rect x={x - s} y={y - s} width={2 * s} height={2 * s} {...common} />;
    case "difference_in_differences":
      return <path d={`M${x} ${y - s - 1}L${x + s + 1} ${y}L${x} ${y + s + 1}L${x - s - 1} ${y}Z`} {...common} />;
    case "interrupted_time_series":
      return <path d={`M${x} ${y - s - 1}L${x + s + 1} ${y + s}L${x - s - 1} ${y + s}Z`} {...common} />;
    case "against_target":
      return <path d={`M${x} ${y + s + 1}L${x + s + 1} ${y - s}L${x - s - 1} ${y - s}Z`} {...common} />;
    default:
      return <circle cx={x} cy={y} r={s} {...common} />;
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function ChangeDotChart({
  id,
  title,
  scale,
  dots,
  spread,
}: {
  id: string;
  title: string;
  scale: PoolScale;
  dots: DotChartDot[];
  spread?: DotChartSpread;
}) {
  const values = spread
    ? [spread.min, spread.max]
    : dots.flatMap((d) => [d.value, ...(d.lower !== null ? [d.lower] : []), ...(d.upper !== null ? [d.upper] : [])]);
  const axis = dotAxis(values, scale);
  const plotLeft = LABEL;
  const plotWidth = WIDTH - LABEL - RIGHT;
  // To a tenth of a pixel: more digits draw nothing and only lengthen the page.
  const x = (v: number) => Math.round((plotLeft + ((v - axis.min) / (axis.max - axis.min || 1)) * plotWidth) * 10) / 10;
  const rows = spread ? 1 : dots.length;
  const height = TOP + rows * ROW + AXIS;
  const bottom = TOP + rows * ROW;
  return (
    <svg
      id={id}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      className="h-auto max-w-full"
      role="group"
      aria-label={title}
      data-testid="dot-chart"
      fontFamily="system-ui, sans-serif"
    >
      <title>{title}</title>
      {/* The grid as one path, the tick labels sharing their group's attributes: every element and attribute is sent twice (HTML and RSC payload). */}
      <path d={axis.ticks.map((t) => `M${x(t.at)} ${TOP}V${bottom}`).join("")} stroke="#e2e8f0" />
      <g fontSize={11} textAnchor="middle" fill="#475569">
        {axis.ticks.map((t) => (
          <text key={t.at} x={x(t.at)} y={bottom + 14}>
            {t.label}
          </text>
        ))}
      </g>
      <line x1={x(0)} x2={x(0)} y1={TOP - 4} y2={bottom} stroke="#1f2933" strokeDasharray="4 3" />
      <text x={x(0)} y={bottom + 27} fontSize={10} textAnchor="middle" fill="#475569">
        no change
      </text>
      {spread ? (
        <g>
          <text x={LABEL - 8} y={TOP + ROW / 2 + 4} fontSize={11} textAnchor="end" fill="#1f2933">
            All figures (spread)
          </text>
          <line x1={x(spread.min)} x2={x(spread.max)} y1={TOP + ROW / 2} y2={TOP + ROW / 2} stroke="#1f2933" strokeWidth={1.5} />
          <rect
            x={x(spread.q1)}
            y={TOP + 3}
            width={Math.round(Math.max(1, x(spread.q3) - x(spread.q1)) * 10) / 10}
            height={ROW - 6}
            fill="#cfe0f1"
            stroke="#1f2933"
          />
          <line x1={x(spread.median)} x2={x(spread.median)} y1={TOP + 2} y2={TOP + ROW - 2} stroke="#1f2933" strokeWidth={2.5} />
        </g>
      ) : (
        dots.map((d, i) => {
          const y = TOP + i * ROW + ROW / 2;
          const fill = colourOf(d.outcome);
          return (
            <a key={`${d.href}-${i}`} href={d.href} aria-label={d.description}>
              <title>{d.description}</title>
              <text x={LABEL - 8} y={y + 4} fontSize={11} textAnchor="end" fill="#1f2933">
                {truncate(d.name, 30)}
              </text>
              {d.lower !== null && d.upper !== null ? (
                <g stroke="#1f2933" strokeWidth={1.5}>
                  <line x1={x(d.lower)} x2={x(d.upper)} y1={y} y2={y} />
                  <line x1={x(d.lower)} x2={x(d.lower)} y1={y - 4} y2={y + 4} />
                  <line x1={x(d.upper)} x2={x(d.upper)} y1={y - 4} y2={y + 4} />
                </g>
              ) : null}
              <DesignMark design={d.design} x={x(d.value)} y={y} fill={fill} />
              {/* A wider invisible target, so the dot is easy to hover and click. */}
              <rect x={0} y={y - ROW / 2} width={WIDTH} height={ROW} fill="transparent" />
            </a>
          );
        })
      )}
    </svg>
  );
}

/** The legend: the marks of the designs drawn, and the colours. */
export function DotChartLegend({ designs }: { designs: Design[] }) {
  const shown = DESIGN_ORDER.filter((d) => designs.includes(d));
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Chart key">
      {shown.map((d) => (
        <li key={d} className="inline-flex items-center gap-1">
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <DesignMark design={d} x={7} y={7} fill="#fff" />
          </svg>
          {DESIGN_SHORT[d]}
        </li>
      ))}
      <li className="inline-flex items-center gap-1">
        <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ background: CHART_COLOURS.improvement }} />
        improved
      </li>
      <li className="inline-flex items-center gap-1">
        <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ background: CHART_COLOURS.concern }} />
        got worse
      </li>
      <li className="inline-flex items-center gap-1">
        <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ background: CHART_COLOURS.neutral }} />
        no clear change
      </li>
      <li>whiskers: the source&apos;s interval</li>
    </ul>
  );
}
