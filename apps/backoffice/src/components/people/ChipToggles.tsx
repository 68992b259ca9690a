interface Props {
  /** The group's accessible name. */
  label: string;
  options: { value: string; label: string }[];
  selected: string[];
  onChange: (selected: string[]) => void;
}

/** A row of pressable chips: pick any number of options. */
export function ChipToggles({ label, options, selected, onChange }: Props) {
  const toggle = (v: string) => onChange(selected.includes(v) ? selected.filter((s) => s !== v) : [...selected, v]);
  return (
    <div class="chip-toggles" role="group" aria-label={label}>
      {options.map((o) => (
        <button key={o.value} type="button" class="chip-toggle" aria-pressed={selected.includes(o.value)} onClick={() => toggle(o.value)}>
          {selected.includes(o.value) && <span aria-hidden="true">✓ </span>}
          {o.label}
        </button>
      ))}
    </div>
  );
}
