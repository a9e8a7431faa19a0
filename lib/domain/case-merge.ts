// Three-way merge of a case's content after an edit conflict (issue 19).
// `base` is what this editor loaded, `theirs` what someone else saved since,
// `mine` what this editor holds now. A field only one side changed takes that
// side's value, so "save again" never undoes a colleague's change to a field
// this editor did not touch; a field both changed differently is a conflict,
// kept as mine in the result and listed so the person can choose.
// Measures are matched by id, then by measure type or name (a published case's
// first draft gives its measures new ids). Pure: plain values in and out.

import { measureKeys, type DiffableMeasure } from "./case-diff";

export type MergeValue = unknown;

export interface MergeableMeasure {
  id?: string | null;
  label: string;
  measureTypeKey?: string | null;
  [field: string]: MergeValue;
}

export interface MergeableCase {
  measures: MergeableMeasure[];
  [field: string]: MergeValue;
}

export interface MergeConflict {
  /** The field's path in the merged content: "title", "measures.2.before"; for a removed measure, "measures.2". */
  path: string;
  /** What the person reads: "title", "measure “Referrals”: before". */
  label: string;
  theirs: MergeValue;
  mine: MergeValue;
}

export interface MergeResult<T extends MergeableCase> {
  merged: T;
  conflicts: MergeConflict[];
  /** Fields taken from theirs (what the other person changed and this editor had not). */
  taken: string[];
}

const IGNORED_MEASURE_FIELDS = new Set(["id"]);

function normalise(value: MergeValue): string {
  if (value === undefined || value === null || value === "") return "null";
  if (Array.isArray(value)) return JSON.stringify([...value].map(String).sort());
  return JSON.stringify(value);
}

const same = (a: MergeValue, b: MergeValue) => normalise(a) === normalise(b);

type Pick3 = { value: MergeValue; conflict: boolean; fromTheirs: boolean };

function mergeValue(base: MergeValue, theirs: MergeValue, mine: MergeValue): Pick3 {
  if (same(mine, base)) return { value: theirs, conflict: false, fromTheirs: !same(theirs, base) };
  if (same(theirs, base) || same(theirs, mine)) return { value: mine, conflict: false, fromTheirs: false };
  return { value: mine, conflict: true, fromTheirs: false };
}

function mergeFields(
  base: Record<string, MergeValue>,
  theirs: Record<string, MergeValue>,
  mine: Record<string, MergeValue>,
  ignore: Set<string>,
  path: (field: string) => string,
  label: (field: string) => string,
  out: { conflicts: MergeConflict[]; taken: string[] },
): Record<string, MergeValue> {
  const merged: Record<string, MergeValue> = { ...mine };
  for (const field of new Set([...Object.keys(base), ...Object.keys(theirs), ...Object.keys(mine)])) {
    if (ignore.has(field)) continue;
    const pick = mergeValue(base[field], theirs[field], mine[field]);
    if (pick.conflict) out.conflicts.push({ path: path(field), label: label(field), theirs: theirs[field], mine: mine[field] });
    if (pick.fromTheirs) out.taken.push(label(field));
    if (pick.value !== undefined || field in mine) merged[field] = pick.value;
  }
  return merged;
}

/** For each measure of `side`, the index of its counterpart in `base` (by id, then by type or name), or -1. */
function matchToBase(base: MergeableMeasure[], side: MergeableMeasure[]): number[] {
  const baseKeys = measureKeys(base as DiffableMeasure[]);
  const sideKeys = measureKeys(side as DiffableMeasure[]);
  const byId = new Map(base.map((m, i) => [m.id, i] as const).filter(([id]) => id));
  const byKey = new Map(baseKeys.map((k, i) => [k, i]));
  const used = new Set<number>();
  const byIdMatch = side.map((m) => (m.id && byId.has(m.id) ? byId.get(m.id)! : -1));
  byIdMatch.forEach((i) => i >= 0 && used.add(i));
  return side.map((_, j) => {
    if (byIdMatch[j]! >= 0) return byIdMatch[j]!;
    const i = byKey.get(sideKeys[j]!);
    if (i === undefined || used.has(i)) return -1;
    used.add(i);
    return i;
  });
}

