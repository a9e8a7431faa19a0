"use client";

// The charts as used by pages. The server renders them in full (SVG in the
// HTML, so the page is complete without JavaScript); in the browser, Recharts
// (~95 kB gzip) is fetched as a separate chunk after the page has loaded and
// only then hydrates the charts, adding the tooltip. React keeps the server's
// SVG on screen until then. This keeps Recharts out of the page's first-load
// JavaScript, which otherwise would use up the whole budget on its own.
import { lazy, Suspense, type ComponentProps } from "react";

const ChangeChartImpl = lazy(() => import("./change-chart").then((m) => ({ default: m.ChangeChart })));
const BeforeAfterChartImpl = lazy(() => import("./before-after-chart").then((m) => ({ default: m.BeforeAfterChart })));

export function ChangeChart(props: ComponentProps<typeof ChangeChartImpl>) {
  return (
    <Suspense fallback={null}>
      <ChangeChartImpl {...props} />
    </Suspense>
  );
}

export function BeforeAfterChart(props: ComponentProps<typeof BeforeAfterChartImpl>) {
  return (
    <Suspense fallback={null}>
      <BeforeAfterChartImpl {...props} />
    </Suspense>
  );
}
