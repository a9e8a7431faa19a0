// Marks fictional demo data wherever it appears, so nobody mistakes it for a real result.
export function ExampleBadge() {
  return (
    <span className="inline-block rounded border border-amber-700 bg-amber-50 px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-amber-900">
      Fictional example
    </span>
  );
}

export function ExampleBanner() {
  return (
    <div role="note" className="rounded border-l-4 border-amber-700 bg-amber-50 p-4 text-amber-950">
      <p className="font-semibold">Fictional example data</p>
      <p className="text-sm">
        This case study was made up to demonstrate Reform Metrics. The organisation and every figure on this page are fictional.
      </p>
    </div>
  );
}
