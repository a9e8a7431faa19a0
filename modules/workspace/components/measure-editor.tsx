"use client";

import { useMemo, type ReactNode } from "react";
import { assessMeasure } from "@/lib/domain/evidence";
import { COMPARISON_KIND_LABELS, DESIGN_LABELS, FINDING_LABELS, formatFigure } from "@/lib/domain/evidence-text";
import { summariseMeasure } from "@/lib/domain/summary";
import { measureInputSchema, measureWarnings, toEvidenceFigures } from "@/lib/schemas/measure";
import { DIRECTION_LABELS, EVIDENCE_LEVELS } from "@/lib/domain/labels";
import { Field, describedBy, fieldIds, inputClass } from "@/components/ui/field";

export { EMPTY_MEASURE, type MeasureDraft } from "@/modules/workspace/present/measure-draft";
import { measureDetailsOpen, type MeasureDraft } from "@/modules/workspace/present/measure-draft";

const UNIT_LABELS: Record<string, string> = {
  count: "Count",
  hours: "Hours",
  days: "Days",
  weeks: "Weeks",
  months: "Months",
  money: "Money (£)",
  percent: "Percent (%)",
  rate: "Rate (per …)",
  ratio: "Ratio",
  score: "Score",
};
const QUALIFIER_LABELS: Record<string, string> = {
  exact: "exactly",
  about: "about",
  at_least: "at least",
  at_most: "at most",
  more_than: "more than",
  less_than: "less than",
};
const BASIS_LABELS: Record<string, string> = {
  percent: "per cent (%)",
  percentage_points: "percentage points (pp)",
  absolute: "the measure's own unit (e.g. £, people)",
  unspecified: "not stated by the source",
};
const NONE = { "": "—" };

export interface MeasureTypeOption {
  key: string;
  name: string;
  unit: string;
  direction: string;
}

/** The figure exactly as the public page will show it, from the same domain module. */
function usePreview(m: MeasureDraft) {
  return useMemo(() => {
    const parsed = measureInputSchema.safeParse(m);
    if (!parsed.success) return null;
    const figures = toEvidenceFigures(parsed.data);
    const a = assessMeasure(figures, { caseEvidenceLevel: 1 });
    return {
      figure: formatFigure(figures, a),
      summary: a.wordsOnly || a.effect?.contrast !== "over_time" ? null : summariseMeasure(figures, a.change),
      warnings: measureWarnings(figures),
    };
  }, [m]);
}

