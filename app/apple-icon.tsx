import { ImageResponse } from "next/og";

// The home-screen icon (iOS, Android): the favicon's three bars, drawn at
// build time by next/og, so no binary image sits in the repository.
export const size = { width: 180, height: 180 };
export const contentType = "image/png";

const BAR = { position: "absolute", left: 34, height: 22, borderRadius: 4 } as const;

export default function AppleIcon() {
  return new ImageResponse(
    <div style={{ width: "100%", height: "100%", display: "flex", position: "relative", background: "#005eb8" }}>
      <div style={{ ...BAR, top: 45, width: 79, background: "#fff" }} />
      <div style={{ ...BAR, top: 79, width: 113, background: "#fff" }} />
      <div style={{ ...BAR, top: 113, width: 51, background: "#ffbf47" }} />
    </div>,
    size,
  );
}
