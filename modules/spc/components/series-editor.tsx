"use client";

// The workspace editor for one measure's series: choose how often it has a
// point (daily to yearly, or irregular dates), paste two columns from a
// spreadsheet (or open a CSV file), or add and remove rows one by one; add a
// note to any point, extra rebase dates and a target; set the SPC options
// (run length N, outlier screening, limits fixed after N points); choose
// where the headline figures come from. All are saved with the series and
// used by every chart of the measure. The preview chart is drawn in the
// browser by the same SPC engine and view builder as the public page, so
// what the analyst sees is what will be published.
import { useActionState, useEffect, useId, useMemo, useRef, useState } from "react";
import { saveSeriesAction, type SeriesActionState } from "@/modules/spc/actions/series-actions";
import {
  FREQUENCY_WORDS,
  SERIES_FREQUENCIES,
  dateFormatHint,
  detectFrequency,
  formatSeriesDate,
  parseDateForFrequency,
  parseSeriesRows,
  parseSeriesText,
  readSeriesValue,
  type SeriesFrequency,
} from "@/lib/domain/series";
import { buildSpcView, describeHeadlineMethod, type SeriesForChart } from "@/modules/spc/present/spc";
import { SpcChart } from "@/modules/spc/components/spc-chart";
import { Field, describedBy, fieldIds, inputClass } from "@/components/ui/field";
import { SPC_FIX_AFTER_MIN, SPC_RUN_LENGTH_MAX, SPC_RUN_LENGTH_MIN } from "@/lib/schemas/series";
import { SpcBadges, SpcLegend } from "./spc-icons";

interface Row {
  key: string;
  date: string;
  value: string;
  annotation: string;
}

let nextKey = 0;
const newRow = (date = "", value = "", annotation = ""): Row => ({ key: `r${nextKey++}`, date, value, annotation });

const DIRECTION_WORDS = {
  lower_is_better: "lower is better",
  higher_is_better: "higher is better",
  neutral: "neither direction is better",
} as const;

export interface SeriesEditorProps {
  caseId: string;
  revision: number;
  canEdit: boolean;
  measure: SeriesForChart;
}

const SPC_RUN_LENGTHS = Array.from({ length: SPC_RUN_LENGTH_MAX - SPC_RUN_LENGTH_MIN + 1 }, (_, i) => SPC_RUN_LENGTH_MIN + i);

