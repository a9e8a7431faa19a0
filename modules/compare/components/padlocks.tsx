// Evidence rating as padlocks (after the EEF Toolkit): the number in words for
// screen readers and as text, the symbols only as decoration.
export function Padlocks({ count }: { count: number }) {
  return (
    <span className="whitespace-nowrap" data-testid="padlocks">
      <span aria-hidden="true" className="tracking-tight">
        {"🔒".repeat(count)}
        <span className="text-slate-300">{"🔒".repeat(5 - count)}</span>
      </span>
      <span className="ml-1 text-sm">{count} of 5</span>
    </span>
  );
}
