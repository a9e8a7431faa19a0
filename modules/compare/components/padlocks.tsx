// Evidence rating as padlocks (after the EEF Toolkit), drawn as SVG so they
// show on every machine (emoji padlocks were empty boxes where no emoji font
// is installed). The rating is also text ("3 of 5 padlocks"); the drawing is
// decoration and hidden from screen readers.

function Padlock({ filled }: { filled: boolean }) {
  const colour = filled ? "#1f2933" : "#b8c2cc";
  return (
    <svg viewBox="0 0 12 14" width="12" height="14" aria-hidden="true" focusable="false" className="inline-block align-[-2px]">
      <path d="M3 6V4a3 3 0 0 1 6 0v2" fill="none" stroke={colour} strokeWidth="1.6" />
      <rect x="1" y="6" width="10" height="7.5" rx="1.2" fill={filled ? colour : "#fff"} stroke={colour} strokeWidth="1.2" />
    </svg>
  );
}

export function Padlocks({ count, label = "padlocks" }: { count: number; label?: string }) {
  const n = Math.max(0, Math.min(5, Math.round(count)));
  return (
    <span className="inline-flex items-center gap-0.5 whitespace-nowrap" data-testid="padlocks" data-count={n}>
      {[0, 1, 2, 3, 4].map((i) => (
        <Padlock key={i} filled={i < n} />
      ))}
      <span className="ml-1 text-sm">
        {n} of 5<span className="sr-only"> {label}</span>
      </span>
    </span>
  );
}
