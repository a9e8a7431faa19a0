import { getCachedPublishedSeriesForCase } from "@/modules/spc/data/series";
import { seriesPath } from "@/modules/cases/present/citation";
import { SpcSection } from "./spc-section";

// The case page's SPC section for one published version: reads its series
// through Next's data cache (tagged with the case, so publishing expires it)
// and renders them, each chart's own page at /cases/<slug>/v/<n>/series/<k>.
export async function PublishedSpcSection({ slug, version }: { slug: string; version: number }) {
  const series = await getCachedPublishedSeriesForCase(slug, version);
  return <SpcSection series={series} seriesHref={(k) => seriesPath(slug, version, k)} />;
}
