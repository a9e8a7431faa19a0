import { describe, expect, it } from "vitest";
import { assessMeasure } from "@/lib/domain/evidence";
import { measureInputSchema } from "@/lib/schemas/measure";
import type { PublicMeasure } from "@/modules/cases/data/public-cases";
import type { MeasureFields } from "@/modules/workspace/data/measure-fields";
import { toCardFigures } from "./card-figures";

/** A published measure as the index query returns it: stored fields plus the figures assessed at publish. */
function published(id: string, input: Record<string, unknown>): PublicMeasure {
  const fields: MeasureFields = measureInputSchema.parse(input);
  const assessment = assessMeasure(fields, { caseEvidenceLevel: 1 });
  return {
    ...fields,
    id,
    measureType: null,
    headlineMethod: "figures",
    headlineNote: null,
    figure: {
      assessment,
      headline: {
        before: fields.before,
        after: fields.after,
        beforeQualifier: fields.beforeQualifier,
        afterQualifier: fields.afterQualifier,
        beforePeriod: fields.beforePeriod,
        afterPeriod: fields.afterPeriod,
        fromSeries: false,
        note: null,
      },
    },
  };
}

const FACE_TO_FACE = {
  label: "Face-to-face time as % of total time",
  unit: "percent",
  direction: "higher_is_better",
  before: 46,
  after: 60,
};
const REFERRALS = { label: "Number of referrals", unit: "count", direction: "lower_is_better", reportedChange: -41 };

describe("toCardFigures", () => {
  it("leads with before → after where both exist, the change beside it, as the case page's cards do", () => {
    const card = toCardFigures([published("a", FACE_TO_FACE)], { medianLevel: 1, rawFigures: 1, reportedFigures: 0 });
    expect(card.figures).toEqual([
      {
        id: "a",
        label: "Face-to-face time as % of total time",
        lead: "46% → 60%",
        change: "+14 pp",
        outcome: "improved",
        outcomeWord: "improved",
        tone: "improvement",
      },
    ]);
  });

  it("a reported change alone leads with the change, and nothing is invented", () => {
    const card = toCardFigures([published("b", REFERRALS)], { medianLevel: 1, rawFigures: 0, reportedFigures: 1 });
    expect(card.figures[0]).toMatchObject({ lead: "−41%", change: null, outcome: "improved" });
  });

  it("a finding in words says its verdict once, as words", () => {
    const finding = {
      label: "Outcomes",
      unit: "count",
      direction: "higher_is_better",
      findingDirection: "improved",
      quote: "Outcomes improved for most people.",
    };
    expect(toCardFigures([published("w", finding)], { medianLevel: 1, rawFigures: 0, reportedFigures: 0 }).figures[0]).toMatchObject({
      lead: "Improved (a finding in words)",
      change: null,
      outcome: null,
    });
  });

  it("shows the first three measures only", () => {
    const measures = ["a", "b", "c", "d"].map((id) => published(id, REFERRALS));
    expect(toCardFigures(measures, { medianLevel: 1, rawFigures: 0, reportedFigures: 4 }).figures.map((f) => f.id)).toEqual([
      "a",
      "b",
      "c",
    ]);
  });

  it("rates the evidence by the overview's padlock rule, one case standing behind it", () => {
    // Level 3 with raw figures: 3, less one for fewer than three cases.
    expect(toCardFigures([], { medianLevel: 3, rawFigures: 2, reportedFigures: 0 }).padlocks).toBe(2);
    // Level 1, mostly reported-only changes: no padlocks.
    expect(toCardFigures([], { medianLevel: 1, rawFigures: 2, reportedFigures: 4 }).padlocks).toBe(0);
    expect(toCardFigures([], { medianLevel: null, rawFigures: 0, reportedFigures: 0 }).padlocks).toBe(0);
  });
});