/** What each design calls its figures. */
const FIGURE_LABELS: Record<string, { before: string; after: string; change: string; changeHint: string }> = {
  before_after: { before: "Before", after: "After", change: "Reported change", changeHint: "Signed: −64 for “down 64%”" },
  interrupted_time_series: { before: "Before", after: "After", change: "Reported change", changeHint: "Signed: −64 for “down 64%”" },
  comparison_group: {
    before: "Reform group before (optional)",
    after: "Reform group at follow-up",
    change: "Reported difference from the comparison group",
    changeHint: "Signed: −12 for “12% lower than the comparison group”",
  },
  difference_in_differences: {
    before: "Reform group before",
    after: "Reform group after",
    change: "Reported difference-in-differences",
    changeHint: "The source's own estimate, signed; or give all four figures",
  },
  against_target: { before: "Before (optional)", after: "Value", change: "Reported difference from the target", changeHint: "Signed" },
};

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
  const labels = FIGURE_LABELS[measure.design] ?? FIGURE_LABELS.before_after!;
  const controlled = measure.design === "comparison_group" || measure.design === "difference_in_differences";

  function text(
    field: keyof MeasureDraft,
    label: string,
    opts: { hint?: string; className?: string; inputMode?: "decimal" | "numeric"; multiline?: boolean } = {},
  ) {
    const name = `${prefix}.${field}`;
    const common = {
      id: fieldIds(name).input,
      className: inputClass,
      value: measure[field],
      disabled,
      "aria-invalid": err(field) ? true : undefined,
      "aria-describedby": describedBy(name, Boolean(opts.hint), err(field)),
    } as const;
    return (
      <Field name={name} label={label} hint={opts.hint} errors={err(field)} warnings={warn(field)} className={opts.className}>
        {opts.multiline ? (
          <textarea {...common} rows={3} onChange={(e) => onChange({ [field]: e.target.value })} />
        ) : (
          <input {...common} inputMode={opts.inputMode} onChange={(e) => onChange({ [field]: e.target.value })} />
        )}
      </Field>
    );
  }

  function select(
    field: keyof MeasureDraft,
    label: string,
    options: Record<string, string>,
    opts: { hint?: string; className?: string } = {},
  ) {
    const name = `${prefix}.${field}`;
    return (
      <Field name={name} label={label} hint={opts.hint} errors={err(field)} warnings={warn(field)} className={opts.className}>
        <select
          id={fieldIds(name).input}
          className={inputClass}
          value={measure[field]}
          disabled={disabled}
          aria-invalid={err(field) ? true : undefined}
          aria-describedby={describedBy(name, Boolean(opts.hint), err(field))}
          onChange={(e) => onChange({ [field]: e.target.value })}
        >
          {Object.entries(options).map(([value, optionText]) => (
            <option key={value} value={value}>
              {optionText}
            </option>
          ))}
        </select>
      </Field>
    );
  }

  function checkbox(field: keyof MeasureDraft, label: string) {
    const id = fieldIds(`${prefix}.${field}`).input;
    return (
      <div className="flex items-center gap-2 text-sm">
        <input
          id={id}
          type="checkbox"
          checked={measure[field] === "true"}
          disabled={disabled}
          onChange={(e) => onChange({ [field]: e.target.checked ? "true" : "" })}
        />
        <label htmlFor={id}>{label}</label>
      </div>
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

  /** A group of less-used fields inside the disclosure, under its own heading. */
  function group(heading: string, children: ReactNode) {
    return (
      <div className="space-y-2">
        <h4 className="text-sm font-semibold">{heading}</h4>
        <div className="grid gap-3 sm:grid-cols-3">{children}</div>
      </div>
    );
  }

  const typeName = `${prefix}.measureTypeKey`;
  // Opens by itself when anything behind it holds a value or an error, so nothing entered or wrong is hidden.
  const detailsOpen = measureDetailsOpen(measure, (f) => Boolean(err(f)?.length));
  return (
    <fieldset className="space-y-3 rounded border border-slate-300 p-4" data-testid="measure-editor">
      <legend className="px-1 font-semibold">
        {index + 1}. {title}
      </legend>
      {/* The essentials first: what is measured, before, after, the unit and period, the source's sentence. */}
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
        {text("rateBasis", measure.unit === "rate" ? "Rate per" : "Per or over (optional)", {
          hint: measure.unit === "rate" ? "e.g. per week, per 1,000 people" : "e.g. a week, a year, over 8 months",
        })}
        {select("direction", "Better when", DIRECTION_LABELS)}
      </div>

      <div className="grid gap-3 sm:grid-cols-3">
        <div className="space-y-2 rounded bg-slate-50 p-2">
          {text("before", labels.before, { inputMode: "decimal" })}
          {text("beforePeriod", "Before period", { hint: "e.g. 2022–23" })}
        </div>
        <div className="space-y-2 rounded bg-slate-50 p-2">
          {text("after", labels.after, { inputMode: "decimal" })}
          {text("afterPeriod", "After period")}
        </div>
        <div className="space-y-2 rounded bg-slate-50 p-2">
          {text("reportedChange", labels.change, { inputMode: "decimal", hint: labels.changeHint })}
        </div>
      </div>
      {text("quote", "The source's sentence, word for word", { multiline: true })}

      <details className="rounded border border-slate-200 p-2" open={detailsOpen || undefined} data-testid="measure-more">
        <summary className="cursor-pointer text-sm font-medium">
          More about this figure
          <span className="font-normal text-slate-600"> — design, qualifiers, interval, wording, evidence, notes</span>
        </summary>
        <div className="mt-3 space-y-4">
          {group(
            "Design",
            <>
              {select("design", "How the figure was arrived at", DESIGN_LABELS, { className: "sm:col-span-2" })}
              {controlled ? select("comparisonKind", "Comparison group", { ...NONE, ...COMPARISON_KIND_LABELS }) : null}
              {controlled
                ? text("comparisonDescription", "The comparison group as the source describes it", { className: "sm:col-span-3" })
                : null}
              {measure.design === "difference_in_differences"
                ? text("comparisonBefore", "Comparison group before", { inputMode: "decimal" })
                : null}
              {controlled ? text("comparisonAfter", "Comparison group at follow-up", { inputMode: "decimal" }) : null}
              {measure.design === "against_target" ? text("target", "Target", { inputMode: "decimal" }) : null}
            </>,
          )}
          {group(
            "Qualifiers and basis",
            <>
              {select("beforeQualifier", `${labels.before} is`, QUALIFIER_LABELS)}
              {select("afterQualifier", `${labels.after} is`, QUALIFIER_LABELS)}
              {select("reportedChangeQualifier", "Change: size is", QUALIFIER_LABELS)}
              {select("reportedChangeBasis", "Change: reported in", BASIS_LABELS)}
              {text("denominator", "Out of (optional)", { hint: "e.g. of 90 people, of all contacts" })}
            </>,
          )}
          {group(
            "Interval, significance and sample",
            <>
              {text("ciLower", "Interval: lower bound", { inputMode: "decimal", hint: "Signed like the estimate: −19 for 19% lower" })}
              {text("ciUpper", "Interval: upper bound", { inputMode: "decimal" })}
              {text("ciLevel", "Confidence level (%)", { inputMode: "decimal", hint: "95 if the source does not say" })}
              {text("pValue", "p-value", { inputMode: "decimal" })}
              {text("sampleSize", controlled ? "Sample size (reform group)" : "Sample size", { inputMode: "numeric" })}
              {controlled ? text("comparisonSampleSize", "Sample size (comparison group)", { inputMode: "numeric" }) : null}
            </>,
          )}
          {group(
            "A finding in words",
            select(
              "findingDirection",
              "What the source found",
              { ...NONE, ...FINDING_LABELS },
              {
                hint: "Needed when there is no number: “no significant difference”, “waiting times got longer”",
                className: "sm:col-span-3",
              },
            ),
          )}
          {group(
            "Wording and the measure's own source",
            <>
              {text("beforeWording", "Source's wording (before)", { hint: "e.g. over 94%" })}
              {text("afterWording", "Source's wording (after)")}
              {text("reportedChangeWording", "Source's wording (change)", { hint: "e.g. more than halved" })}
              {text("beforeWords", "Before in words (optional)", { hint: "Shown on the page: “a third”, “1 in 5”" })}
              {text("afterWords", "After in words (optional)")}
              {text("reportedChangeWords", "Change in words (optional)")}
              {text("sourceCitation", "Measure's own source (if different)", { className: "sm:col-span-2" })}
              {text("sourceUrl", "Source web address")}
            </>,
          )}
          {group(
            "Evidence level, modelled figures and notes",
            <>
              {select(
                "evidenceLevel",
                "Evidence level",
                {
                  "": "From the design and the case",
                  ...Object.fromEntries(Object.entries(EVIDENCE_LEVELS).map(([k, v]) => [k, `${k}: ${v}`])),
                },
                { hint: "Maryland Scientific Methods Scale" },
              )}
              {text("evidenceLevelReason", "Why this level", { className: "sm:col-span-2" })}
              <div className="sm:col-span-3">{checkbox("modelled", "Modelled or projected (e.g. cost avoided), not observed")}</div>
              {text("notes", "Notes", {
                className: "sm:col-span-3",
                multiline: true,
                hint: "Internal unless you tick “publish the notes”",
              })}
              <div className="sm:col-span-3">{checkbox("notesPublic", "Publish the notes beside the figure")}</div>
            </>,
          )}
        </div>
      </details>

      <div className="rounded border-l-4 border-improvement bg-blue-50 p-2 text-sm" aria-live="polite" data-testid="measure-preview">
        {preview ? (
          <>
            <p>
              <span className="font-semibold">As published: </span>
              {preview.figure}
            </p>
            {preview.summary ? <p className="text-slate-700">{preview.summary}</p> : null}
          </>
        ) : (
          <p className="text-slate-700">Enter at least one valid figure, or a finding in words, to see it as it will be published.</p>
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
