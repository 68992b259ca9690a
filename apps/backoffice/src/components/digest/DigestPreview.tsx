import { useState } from 'preact/hooks';

interface Props {
  preview: { html: string; text: string };
  /** Said above the preview when it does not show unsaved edits yet. */
  stale?: boolean;
}

/** The mail as a helper receives it, as HTML (in a sandbox: no script, no form) or as plain text. */
export function DigestPreview({ preview, stale }: Props) {
  const [tab, setTab] = useState<'html' | 'text'>('html');
  return (
    <section class="digest-preview" aria-labelledby="dp-h">
      <div class="dp-head">
        <h3 id="dp-h">Preview</h3>
        <div class="dp-tabs" role="tablist" aria-label="Preview as">
          {(['html', 'text'] as const).map((t) => (
            <button key={t} type="button" role="tab" aria-selected={tab === t} class={tab === t ? 'on' : ''} onClick={() => setTab(t)}>
              {t === 'html' ? 'HTML' : 'Plain text'}
            </button>
          ))}
        </div>
      </div>
      {stale && <p class="muted small">Save to see your changes here.</p>}
      {tab === 'html' ? (
        <iframe class="dp-frame" title="The digest as HTML" sandbox="" srcdoc={preview.html} />
      ) : (
        <pre class="dp-text" aria-label="The digest as plain text">
          {preview.text}
        </pre>
      )}
    </section>
  );
}
