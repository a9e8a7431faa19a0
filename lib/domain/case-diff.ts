// Field-by-field differences between two states of a case's content. One
// function serves three needs: the audit trail (which field, from → to), the
// edit-conflict message (what the other person changed) and idempotent CSV
// import (an identical re-import finds no difference and writes nothing).
// Pure: plain values in, plain values out.

export type DiffValue = string | number | boolean | null | string[];

export interface FieldChange {
  field: string;
  from: DiffValue;
  to: DiffValue;
}

export interface DiffableMeasure {
  measureTypeKey: string | null;
  label: string;
  [field: string]: DiffValue | undefined;
}

export interface DiffableCase {
  measures: DiffableMeasure[];
  [field: string]: DiffValue | DiffableMeasure[] | undefined;
}

const IGNORED_MEASURE_FIELDS = new Set(["id"]);

function normalise(value: DiffValue | undefined): DiffValue {
  if (value === undefined || value === "") return null;
  if (Array.isArray(value)) return [...value].sort();
  return value;
}

function same(a: DiffValue, b: DiffValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * How a measure is recognised across saves and imports: its measure type when
 * it has one, otherwise its label (case-insensitive). A second measure with the
 * same key (e.g. the same figure from two sources) gets "#2", "#3" ….
 */
export function measureKeys(measures: DiffableMeasure[]): string[] {
  const seen = new Map<string, number>();
  return measures.map((m) => {
    const base = m.measureTypeKey ? `type:${m.measureTypeKey}` : `label:${m.label.trim().toLowerCase()}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

function diffFields(prefix: string, before: Record<string, unknown>, after: Record<string, unknown>, ignore: Set<string>): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (ignore.has(field)) continue;
    const from = normalise(before[field] as DiffValue | undefined);
    const to = normalise(after[field] as DiffValue | undefined);
    if (!same(from, to)) changes.push({ field: `${prefix}${field}`, from, to });
  }
  return changes;
}

export function diffCaseContent(before: DiffableCase, after: DiffableCase): FieldChange[] {
  const { measures: beforeMeasures, ...beforeFields } = before;
  const { measures: afterMeasures, ...afterFields } = after;
  const changes = diffFields("", beforeFields, afterFields, new Set());

  const beforeKeys = measureKeys(beforeMeasures);
  const afterKeys = measureKeys(afterMeasures);
  const beforeByKey = new Map(beforeKeys.map((k, i) => [k, { m: beforeMeasures[i]!, position: i }]));
  const afterByKey = new Map(afterKeys.map((k, i) => [k, { m: afterMeasures[i]!, position: i }]));

  for (const [key, { m, position }] of afterByKey) {
    const name = `measures[${m.label}]`;
    const previous = beforeByKey.get(key);
    if (!previous) {
      changes.push({ field: name, from: null, to: "added" });
      continue;
    }
    changes.push(...diffFields(`${name}.`, previous.m, m, IGNORED_MEASURE_FIELDS));
    if (previous.position !== position) changes.push({ field: `${name}.position`, from: previous.position + 1, to: position + 1 });
  }
  for (const [key, { m }] of beforeByKey) {
    if (!afterByKey.has(key)) changes.push({ field: `measures[${m.label}]`, from: "present", to: "removed" });
  }
  return changes;
}

/** "title: “Old” → “New”" for messages and the history page. */
export function describeChange(change: FieldChange): string {
  const show = (v: DiffValue) => (v === null ? "(empty)" : Array.isArray(v) ? (v.length ? v.join(", ") : "(none)") : `“${String(v)}”`);
  return `${change.field}: ${show(change.from)} → ${show(change.to)}`;
}
