import { getCachedPublishedSeriesForCase } from "@/lib/data/series";
import { SpcSection } from "./spc-section";

// The case page's SPC section: reads the live version's series through Next's
// data cache (tagged with the case, so publishing expires it) and renders them.
export async function PublishedSpcSection({ slug, version }: { slug: string; version?: number }) {
  const series = await getCachedPublishedSeriesForCase(slug, version);
  return <SpcSection series={series} />;
}
