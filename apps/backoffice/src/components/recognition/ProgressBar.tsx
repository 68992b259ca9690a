interface Props {
  /** 0–1. */
  value: number;
  label: string;
  /** Visible text beside or under the bar, e.g. "3 / 10". */
  text?: string;
  tone?: 'brand' | 'gold' | 'muted';
}

/** A rounded progress bar with an accessible name and value. */
export function ProgressBar({ value, label, text, tone = 'brand' }: Props) {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div class={`progress ${tone}`}>
      <div
        class="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={text ?? `${pct}%`}
      >
        <span class="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      {text && <span class="progress-text">{text}</span>}
    </div>
  );
}
