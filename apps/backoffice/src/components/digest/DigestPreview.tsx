import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  preview: { html: string; text: string };
  /** Said above the preview when it does not show unsaved edits yet. */
  stale?: boolean;
}

/** The mail as a helper receives it, as HTML (in a sandbox: no script, no form) or as plain text. */
export function DigestPreview({ preview, stale }: Props) {
  const { t } = useI18n();
  const w = t.manage.digest;
  const [tab, setTab] = useState<'html' | 'text'>('html');
  return (
    <section class="digest-preview" aria-labelledby="dp-h">
      <div class="dp-head">
        <h3 id="dp-h">{w.preview}</h3>
        <div class="dp-tabs" role="tablist" aria-label={w.previewAs}>
          {(['html', 'text'] as const).map((k) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} class={tab === k ? 'on' : ''} onClick={() => setTab(k)}>
              {k === 'html' ? w.html : w.plainText}
            </button>
          ))}
        </div>
      </div>
      {stale && <p class="muted small">{w.saveToSee}</p>}
      {tab === 'html' ? (
        <iframe class="dp-frame" title={w.asHtml} sandbox="" srcdoc={preview.html} />
      ) : (
        <pre class="dp-text" aria-label={w.asText}>
          {preview.text}
        </pre>
      )}
    </section>
  );
}
