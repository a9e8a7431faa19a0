// Suggests a measure type for an unmapped measure from its label, so an
// analyst mapping measures to the library starts from a likely answer. Pure.
// Similarity: the overlap coefficient of the label's meaningful words (crudely
// stemmed) with the type's name and key words, |L ∩ T| / min(|L|, |T|), so a
// short type name fully present in a long label scores 1; words shared with
// the definition only break ties.

export interface SuggestableType {
  key: string;
  name: string;
  definition: string;
}

export interface Suggestion {
  key: string;
  name: string;
  /** Higher is closer (1 = every word of the type name found); below MIN_SCORE nothing is offered. */
  score: number;
}

const STOP_WORDS = new Set([
  "a",
  "an",
  "and",
  "as",
  "at",
  "by",
  "for",
  "from",
  "in",
  "into",
  "of",
  "on",
  "or",
  "per",
  "the",
  "to",
  "total",
  "with",
  "number",
  "no",
  "all",
  "each",
  "case",
  "cases",
]);
const MIN_SCORE = 0.5;

/** "Referrals made" → ["referral", "made"]; "hand-offs" → ["hand", "off"]. */
export function labelWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/%/g, " percent ")
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w))
    .map(stem);
}

function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

function score(label: string[], type: SuggestableType): number {
  if (label.length === 0) return 0;
  const words = new Set(label);
  const strong = new Set([...labelWords(type.name), ...labelWords(type.key)]);
  const weak = new Set(labelWords(type.definition));
  let hits = 0;
  let weakHits = 0;
  for (const w of words) {
    if (strong.has(w)) hits += 1;
    else if (weak.has(w)) weakHits += 1;
  }
  if (strong.size === 0) return 0;
  return hits / Math.min(words.size, strong.size) + (0.1 * weakHits) / words.size;
}

/** The best-matching type, or null when nothing matches well enough. Ties go to the earlier type. */
export function suggestMeasureType(label: string, types: readonly SuggestableType[]): Suggestion | null {
  const words = labelWords(label);
  let best: Suggestion | null = null;
  for (const t of types) {
    const s = score(words, t);
    if (s >= MIN_SCORE && (best === null || s > best.score)) best = { key: t.key, name: t.name, score: s };
  }
  return best;
}
