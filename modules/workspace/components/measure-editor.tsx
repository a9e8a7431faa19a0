"use client";

import { useMemo } from "react";
import { formatChange } from "@/lib/domain/format";
import { summariseMeasure } from "@/lib/domain/summary";
import { measureInputSchema, measureWarnings, toMeasureFigures, type MeasureFormValues } from "@/lib/schemas/measure";
import { DIRECTION_LABELS } from "@/lib/domain/labels";
import { Field, describedBy, fieldIds, inputClass } from "@/components/ui/field";

export type MeasureDraft = { [K in keyof MeasureFormValues]-?: string } & { key: string };

export const EMPTY_MEASURE: Omit<MeasureDraft, "key"> = {
  id: "",
  measureTypeKey: "",
  label: "",
  unit: "count",
  rateBasis: "",
  denominator: "",
  direction: "lower_is_better",
  before: "",
  beforeQualifier: "exact",
  beforeWording: "",
  after: "",
  afterQualifier: "exact",
  afterWording: "",
  reportedChange: "",
  reportedChangeBasis: "percent",
  reportedChangeQualifier: "exact",
  reportedChangeWording: "",
  beforePeriod: "",
  afterPeriod: "",
  sampleSize: "",
  sourceCitation: "",
  sourceUrl: "",
  notes: "",
};

const UNIT_LABELS: Record<string, string> = {
  count: "Count",
  hours: "Hours",
  days: "Days",
  money: "Money (£)",
  percent: "Percent (%)",
  rate: "Rate (per …)",
  ratio: "Ratio",
  score: "Score",
};
const QUALIFIER_LABELS: Record<string, string> = { exact: "exactly", about: "about", at_least: "at least", at_most: "at most" };
const BASIS_LABELS: Record<string, string> = {
  percent: "per cent (%)",
  percentage_points: "percentage points (pp)",
  unspecified: "not stated by the source",
};

export interface MeasureTypeOption {
  key: string;
  name: string;
  unit: string;
  direction: string;
}

/** The change exactly as the public page will show it, from the same domain module. */
function usePreview(m: MeasureDraft) {
  return useMemo(() => {
    const parsed = measureInputSchema.safeParse(m);
    if (!parsed.success) return null;
    const figures = toMeasureFigures(parsed.data);
    return { change: formatChange(figures), summary: summariseMeasure(figures), warnings: measureWarnings(figures) };
  }, [m]);
}

