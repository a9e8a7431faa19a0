import { ImageResponse } from "next/og";
import { notFound } from "next/navigation";
import { getCachedPublishedCase } from "@/modules/cases/cache";
import { parseSlug } from "@/lib/schemas/slug";
import { buildMeasureRow } from "@/modules/cases/present/case-figures";
import { toCardText } from "@/modules/cases/present/card-text";
import { CHART_COLOURS } from "@/components/charts/chart-colours";

// The social card for a case: title, organisation and up to four headline
// figures with their outcome in words. Drawn with next/og's bundled font only
// (toCardText keeps to glyphs it has), so nothing is fetched.
export const alt = "Headline figures of a Reform Metrics case study";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export default async function CaseCard({ params }: { params: Promise<{ slug: string }> }) {
  const slug = parseSlug((await params).slug);
  const c = slug ? await getCachedPublishedCase(slug) : null;
  if (!c) notFound();
  const rows = c.measures.slice(0, 4).map((m) => buildMeasureRow(m));
  return new ImageResponse(
    <div
      style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", padding: 56, background: "#fff", color: "#1f2933" }}
    >
      <div style={{ display: "flex", fontSize: 26, color: "#475569" }}>
        {toCardText(`Reform Metrics${c.isExample ? " - FICTIONAL EXAMPLE" : ""} - ${c.organisation}`)}
      </div>
      <div style={{ display: "flex", fontSize: 56, fontWeight: 700, marginTop: 16, lineHeight: 1.1 }}>{toCardText(c.title)}</div>
      <div style={{ display: "flex", flexWrap: "wrap", marginTop: 40 }}>
        {rows.map((r) => (
          <div key={r.id} style={{ display: "flex", flexDirection: "column", width: "50%", paddingRight: 24, marginBottom: 24 }}>
            <div style={{ display: "flex", fontSize: 24 }}>{toCardText(r.label)}</div>
            <div style={{ display: "flex", fontSize: 44, fontWeight: 700, color: CHART_COLOURS[r.tone] }}>
              {toCardText(`${r.headline ?? r.change} ${r.result.reportedOnly ? "(reported)" : ""}`)}
            </div>
            <div style={{ display: "flex", fontSize: 22, color: "#475569" }}>{toCardText(r.outcomeWord)}</div>
          </div>
        ))}
      </div>
    </div>,
    size,
  );
}