export function SeriesEditor({ caseId, revision: initialRevision, canEdit, measure }: SeriesEditorProps) {
  const uid = useId().replace(/:/g, "");
  const [rows, setRows] = useState<Row[]>(() => measure.points.map((p) => newRow(p.date, String(p.value), p.annotation ?? "")));
  const [paste, setPaste] = useState("");
  const [pasteErrors, setPasteErrors] = useState<string[]>([]);
  const [pasteWarnings, setPasteWarnings] = useState<string[]>([]);
  const [rebaseDates, setRebaseDates] = useState<string[]>(measure.rebaseDates);
  const [newRebase, setNewRebase] = useState("");
  const [rebaseError, setRebaseError] = useState<string | null>(null);
  const [target, setTarget] = useState(measure.target === null ? "" : String(measure.target));
  const [headlineMethod, setHeadlineMethod] = useState(measure.headlineMethod);
  const [runLength, setRunLength] = useState(measure.runLength);
  const [frequency, setFrequency] = useState<SeriesFrequency>(
    () => measure.frequency ?? (measure.points.length ? detectFrequency(measure.points.map((p) => p.date)) : "monthly"),
  );
  const [screenOutliers, setScreenOutliers] = useState(measure.screenOutliers);
  const [fixAfter, setFixAfter] = useState(measure.fixAfterPoints === null ? "" : String(measure.fixAfterPoints));
  const [state, formAction, pending] = useActionState<SeriesActionState, FormData>(saveSeriesAction, { status: "idle" });
  const statusRef = useRef<HTMLDivElement>(null);

  // The case's revision moves forward with our own saves and with the page
  // refresh that follows a save in any editor on the page.
  const revision = Math.max(initialRevision, state.status === "success" ? (state.revision ?? 0) : 0);
  const handled = useRef<SeriesActionState | null>(null);
  useEffect(() => {
    if (handled.current === state) return;
    handled.current = state;
    if (state.status !== "idle") statusRef.current?.focus();
  }, [state]);

  const parsed = useMemo(
    () =>
      parseSeriesRows(
        rows.map((r, i) => ({ line: i + 1, date: r.date, value: r.value, annotation: r.annotation })),
        measure.unit,
        frequency,
      ),
    [rows, measure.unit, frequency],
  );
  const targetText = target.trim();
  const targetRead = readSeriesValue(targetText, measure.unit);
  const targetValue = targetRead.ok ? targetRead.value : null;
  const targetError = targetRead.ok ? null : `${targetRead.message}. Enter the target as a number, or leave it blank`;
  const fixText = fixAfter.trim();
  const fixValue = fixText === "" ? null : /^\d+$/.test(fixText) ? Number(fixText) : Number.NaN;
  const fixError =
    fixValue !== null && !(Number.isInteger(fixValue) && fixValue >= SPC_FIX_AFTER_MIN)
      ? `Enter a whole number of at least ${SPC_FIX_AFTER_MIN}, or leave it blank (fewer points cannot give robust limits)`
      : null;
  const draftSeries: SeriesForChart = {
    ...measure,
    points: parsed.points,
    rebaseDates,
    target: targetValue,
    headlineMethod,
    runLength,
    frequency,
    screenOutliers,
    fixAfterPoints: fixError ? measure.fixAfterPoints : fixValue,
  };
  const preview = parsed.errors.length === 0 && parsed.points.length > 0 ? buildSpcView(draftSeries) : null;

  const payload = JSON.stringify({
    caseId,
    measureId: state.measureId && state.status === "success" ? state.measureId : measure.measureId,
    revision,
    points: parsed.points,
    rebaseDates,
    target: targetValue,
    runLength,
    headlineMethod,
    screenOutliers,
    fixAfterPoints: fixValue,
    frequency,
  });
  const serverErrors = state.fieldErrors ?? {};
  const canSave = canEdit && parsed.errors.length === 0 && !targetError && !fixError && !pending;

  function readPasted(text: string) {
    const result = parseSeriesText(text, measure.unit, frequency);
    setPasteWarnings(result.warnings);
    if (result.errors.length) {
      setPasteErrors(result.errors.map((e) => e.message));
      return;
    }
    setPasteErrors([]);
    setRows(result.points.map((p) => newRow(p.date, String(p.value), p.annotation ?? "")));
    setPaste("");
  }

  function update(i: number, patch: Partial<Row>) {
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  }

  function addRebase() {
    const iso = parseDateForFrequency(newRebase, frequency);
    if (!iso) return setRebaseError(`${dateFormatHint(frequency)}.`);
    if (rebaseDates.includes(iso)) return setRebaseError("That rebase date is already listed");
    const dates = parsed.points.map((p) => p.date);
    if (dates.length > 0 && (iso <= dates[0]! || iso > dates[dates.length - 1]!)) {
      return setRebaseError(
        `${iso} is outside the series (${dates[0]} to ${dates[dates.length - 1]}): a new phase must start after the first point and no later than the last`,
      );
    }
    setRebaseError(null);
    setRebaseDates((ds) => [...ds, iso].sort());
    setNewRebase("");
  }

  const f = (name: string) => `${uid}-${name}`;
  return (
    <div className="space-y-4 rounded border border-slate-300 p-4" data-testid="series-editor" data-measure={measure.label}>
      <div className="space-y-1">
        <h3 className="text-lg font-semibold">{measure.label}</h3>
        <p className="text-sm text-slate-700">
          Unit: {measure.unit}
          {measure.rateBasis ? ` (${measure.rateBasis})` : ""} · Improvement: {DIRECTION_WORDS[measure.direction]} (from the measure) ·{" "}
          {measure.interventionDate
            ? `Intervention: ${formatSeriesDate(measure.interventionDate, false)} (from the case) — the limits are recalculated from it.`
            : "The case has no intervention date: set one in the case details to compare before and after."}
        </p>
      </div>

      <div
        ref={statusRef}
        tabIndex={-1}
        role={state.status === "error" ? "alert" : "status"}
        className={
          state.status === "idle"
            ? "sr-only"
            : `rounded border-l-4 p-3 text-sm ${state.status === "error" ? "border-red-700 bg-red-50" : "border-improvement bg-blue-50"}`
        }
      >
        {state.message}
        {state.status === "error" && Object.keys(serverErrors).length ? (
          <ul className="mt-1 list-disc pl-5">
            {Object.entries(serverErrors).map(([k, msgs]) => (
              <li key={k}>{msgs.join(" ")}</li>
            ))}
          </ul>
        ) : null}
      </div>

      <Field
        name={f("frequency")}
        label="How often the series has a point"
        hint="Read dates for this frequency and checked for one point per period. SPC limits need evenly spaced points: irregular dates are charted as a run chart."
        errors={serverErrors.frequency}
        className="max-w-md"
      >
        <select
          id={fieldIds(f("frequency")).input}
          className={inputClass}
          value={frequency}
          disabled={!canEdit}
          aria-describedby={describedBy(f("frequency"), true, serverErrors.frequency)}
          onChange={(e) => setFrequency(e.target.value as SeriesFrequency)}
        >
          {SERIES_FREQUENCIES.map((fr) => (
            <option key={fr} value={fr}>
              {FREQUENCY_WORDS[fr]}
            </option>
          ))}
        </select>
      </Field>

      {canEdit ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <Field
            name={f("paste")}
            label="Paste a series"
            hint={`Two columns copied from a spreadsheet or a CSV file: the date, then the value. ${dateFormatHint(frequency)}. An optional third column is a note on that point. This replaces the rows below.`}
          >
            <textarea
              id={fieldIds(f("paste")).input}
              className={`${inputClass} h-32 font-mono`}
              value={paste}
              onChange={(e) => setPaste(e.target.value)}
            />
            <div className="flex flex-wrap items-center gap-3 pt-1">
              <button
                type="button"
                className="rounded bg-improvement px-3 py-1.5 text-sm font-semibold text-white"
                onClick={() => readPasted(paste)}
                disabled={!paste.trim()}
              >
                Use the pasted values
              </button>
              <label className="text-sm">
                <span className="mr-2">or open a CSV file</span>
                <input
                  type="file"
                  accept=".csv,.txt,.tsv,text/csv,text/plain"
                  className="text-sm"
                  onChange={async (e) => {
                    const file = e.target.files?.[0];
                    if (file) readPasted(await file.text());
                    e.target.value = "";
                  }}
                />
              </label>
            </div>
          </Field>
          <div className="space-y-3">
            {pasteErrors.length ? (
              <div role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-sm" data-testid="series-paste-errors">
                <p className="font-semibold">Nothing was changed: correct these lines and paste again.</p>
                <ul className="list-disc pl-5">
                  {pasteErrors.slice(0, 12).map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                  {pasteErrors.length > 12 ? <li>… and {pasteErrors.length - 12} more</li> : null}
                </ul>
              </div>
            ) : null}
            {pasteWarnings.filter((w) => !parsed.warnings.includes(w)).length ? (
              <ul className="space-y-1 text-sm text-concern" role="note">
                {pasteWarnings
                  .filter((w) => !parsed.warnings.includes(w))
                  .map((w) => (
                    <li key={w}>⚠ {w}</li>
                  ))}
              </ul>
            ) : null}
          </div>
        </div>
      ) : null}

      <details open={rows.length <= 40} className="text-sm">
        <summary className="cursor-pointer font-medium">Points ({parsed.points.length})</summary>
        <table className="mt-2 border-collapse">
          <thead>
            <tr className="text-left">
              <th scope="col" className="pr-2">
                Date
              </th>
              <th scope="col" className="pr-2">
                Value
              </th>
              <th scope="col" className="pr-2">
                Note (optional)
              </th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const rowErrors = parsed.errors.filter((e) => e.line === i + 1);
              return (
                <tr key={r.key} className="align-top">
                  <td className="pr-2 pb-1">
                    <input
                      aria-label={`Date, row ${i + 1}`}
                      className={`${inputClass} w-36`}
                      value={r.date}
                      disabled={!canEdit}
                      aria-invalid={rowErrors.length ? true : undefined}
                      onChange={(e) => update(i, { date: e.target.value })}
                    />
                  </td>
                  <td className="pr-2 pb-1">
                    <input
                      aria-label={`Value, row ${i + 1}`}
                      inputMode="decimal"
                      className={`${inputClass} w-28`}
                      value={r.value}
                      disabled={!canEdit}
                      aria-invalid={rowErrors.length ? true : undefined}
                      onChange={(e) => update(i, { value: e.target.value })}
                    />
                  </td>
                  <td className="pr-2 pb-1">
                    <input
                      aria-label={`Note, row ${i + 1}`}
                      className={`${inputClass} w-56`}
                      value={r.annotation}
                      disabled={!canEdit}
                      maxLength={200}
                      onChange={(e) => update(i, { annotation: e.target.value })}
                    />
                    {rowErrors.map((e) => (
                      <p key={e.message} className="text-xs font-semibold text-red-700">
                        {e.message.replace(/^Line \d+: /, "")}
                      </p>
                    ))}
                  </td>
                  <td className="pb-1">
                    {canEdit ? (
                      <button
                        type="button"
                        className="text-sm text-red-700 underline"
                        onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                        aria-label={`Remove row ${i + 1}`}
                      >
                        Remove
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {canEdit ? (
          <button
            type="button"
            className="mt-1 rounded border border-slate-400 px-3 py-1 text-sm"
            onClick={() => setRows((rs) => [...rs, newRow()])}
          >
            Add a point
          </button>
        ) : null}
        {parsed.errors
          .filter((e) => e.line === null)
          .map((e) => (
            <p key={e.message} className="text-sm font-semibold text-red-700">
              {e.message}
            </p>
          ))}
        {parsed.warnings.length ? (
          <ul className="mt-1 space-y-1 text-sm text-concern" role="note" data-testid="series-warnings">
            {parsed.warnings.map((w) => (
              <li key={w}>⚠ {w}</li>
            ))}
          </ul>
        ) : null}
      </details>

      <div className="grid gap-4 md:grid-cols-3">
        <div className="space-y-1">
          <Field
            name={f("rebase")}
            label="Extra rebase dates"
            hint="Limits are also recalculated from these dates (e.g. a second change). The intervention date is always one."
            errors={rebaseError ? [rebaseError] : serverErrors.rebaseDates}
          >
            <div className="flex gap-2">
              <input
                id={fieldIds(f("rebase")).input}
                className={inputClass}
                value={newRebase}
                disabled={!canEdit}
                onChange={(e) => setNewRebase(e.target.value)}
              />
              <button
                type="button"
                className="rounded border border-slate-400 px-2 text-sm"
                onClick={addRebase}
                disabled={!canEdit || !newRebase.trim()}
              >
                Add
              </button>
            </div>
          </Field>
          <ul className="text-sm">
            {rebaseDates.map((d) => (
              <li key={d} className="flex items-center gap-2">
                {formatSeriesDate(d, false)}
                {canEdit ? (
                  <button
                    type="button"
                    className="text-red-700 underline"
                    onClick={() => setRebaseDates((ds) => ds.filter((x) => x !== d))}
                    aria-label={`Remove rebase date ${formatSeriesDate(d, false)}`}
                  >
                    Remove
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
        <Field
          name={f("target")}
          label="Target (optional)"
          hint="For the assurance icon: will the process meet it?"
          errors={targetError ? [targetError] : serverErrors.target}
        >
          <input
            id={fieldIds(f("target")).input}
            className={inputClass}
            value={target}
            disabled={!canEdit}
            inputMode="decimal"
            onChange={(e) => setTarget(e.target.value)}
          />
        </Field>
        <Field
          name={f("runlength")}
          label="Run length N"
          hint="Points in a row that make a shift or a trend, on this measure's charts everywhere: 7 as in NHS Making Data Count and NHSRplotthedots; NHS England's SQL uses 6."
          errors={serverErrors.runLength}
        >
          <select
            id={fieldIds(f("runlength")).input}
            className={inputClass}
            value={runLength}
            disabled={!canEdit}
            onChange={(e) => setRunLength(Number(e.target.value))}
          >
            {SPC_RUN_LENGTHS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-1">
          <label className="flex items-start gap-2 text-sm font-medium">
            <input
              type="checkbox"
              className="mt-1"
              checked={screenOutliers}
              disabled={!canEdit}
              aria-describedby={`${f("screen")}-hint`}
              onChange={(e) => setScreenOutliers(e.target.checked)}
            />
            Screen out moving-range outliers
          </label>
          <p id={`${f("screen")}-hint`} className="text-xs text-slate-600">
            On: a moving range of 3.267 × the average or more is left out of the limits, as NHSRplotthedots does. Off: every moving range
            counts, as in the Making Data Count Excel tool.
          </p>
          {serverErrors.screenOutliers ? (
            <p className="text-sm font-semibold text-red-700">{serverErrors.screenOutliers.join(" ")}</p>
          ) : null}
        </div>
        <Field
          name={f("fixafter")}
          label="Fix the limits after N points (optional)"
          hint={`Baseline fixing: each phase's mean and limits come from its first N points, and later points are judged against them. At least ${SPC_FIX_AFTER_MIN} (NHSRplotthedots' rule); blank: from every point.`}
          errors={fixError ? [fixError] : serverErrors.fixAfterPoints}
        >
          <input
            id={fieldIds(f("fixafter")).input}
            className={inputClass}
            value={fixAfter}
            disabled={!canEdit}
            inputMode="numeric"
            aria-invalid={fixError ? true : undefined}
            aria-describedby={describedBy(f("fixafter"), true, fixError ? [fixError] : serverErrors.fixAfterPoints)}
            onChange={(e) => setFixAfter(e.target.value)}
          />
        </Field>
      </div>

      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium">Headline before and after</legend>
        {(["figures", "series_phase_means"] as const).map((m) => (
          <label key={m} className="flex items-center gap-2">
            <input
              type="radio"
              name={f("headline")}
              value={m}
              checked={headlineMethod === m}
              disabled={!canEdit}
              onChange={() => setHeadlineMethod(m)}
            />
            {m === "figures" ? "From the reported figures" : "From the phase means of this series (before and after the intervention)"}
          </label>
        ))}
        {serverErrors.headlineMethod ? <p className="font-semibold text-red-700">{serverErrors.headlineMethod.join(" ")}</p> : null}
        <p className="text-slate-700" data-testid="series-method-note">
          {describeHeadlineMethod(draftSeries)}
        </p>
      </fieldset>

      <section aria-label={`Preview: ${measure.label}`} className="space-y-2" data-testid="series-preview">
        <h4 className="font-semibold">Preview</h4>
        {preview ? (
          <>
            <SpcBadges view={preview} />
            <p className="text-sm text-slate-700" data-testid="series-preview-icon-note">
              {preview.iconNote}
            </p>
            <SpcChart
              data={preview.chart}
              title={`Preview: ${measure.label}`}
              describedBy={`series-preview-summary-${measure.measureId}`}
              show2Sigma
            />
            <SpcLegend runChart={preview.runChart} present={preview.points.map((p) => p.pointType)} twoSigma />
            <p id={`series-preview-summary-${measure.measureId}`} data-testid="series-preview-summary">
              {preview.summary}
            </p>
            {preview.notes.length ? (
              <ul className="list-disc pl-6 text-sm text-slate-700">
                {preview.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : (
          <p className="text-sm text-slate-700">
            {parsed.errors.length ? "Correct the rows marked above to see the chart." : "Add points to see the chart."}
          </p>
        )}
      </section>

      {canEdit ? (
        <form action={formAction}>
          <input type="hidden" name="payload" value={payload} />
          <button
            type="submit"
            disabled={!canSave}
            className="rounded bg-improvement px-4 py-2 font-semibold text-white disabled:opacity-50"
          >
            {pending ? "Saving…" : "Save series"}
          </button>
        </form>
      ) : null}
    </div>
  );
}