export function MeasureEditor({
  index,
  total,
  measure,
  measureTypes,
  errors,
  disabled,
  onChange,
  onMove,
  onRemove,
}: {
  index: number;
  total: number;
  measure: MeasureDraft;
  measureTypes: MeasureTypeOption[];
  errors: Record<string, string[]>;
  disabled: boolean;
  onChange: (patch: Partial<MeasureDraft>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const preview = usePreview(measure);
  const prefix = `measures.${index}`;
  const err = (field: string) => errors[`${prefix}.${field}`];
  const warn = (field: string) => preview?.warnings.filter((w) => w.field === field).map((w) => w.message);
  const title = measure.label || `Measure ${index + 1}`;

  function text(
    field: keyof MeasureDraft,
    label: string,
    opts: { hint?: string; className?: string; inputMode?: "decimal" | "numeric" } = {},
  ) {
    const name = `${prefix}.${field}`;
    return (
      <Field name={name} label={label} hint={opts.hint} errors={err(field)} warnings={warn(field)} className={opts.className}>
        <input
          id={fieldIds(name).input}
          className={inputClass}
          value={measure[field]}
          inputMode={opts.inputMode}
          disabled={disabled}
          aria-invalid={err(field) ? true : undefined}
          aria-describedby={describedBy(name, Boolean(opts.hint), err(field))}
          onChange={(e) => onChange({ [field]: e.target.value })}
        />
      </Field>
    );
  }

  function select(field: keyof MeasureDraft, label: string, options: Record<string, string>, className = "") {
    const name = `${prefix}.${field}`;
    return (
      <Field name={name} label={label} errors={err(field)} warnings={warn(field)} className={className}>
        <select
          id={fieldIds(name).input}
          className={inputClass}
          value={measure[field]}
          disabled={disabled}
          aria-invalid={err(field) ? true : undefined}
          aria-describedby={describedBy(name, false, err(field))}
          onChange={(e) => onChange({ [field]: e.target.value })}
        >
          {Object.entries(options).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </Field>
    );
  }

  function chooseType(key: string) {
    const type = measureTypes.find((t) => t.key === key);
    // A library type fixes unit and direction, so like is compared with like.
    onChange(
      type
        ? { measureTypeKey: key, unit: type.unit, direction: type.direction, label: measure.label || type.name }
        : { measureTypeKey: "" },
    );
  }

  const typeName = `${prefix}.measureTypeKey`;
  return (
    <fieldset className="space-y-3 rounded border border-slate-300 p-4" data-testid="measure-editor">
      <legend className="px-1 font-semibold">
        {index + 1}. {title}
      </legend>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name={typeName} label="Measure type" hint="From the library, or none for a custom measure" errors={err("measureTypeKey")}>
          <select
            id={fieldIds(typeName).input}
            className={inputClass}
            value={measure.measureTypeKey}
            disabled={disabled}
            aria-describedby={describedBy(typeName, true, err("measureTypeKey"))}
            onChange={(e) => chooseType(e.target.value)}
          >
            <option value="">Custom (no type)</option>
            {measureTypes.map((t) => (
              <option key={t.key} value={t.key}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        {text("label", "Name", { className: "sm:col-span-2" })}
        {select("unit", "Unit", UNIT_LABELS)}
        {measure.unit === "rate"
          ? text("rateBasis", "Rate per", { hint: "e.g. per week" })
          : text("denominator", "Denominator (optional)", { hint: "e.g. of all contacts" })}
        {select("direction", "Better when", DIRECTION_LABELS)}
      </div>

      <div className="grid gap-3 sm:grid-cols-3">
        <div className="space-y-2 rounded bg-slate-50 p-2">
          {text("before", "Before", { inputMode: "decimal" })}
          {select("beforeQualifier", "Before is", QUALIFIER_LABELS)}
          {text("beforeWording", "Source's wording (before)")}
          {text("beforePeriod", "Before period")}
        </div>
        <div className="space-y-2 rounded bg-slate-50 p-2">
          {text("after", "After", { inputMode: "decimal" })}
          {select("afterQualifier", "After is", QUALIFIER_LABELS)}
          {text("afterWording", "Source's wording (after)")}
          {text("afterPeriod", "After period")}
        </div>
        <div className="space-y-2 rounded bg-slate-50 p-2">
          {text("reportedChange", "Reported change", { inputMode: "decimal", hint: "Signed: −64 for “down 64%”" })}
          {select("reportedChangeBasis", "Reported in", BASIS_LABELS)}
          {select("reportedChangeQualifier", "Size of change is", QUALIFIER_LABELS)}
          {text("reportedChangeWording", "Source's wording (change)")}
        </div>
      </div>

      <div className="grid gap-3 sm:grid-cols-3">
        {text("sampleSize", "Sample size", { inputMode: "numeric" })}
        {text("sourceCitation", "Measure's own source (if different)")}
        {text("sourceUrl", "Source web address")}
        {text("notes", "Notes", { className: "sm:col-span-3" })}
      </div>

      <div className="rounded border-l-4 border-improvement bg-blue-50 p-2 text-sm" aria-live="polite" data-testid="measure-preview">
        {preview ? (
          <>
            <p>
              <span className="font-semibold">As published: </span>
              {preview.change}
            </p>
            <p className="text-slate-700">{preview.summary}</p>
          </>
        ) : (
          <p className="text-slate-700">Enter at least one valid figure to see the change as it will be published.</p>
        )}
      </div>

      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="rounded border border-slate-400 px-2 py-1 text-sm disabled:opacity-50"
          onClick={() => onMove(-1)}
          disabled={disabled || index === 0}
        >
          Move up<span className="sr-only"> {title}</span>
        </button>
        <button
          type="button"
          className="rounded border border-slate-400 px-2 py-1 text-sm disabled:opacity-50"
          onClick={() => onMove(1)}
          disabled={disabled || index === total - 1}
        >
          Move down<span className="sr-only"> {title}</span>
        </button>
        <button
          type="button"
          className="rounded border border-red-700 px-2 py-1 text-sm text-red-700 disabled:opacity-50"
          onClick={onRemove}
          disabled={disabled}
        >
          Remove<span className="sr-only"> {title}</span>
        </button>
      </div>
    </fieldset>
  );
}
