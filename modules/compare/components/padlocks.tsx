"use client";

// Evidence rating as padlocks (after the EEF Toolkit), drawn as SVG so they
// show on every machine (emoji padlocks were empty boxes where no emoji font
// is installed). The rating is also text ("3 of 5 padlocks"); the drawing is
// decoration and hidden from screen readers.
//
// A client component although it has no state: the RSC payload then carries
// `{"count":2}` instead of the drawing, which the server still renders into
// the HTML. /approaches shows some sixty ratings, and its render time (issue
// 14: the first request after a publish, at 10,000 cases) grows with every
// element a server component sends in both the HTML and the payload. For the
// same reason the five padlocks are one <svg> of at most four paths.

const STEP = 14; // one padlock is 12 wide, with 2 between
const DARK = "#1f2933";
const LIGHT = "#b8c2cc";

/** The shackles of the padlocks at these positions (0–4), as one path. */
const shackles = (at: number[]) => at.map((i) => `M${3 + i * STEP} 6V4a3 3 0 0 1 6 0v2`).join("");
/** Their bodies: 10 × 7.5, the corners rounded by the stroke's round joins. */
const bodies = (at: number[]) => at.map((i) => `M${1 + i * STEP} 6h10v7.5h-10z`).join("");

function PadlockRow({ filled }: { filled: number }) {
  const full = [0, 1, 2, 3, 4].filter((i) => i < filled);
  const empty = [0, 1, 2, 3, 4].filter((i) => i >= filled);
  return (
    <svg viewBox="0 0 68 14" width="68" height="14" aria-hidden="true" focusable="false" className="inline-block align-[-2px]">
      {full.length ? (
        <>
          <path d={shackles(full)} fill="none" stroke={DARK} strokeWidth="1.6" />
          <path d={bodies(full)} fill={DARK} stroke={DARK} strokeWidth="1.2" strokeLinejoin="round" />
        </>
      ) : null}
      {empty.length ? (
        <>
          <path d={shackles(empty)} fill="none" stroke={LIGHT} strokeWidth="1.6" />
          <path d={bodies(empty)} fill="#fff" stroke={LIGHT} strokeWidth="1.2" strokeLinejoin="round" />
        </>
      ) : null}
    </svg>
  );
}

export function Padlocks({ count, label = "padlocks" }: { count: number; label?: string }) {
  const n = Math.max(0, Math.min(5, Math.round(count)));
  return (
    <span className="inline-flex items-center gap-0.5 whitespace-nowrap" data-testid="padlocks" data-count={n}>
      <PadlockRow filled={n} />
      <span className="ml-1 text-sm">
        {`${n} of 5`}
        <span className="sr-only">{` ${label}`}</span>
      </span>
    </span>
  );
}
