// After an edit conflict: the editor's base (what it loaded), its current
// values and the content as it now stands, merged field by field (issue 19),
// so that "save again" keeps the other person's changes to fields this editor
// did not touch and asks only where both changed the same field.
import { z } from "zod";
import { mergeCaseContent, type MergeableCase } from "@/lib/domain/case-merge";
import type { CaseContent } from "@/modules/workspace/data/case-content";
import type { CaseEditorProps } from "@/modules/workspace/components/case-editor";
import { toEditorValues } from "./editor-values";

export type EditorValues = CaseEditorProps["initial"];

export interface EditorConflict {
  /** "title" or "measures.2.before": where the choice goes in the form. */
  path: string;
  label: string;
  theirs: string;
  mine: string;
  /** Their value as the form holds it, for "use theirs". */
  theirsValue: string | string[] | null;
}

export interface EditorMerge {
  /** What the form should now hold. */
  values: EditorValues;
  /** The content as it now stands: the new base for the next conflict. */
  theirs: EditorValues;
  conflicts: EditorConflict[];
  /** What was taken from the other person's save, for the message. */
  taken: string[];
}

// The editor's own JSON (every value a string, a list or null); anything else is not merged.
const formValue = z.union([z.string(), z.array(z.string()), z.null()]);
const editorValuesSchema = z
  .object({ measures: z.array(z.record(z.string(), formValue).and(z.object({ label: z.string() }))).max(1000) })
  .catchall(formValue);

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "(none)";
  return String(value);
}

export function mergeAfterConflict(baseJson: unknown, mineJson: unknown, current: CaseContent | null): EditorMerge | null {
  const base = editorValuesSchema.safeParse(baseJson);
  const mine = editorValuesSchema.safeParse(mineJson);
  if (!base.success || !mine.success || !current) return null;
  const theirs = toEditorValues(current);
  const result = mergeCaseContent(base.data as MergeableCase, theirs as unknown as MergeableCase, mine.data as MergeableCase);
  return {
    values: result.merged as unknown as EditorValues,
    theirs,
    taken: result.taken,
    conflicts: result.conflicts.map((c) => ({
      path: c.path,
      label: c.label,
      theirs: show(c.theirs),
      mine: show(c.mine),
      theirsValue: (c.theirs ?? null) as string | string[] | null,
    })),
  };
}
