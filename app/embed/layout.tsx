// Embeds are shown inside other sites' iframes: chart only. The root layout's
// header, footer and skip link are hidden by the `embed-root` rule in
// app/globals.css (a second root layout would mean moving every other route).
// embed-frame.js tells the page around the iframe the embed's height, so the
// host's /embed.js can size the iframe to fit (public/embed.js).
export default function EmbedLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="embed-root">
      {children}
      <script src="/embed-frame.js" async />
    </div>
  );
}
