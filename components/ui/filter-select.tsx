// One labelled <select> of a plain GET filter form (the explorer's, the approach
// overview's): an "any" choice first, then the options. The value lives in the URL.
export const selectClass = "mt-1 block w-full rounded border border-slate-400 px-2 py-1.5";

export function FilterSelect({
  id,
  name,
  label,
  value,
  any,
  options,
  className,
}: {
  id: string;
  name: string;
  label: string;
  /** The current value, "" for none. */
  value: string;
  /** The words of the empty choice ("Any sector"). */
  any: string;
  options: Array<[value: string, label: string]>;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={selectClass}>
        <option value="">{any}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
