import type { MetadataRoute } from "next";
import { readSiteUrl } from "@/lib/present/site-url";

// Public pages are for indexing; the workspace, admin and APIs are not.
// Embeds are marked noindex on the page itself.
export const dynamic = "force-dynamic"; // SITE_URL is read at run time

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/workspace", "/admin", "/sign-in", "/api/"] },
    sitemap: `${readSiteUrl()}/sitemap.xml`,
  };
}
