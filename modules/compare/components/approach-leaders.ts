import type { ApproachCard, CardCategory } from "../data/approach-cards";

// For each measure category, the approach whose cases typically improved it
// most (the median of the cases' changes, signed by the measure type's
// direction of improvement; ties go to the approach with more cases). This is
// what a leader asks first ("which approach cut failure demand most?"); the
// evidence rating stands beside it, so a large change from one weak study
// reads as what it is.

export interface CategoryLeader {
  category: string;
  pp: boolean;
  card: ApproachCard;
  figure: CardCategory;
  /** Approaches with a pooled figure in this category. */
  approaches: number;
}

export function leadersByCategory(cards: ApproachCard[]): CategoryLeader[] {
  const best = new Map<string, CategoryLeader>();
  for (const card of cards) {
    for (const c of card.categories) {
      if (c.medianGain === null) continue;
      const key = `${c.category}|${c.pp}`;
      const current = best.get(key);
      const approaches = (current?.approaches ?? 0) + 1;
      const better =
        !current ||
        c.medianGain > (current.figure.medianGain ?? -Infinity) ||
        (c.medianGain === current.figure.medianGain && c.cases > current.figure.cases);
      best.set(key, better ? { category: c.category, pp: c.pp, card, figure: c, approaches } : { ...current, approaches });
    }
  }
  return [...best.values()].filter((l) => (l.figure.medianGain ?? 0) > 0).sort((a, b) => a.category.localeCompare(b.category));
}
