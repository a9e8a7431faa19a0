// An index card's figures: the case's first measures in the words of the case
// page's headline cards (buildMeasureRow, headlineCardText), and its evidence
// rating by the approaches overview's padlock rule. Pure: it reads the figures
// stored at publish that the search query returns, and computes nothing anew.
import { evidencePadlocks } from "@/lib/domain/pooling";
import type { CaseCardFigures, PublicMeasure } from "@/modules/cases/data/public-cases";
import { buildMeasureRow, headlineCardText } from "./case-figures";

/** How many measures an index card shows; the rest are counted. */
export const CARD_FIGURES = 3;

export interface CardEvidence {
  /** Median evidence level of the case's figures (null: no figures). */
  medianLevel: number | null;
  rawFigures: number;
  reportedFigures: number;
}

export function toCardFigures(measures: PublicMeasure[], evidence: CardEvidence): CaseCardFigures {
  return {
    figures: measures.slice(0, CARD_FIGURES).map((m) => {
      const row = buildMeasureRow(m);
      const { lead, change } = headlineCardText(row);
      // A finding in words is its own verdict ("Improved"): said once, and said to be words.
      if (row.wordsOnly)
        return {
          id: row.id,
          label: row.label,
          lead: `${lead} (a finding in words)`,
          change: null,
          outcome: null,
          outcomeWord: "",
          tone: row.tone,
        };
      return { id: row.id, label: row.label, lead, change, outcome: row.outcome, outcomeWord: row.outcomeWord, tone: row.tone };
    }),
    // One case stands behind a card: the overview's rule counts that too (fewer than three cases lose a padlock).
    padlocks: evidencePadlocks({ cases: 1, ...evidence }),
  };
}
