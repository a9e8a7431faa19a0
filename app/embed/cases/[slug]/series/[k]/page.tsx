// /embed/cases/<slug>?series=<k> (proxy.ts rewrites it here): the case's
// embed with its k-th series as the SPC chart. The same page as the embed
// itself, cached the same way.
export { default, generateMetadata } from "../../page";

export const dynamic = "force-static";
export const dynamicParams = true;
export function generateStaticParams(): Array<{ slug: string; k: string }> {
  return [];
}
