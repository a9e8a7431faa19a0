import { getApproachOverview } from "@/lib/data/approach-overview";
import { getMeasureExplorer, getMeasureType } from "@/lib/data/measure-library";
import { getComparedCases } from "@/lib/data/comparisons";
import { parseExplorerFilters } from "@/lib/schemas/comparison";
async function time(name: string, fn: () => Promise<unknown>) {
  const ts: number[] = [];
  for (let i = 0; i < 8; i++) { const t = performance.now(); await fn(); ts.push(performance.now() - t); }
  ts.sort((a, b) => a - b);
  console.log(name, ts.map((t) => t.toFixed(0)).join(" "));
}
async function main() {
  const t = (await getMeasureType("referrals"))!;
  await time("explorer", () => getMeasureExplorer(t, parseExplorerFilters({})));
  await time("explorer-filtered", () => getMeasureExplorer(t, parseExplorerFilters({ approach: "vanguard-method", from: "2018", to: "2020" })));
  await time("approaches", () => getApproachOverview());
  await time("compare", () => getComparedCases(["scale-case-00001","scale-case-00002","scale-case-00003","scale-case-00004","scale-case-00005","integrated-health-and-social-care"]));
  const e = await getMeasureExplorer(t, parseExplorerFilters({}));
  console.log(JSON.stringify(e.stats), e.rows.length, e.apart.length, e.apartCounts, e.bins?.length);
  process.exit(0);
}
main();
