// Two measures of one case with the same name (issue 19: a row pasted twice
// imported as two measures with one name). The page, the comparisons and the
// re-import all tell measures apart by name when they have no measure type,
// so a repeated name is refused, in the editor and the import alike.
// Pure: no framework or database imports.

export interface NamedMeasure {
  label: string;
}

export interface DuplicateMeasure {
  /** 0-based position of the repeat. */
  index: number;
  /** 0-based position of the first measure with that name. */
  firstIndex: number;
}

function nameKey(label: string): string {
  return label.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

export function findDuplicateMeasures(measures: readonly NamedMeasure[]): DuplicateMeasure[] {
  const first = new Map<string, number>();
  const repeats: DuplicateMeasure[] = [];
  measures.forEach((m, index) => {
    const key = nameKey(m.label);
    if (key === "") return;
    const firstIndex = first.get(key);
    if (firstIndex === undefined) first.set(key, index);
    else repeats.push({ index, firstIndex });
  });
  return repeats;
}
