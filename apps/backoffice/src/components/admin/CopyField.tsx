import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  label: string;
  value: string;
  multiline?: boolean;
}

/** A read-only value with a Copy button (invitation links, embed tags). */
export function CopyField({ label, value, multiline }: Props) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard refused (no permission): the text is selected for a manual copy instead.
      (document.activeElement as HTMLElement | null)?.blur();
    }
  };
  return (
    <div class="copy-field">
      <label>
        <span class="field-label">{label}</span>
        {multiline ? (
          <textarea readOnly rows={3} value={value} onFocus={(e) => e.currentTarget.select()} />
        ) : (
          <input readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        )}
      </label>
      <button type="button" class="ghost" onClick={() => void copy()} aria-label={t.settings.copy.copyLabel(label)}>
        {copied ? t.settings.copy.copied : t.settings.copy.copy}
      </button>
    </div>
  );
}
