// Text for the social card image. next/og draws with its bundled font and,
// for any glyph that font lacks, fetches another from Google Fonts — which
// must never happen (no network here; nothing public should depend on it).
// So card text is reduced to printable ASCII plus £, with the typographic
// minus and arrow spelled out. Pure.
const REPLACEMENTS: Record<string, string> = {
  "\u2212": "-",
  "\u2192": "to",
  "\u2013": "-",
  "\u2014": "-",
  "\u2018": "'",
  "\u2019": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u2026": "...",
};

export function toCardText(text: string): string {
  return [...text.normalize("NFKD")]
    .map((ch) => REPLACEMENTS[ch] ?? ((ch >= " " && ch <= "~") || ch === "£" ? ch : ""))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}
