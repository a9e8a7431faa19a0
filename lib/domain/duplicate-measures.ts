// A measure repeated in one case (issue 19: a row pasted twice imported as two
// identical measures). Two measures with the same name but different figures
// are allowed — the same figure from two sources, told apart as "#2" by the
// audit and re-import (case-diff.ts) — but a measure whose every field
// repeats another's (its name compared without case or extra spaces) is a
// mistake, refused in the editor and the import alike.
// Pure: no framework or database imports.

export interface NamedMeasure {
  label: string;
  [field: string]: unknown;
}

export interface DuplicateMeasure {
  /** 0-based position of the repeat. */
  index: number;
  /** 0-based position of the first measure it repeats. */
  firstIndex: number;
}

function nameKey(label: string): string {
  return label.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

function measureKey(m: NamedMeasure): string {
  const fields = Object.keys(m)
    .filter((k) => k !== "id" && k !== "label")
    .sort()
    .map((k) => [k, m[k] === undefined || m[k] === "" ? null : m[k]]);
  return JSON.stringify([nameKey(m.label), fields]);
}

export function findDuplicateMeasures(measures: readonly NamedMeasure[]): DuplicateMeasure[] {
  const first = new Map<string, number>();
  const repeats: DuplicateMeasure[] = [];
  measures.forEach((m, index) => {
    if (nameKey(m.label) === "") return;
    const key = measureKey(m);
    const firstIndex = first.get(key);
    if (firstIndex === undefined) first.set(key, index);
    else repeats.push({ index, firstIndex });
  });
  return repeats;
}
