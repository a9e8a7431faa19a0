"use client";

// The charts as pages use them. The server renders them in full (SVG in the
// HTML, so the page is complete without JavaScript). In the browser, Recharts
// (~95 kB gzip) arrives as a separate chunk after the page has loaded and then
// hydrates the charts, adding the tooltip; React keeps the server's HTML on
// screen until then. Without this, Recharts alone would use up the page's
// first-load JavaScript budget.
//
// On the server the chart modules are required synchronously: a lazy import
// that suspends there would make React stream the chart into a hidden
// container, invisible without JavaScript. Next replaces `typeof window` at
// build time, so the client bundle has no static path to Recharts.
import { lazy, type ComponentProps } from "react";
import type * as ChangeModule from "./change-chart";
import type * as BeforeAfterModule from "./before-after-chart";

/**
 * An already-settled thenable: React.lazy reads its status right after calling
 * then(), so calling back synchronously means it never suspends on the server.
 */
function settledNow<T>(value: T): Promise<{ default: T }> {
  const thenable = {
    then(onFulfilled?: (v: { default: T }) => unknown) {
      onFulfilled?.({ default: value });
      return thenable;
    },
  };
  return thenable as unknown as Promise<{ default: T }>;
}

/* eslint-disable @typescript-eslint/no-require-imports -- server-only synchronous load, see above */
const serverChange: typeof ChangeModule | null = typeof window === "undefined" ? require("./change-chart") : null;
const serverBeforeAfter: typeof BeforeAfterModule | null = typeof window === "undefined" ? require("./before-after-chart") : null;
/* eslint-enable @typescript-eslint/no-require-imports */

const ChangeChartImpl = lazy(() =>
  serverChange ? settledNow(serverChange.ChangeChart) : import("./change-chart").then((m) => ({ default: m.ChangeChart })),
);
const BeforeAfterChartImpl = lazy(() =>
  serverBeforeAfter
    ? settledNow(serverBeforeAfter.BeforeAfterChart)
    : import("./before-after-chart").then((m) => ({ default: m.BeforeAfterChart })),
);

// No <Suspense> of their own: React "outlines" a large completed boundary
// (the SVG is > 12 kB) into a hidden container that a script moves into
// place — invisible without JavaScript. Without one, the server renders the
// chart inline, and in the browser hydration waits for the chunk while the
// server's HTML stays on screen.
export function ChangeChart(props: ComponentProps<typeof ChangeModule.ChangeChart>) {
  return <ChangeChartImpl {...props} />;
}

export function BeforeAfterChart(props: ComponentProps<typeof BeforeAfterModule.BeforeAfterChart>) {
  return <BeforeAfterChartImpl {...props} />;
}
