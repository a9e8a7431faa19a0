"use client";

import { CASE_COLUMNS, MEASURE_COLUMNS, type ColumnName } from "@/lib/domain/csv/columns";
import { REQUIRED_COLUMNS, type ColumnMapping } from "@/lib/domain/csv/column-mapping";
import type { InspectedColumn } from "@/modules/import/actions/import-actions";

// The mapping step: each of the file's headers beside the field it will fill,
// with the suggestion preselected and why it was suggested, changeable to any
// field or to "not imported". The required fields still unmatched are listed
// as the analyst works, and the choice is remembered for the organisation
// after a successful import.

const REASONS: Record<InspectedColumn["reason"], string> = {
  template: "the template's name",
  remembered: "your organisation's earlier choice",
  name: "a similar name",
  values: "its values",
  none: "",
};

export function ColumnMappingStep({
  columns,
  mapping,
  onChange,
  sheets,
  sheet,
  onSheet,
  onPreview,
  busy,
}: {
  columns: InspectedColumn[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  sheets: string[];
  sheet: string | null;
  onSheet: (sheet: string) => void;
  onPreview: () => void;
  busy: boolean;
}) {
  const missing = REQUIRED_COLUMNS.filter((c) => !mapping.includes(c));
  const chosenTwice = new Set(mapping.filter((m, i) => m !== null && mapping.indexOf(m) !== i));
  return (
    <section aria-labelledby="mapping-heading" className="space-y-4" data-testid="column-mapping">
      <h2 id="mapping-heading" className="text-2xl font-semibold">
        Match your columns
      </h2>
      {sheets.length > 1 ? (
        <div className="space-y-1">
          <label htmlFor="import-sheet" className="block font-semibold">
            Sheet
          </label>
          <select
            id="import-sheet"
            value={sheet ?? sheets[0]}
            disabled={busy}
            onChange={(e) => onSheet(e.target.value)}
            className="rounded border border-slate-500 px-2 py-1"
          >
            {sheets.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </div>
      ) : null}
      <p className="max-w-3xl text-sm text-slate-700">
        Choose the field each of your columns holds. Suggestions come from the column&apos;s name and its values; columns set to “not
        imported” are ignored. Only {REQUIRED_COLUMNS.join(", ")} are required. Your choices are remembered for your organisation&apos;s
        next import.
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Your columns and the fields they fill</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="py-2 pr-3">
                Your column
              </th>
              <th scope="col" className="py-2 pr-3">
                Values in it
              </th>
              <th scope="col" className="py-2 pr-3">
                Field
              </th>
              <th scope="col" className="py-2">
                Suggested by
              </th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c, i) => {
              const id = `map-${i}`;
              const chosen = mapping[i] ?? null;
              return (
                <tr key={i} className="border-b border-slate-200 align-top" data-header={c.header}>
                  <th scope="row" className="py-2 pr-3 font-medium">
                    <label htmlFor={id}>{c.header.trim() || `(column ${i + 1}, no name)`}</label>
                  </th>
                  <td className="py-2 pr-3 text-slate-700">{c.samples.join(" · ")}</td>
                  <td className="py-2 pr-3">
                    <select
                      id={id}
                      value={chosen ?? ""}
                      disabled={busy}
                      aria-invalid={chosen !== null && chosenTwice.has(chosen) ? true : undefined}
                      onChange={(e) => {
                        const next = [...mapping];
                        next[i] = (e.target.value || null) as ColumnName | null;
                        onChange(next);
                      }}
                      className="rounded border border-slate-500 px-2 py-1"
                    >
                      <option value="">not imported</option>
                      <optgroup label="Case">
                        {CASE_COLUMNS.map((col) => (
                          <option key={col.name} value={col.name}>
                            {col.name}
                            {col.required ? " (required)" : ""}
                          </option>
                        ))}
                      </optgroup>
                      <optgroup label="Measure">
                        {MEASURE_COLUMNS.map((col) => (
                          <option key={col.name} value={col.name}>
                            {col.name}
                            {col.required ? " (required)" : ""}
                          </option>
                        ))}
                      </optgroup>
                    </select>
                    {chosen !== null && chosenTwice.has(chosen) ? (
                      <p className="text-red-700">{chosen} is chosen for more than one column</p>
                    ) : null}
                  </td>
                  <td className="py-2 text-slate-700">{chosen !== null && chosen === c.column ? REASONS[c.reason] : ""}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="text-sm" data-testid="mapping-missing" aria-live="polite">
        {missing.length ? `Still needed: ${missing.join(", ")}.` : "Every required field has a column."}
      </p>
      <button
        type="button"
        onClick={onPreview}
        disabled={busy || missing.length > 0 || chosenTwice.size > 0}
        className="rounded bg-improvement px-4 py-2 font-semibold text-white disabled:opacity-50"
      >
        Preview with these columns
      </button>
    </section>
  );
}
