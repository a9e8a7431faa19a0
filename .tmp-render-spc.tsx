import React from "react"; (globalThis as any).React = React;
import { renderToStaticMarkup } from "react-dom/server";
import { SpcChart } from "@/components/charts/spc-chart";
import { buildSpcView } from "@/lib/present/spc";
import { NORTHSHIRE_FAILURE_DEMAND } from "@/prisma/seed-series";
const view = buildSpcView({ measureId: "m", label: "FD", unit: "percent", rateBasis: null, direction: "lower_is_better", headlineMethod: "figures", target: 20, rebaseDates: [], interventionDate: "2023-04-01", points: NORTHSHIRE_FAILURE_DEMAND.points.map(([date, value]) => ({ date, value, annotation: null })) });
const html = renderToStaticMarkup(<SpcChart view={view} title="t" description="d" />);
console.log(html.length, (html.match(/data-point-type/g) ?? []).length, (html.match(/<circle/g) ?? []).length, (html.match(/recharts-line-dot/g)??[]).length);
require("fs").writeFileSync("/tmp/spc.html", `<html><body style="font-family:sans-serif">${html}</body></html>`);
