// What publishing the draft would change on the public page, in a few lines,
// for the confirmation step before publishing (issue 20). Pure: given the
// draft's content and the live version's (null before the first publication).

interface Content {
  measures: Array<{ label: string } & Record<string, unknown>>;
  [field: string]: unknown;
}

const FIELD_NAMES: Record<string, string> = {
  title: "title",
  summary: "summary",
  sector: "sector",
  approachKey: "approach",
  reformShifts: "reform shifts",
  interventionDate: "intervention date",
  baselinePeriod: "baseline period",
  followUpPeriod: "follow-up period",
  sourceCitation: "source citation",
  sourceUrl: "source link",
  reportingOrganisation: "reporting organisation",
  country: "country",
  evidenceLevel: "evidence level",
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
function withoutId(m: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...m };
  delete copy.id;
  return copy;
}

export function summarisePublication(draft: Content, live: Content | null): string[] {
  const lines: string[] = [];
  if (!live) {
    lines.push(`The case becomes public with ${plural(draft.measures.length, "measure or finding", "measures and findings")}.`);
    return lines;
  }
  const fields = Object.keys(FIELD_NAMES).filter((k) => (k in draft || k in live) && !same(draft[k], live[k]));
  if (fields.length > 0) lines.push(`Changed: ${fields.map((k) => FIELD_NAMES[k]).join(", ")}.`);
  const before = new Map(live.measures.map((m) => [m.label, m]));
  const after = new Map(draft.measures.map((m) => [m.label, m]));
  const added = draft.measures.filter((m) => !before.has(m.label)).map((m) => m.label);
  const removed = live.measures.filter((m) => !after.has(m.label)).map((m) => m.label);
  const changed = draft.measures.filter((m) => {
    const old = before.get(m.label);
    return old !== undefined && !same(withoutId(m), withoutId(old));
  });
  if (added.length > 0) lines.push(`Added: ${added.join(", ")}.`);
  if (removed.length > 0) lines.push(`Removed: ${removed.join(", ")}.`);
  if (changed.length > 0) lines.push(`Figures or details changed: ${changed.map((m) => m.label).join(", ")}.`);
  if (lines.length === 0) lines.push("Nothing differs from the live version.");
  return lines;
}
