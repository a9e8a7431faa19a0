import type { MetadataRoute } from "next";

// So a phone can add the site to its home screen with a name and an icon.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Reform Metrics",
    short_name: "Reform Metrics",
    description: "Before-and-after results of public-service reforms, with their sources.",
    start_url: "/",
    display: "browser",
    background_color: "#ffffff",
    theme_color: "#005eb8",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/apple-icon", sizes: "180x180", type: "image/png" },
    ],
  };
}
