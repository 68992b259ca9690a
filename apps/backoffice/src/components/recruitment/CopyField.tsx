import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n/index.tsx';

/** A read-only value (a link) with a Copy button that says when it worked. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useI18n();
  const w = t.manage.recruitment;
  const [copied, setCopied] = useState(false);
  const copy = async (e: Event) => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // No clipboard permission (plain http, old browser): select it so Ctrl+C works.
      const input = (e.currentTarget as HTMLElement).parentElement?.querySelector('input');
      input?.select();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2500);
  };
  return (
    <div class="rc-copy">
      <input readOnly aria-label={label} value={value} onFocus={(e) => e.currentTarget.select()} />
      <button type="button" class="ghost" onClick={copy} aria-label={w.copyWhat(label)}>
        {copied ? w.copied : w.copy}
      </button>
      <span class="sr-only" role="status">
        {copied ? w.copiedToClipboard : ''}
      </span>
    </div>
  );
}
