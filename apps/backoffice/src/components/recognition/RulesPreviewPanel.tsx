import type { RulesPreview } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  preview: RulesPreview | null;
  /** Why the draft cannot be previewed (e.g. a tier without a name). */
  error: string | null;
  busy: boolean;
  onPreview: () => void;
}

/** "With these rules, last month's top 10 would be …", beside what they have today; updates as the rules change. */
export function RulesPreviewPanel({ preview, error, busy, onPreview }: Props) {
  const { t, f } = useI18n();
  const w = t.recognition.preview;
  return (
    <section class={`panel rec-panel preview-panel ${busy ? 'busy' : ''}`} aria-labelledby="pv-h" aria-busy={busy}>
      <div class="panel-head">
        <h2 id="pv-h">{w.title}</h2>
        {busy && <span class="muted small pv-busy">{w.updating}</span>}
        <button type="button" class="ghost" disabled={busy} onClick={onPreview}>
          {w.run}
        </button>
      </div>
      {error && <p class="alert">{error}</p>}
      {!preview ? (
        <p class="muted small">{w.hint}</p>
      ) : (
        <>
          <p class="pv-lead">{w.lead(f.date(preview.from), f.date(preview.to))}</p>
          {preview.top.length === 0 ? (
            <p class="encourage">{w.nobody}</p>
          ) : (
            <table class="pv-table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{w.helper}</th>
                  <th scope="col">{w.would}</th>
                  <th scope="col">{w.now}</th>
                  <th scope="col">{w.tier}</th>
                </tr>
              </thead>
              <tbody>
                {preview.top.map((p, i) => (
                  <tr key={p.userId}>
                    <td>{i + 1}</td>
                    <td>{p.displayName}</td>
                    <td>
                      <strong>{f.number(p.points)}</strong>
                      {p.points !== p.currentPoints && (
                        <span class={`delta ${p.points > p.currentPoints ? 'up' : 'down'}`}>{p.points > p.currentPoints ? '▲' : '▼'}</span>
                      )}
                    </td>
                    <td class="muted">{f.number(p.currentPoints)}</td>
                    <td>{p.tier}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