const measureName = (m: MergeableMeasure) => `measure “${m.label || "(no name)"}”`;

export function mergeCaseContent<T extends MergeableCase>(base: T, theirs: T, mine: T): MergeResult<T> {
  const out = { conflicts: [] as MergeConflict[], taken: [] as string[] };
  const { measures: baseMeasures, ...baseFields } = base;
  const { measures: theirMeasures, ...theirFields } = theirs;
  const { measures: myMeasures, ...myFields } = mine;

  const fields = mergeFields(
    baseFields,
    theirFields,
    myFields,
    new Set(),
    (f) => f,
    (f) => f,
    out,
  );

  const theirToBase = matchToBase(baseMeasures, theirMeasures);
  const myToBase = matchToBase(baseMeasures, myMeasures);
  const theirsOfBase = new Map(theirToBase.map((b, j) => [b, j] as const).filter(([b]) => b >= 0));
  const mineOfBase = new Set(myToBase.filter((b) => b >= 0));

  const measures: MergeableMeasure[] = [];
  const pendingConflicts: Array<{ index: number; conflict: Omit<MergeConflict, "path">; suffix: string }> = [];
  // Mine's order first: every measure this editor holds, merged with theirs.
  myMeasures.forEach((m, j) => {
    const b = myToBase[j]!;
    if (b < 0) {
      measures.push(m); // added here
      return;
    }
    const t = theirsOfBase.get(b);
    const baseMeasure = baseMeasures[b]!;
    if (t === undefined) {
      // They removed it: gone, unless this editor changed it (then ask).
      const changed = Object.keys({ ...baseMeasure, ...m }).some((f) => !IGNORED_MEASURE_FIELDS.has(f) && !same(baseMeasure[f], m[f]));
      if (!changed) {
        out.taken.push(`${measureName(baseMeasure)} removed`);
        return;
      }
      pendingConflicts.push({
        index: measures.length,
        suffix: "",
        conflict: { label: `${measureName(m)}: they removed it, you changed it`, theirs: "removed", mine: "kept" },
      });
      measures.push(m);
      return;
    }
    const theirMeasure = theirMeasures[t]!;
    const local = { conflicts: [] as MergeConflict[], taken: out.taken };
    const merged = mergeFields(
      baseMeasure,
      theirMeasure,
      m,
      IGNORED_MEASURE_FIELDS,
      (f) => f,
      (f) => `${measureName(m)}: ${f}`,
      local,
    ) as MergeableMeasure;
    // The stored row now has their id (a first draft copies measures under new ids).
    merged.id = theirMeasure.id ?? m.id;
    for (const c of local.conflicts) pendingConflicts.push({ index: measures.length, suffix: `.${c.path}`, conflict: c });
    measures.push(merged);
  });
  // Measures this editor removed: gone, unless they changed them (then kept, and asked).
  baseMeasures.forEach((baseMeasure, b) => {
    if (mineOfBase.has(b)) return;
    const t = theirsOfBase.get(b);
    if (t === undefined) return; // removed by both
    const theirMeasure = theirMeasures[t]!;
    const changed = Object.keys({ ...baseMeasure, ...theirMeasure }).some(
      (f) => !IGNORED_MEASURE_FIELDS.has(f) && !same(baseMeasure[f], theirMeasure[f]),
    );
    if (!changed) return;
    pendingConflicts.push({
      index: measures.length,
      suffix: "",
      conflict: { label: `${measureName(theirMeasure)}: you removed it, they changed it`, theirs: "kept", mine: "removed" },
    });
    measures.push(theirMeasure);
  });
  // Measures they added.
  theirMeasures.forEach((m, j) => {
    if (theirToBase[j]! >= 0) return;
    out.taken.push(`${measureName(m)} added`);
    measures.push(m);
  });
  for (const p of pendingConflicts) out.conflicts.push({ ...p.conflict, path: `measures.${p.index}${p.suffix}` });

  return { merged: { ...fields, measures } as T, conflicts: out.conflicts, taken: out.taken };
}
