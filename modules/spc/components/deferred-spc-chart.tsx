"use client";

// The SPC chart as public pages use it: rendered in full on the server (SVG in
// the HTML), with Recharts fetched as a separate chunk after the page loads
// and only then hydrating the chart (the pattern of
// components/charts/deferred-charts.tsx), so Recharts stays out of the case
// page's first-load JavaScript.
import { lazy, Suspense, type ComponentProps } from "react";

const SpcChartImpl = lazy(() => import("@/modules/spc/components/spc-chart").then((m) => ({ default: m.SpcChart })));

export function SpcChart(props: ComponentProps<typeof SpcChartImpl>) {
  return (
    <Suspense fallback={null}>
      <SpcChartImpl {...props} />
    </Suspense>
  );
}
