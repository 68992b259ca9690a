import { useState } from 'preact/hooks';

/** A read-only value (a link) with a Copy button that says when it worked. */
export function CopyField({ label, value }: { label: string; value: string }) {
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
      <button type="button" class="ghost" onClick={copy} aria-label={`Copy ${label.charAt(0).toLowerCase()}${label.slice(1)}`}>
        {copied ? 'Copied' : 'Copy'}
      </button>
      <span class="sr-only" role="status">
        {copied ? 'Copied to the clipboard' : ''}
      </span>
    </div>
  );
}
