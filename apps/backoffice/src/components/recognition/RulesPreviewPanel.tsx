import type { RulesPreview } from '@tribu/protocol/client';
import { shortDate } from './words.ts';

interface Props {
  preview: RulesPreview | null;
  /** Why the draft cannot be previewed (e.g. a tier without a name). */
  error: string | null;
  busy: boolean;
  onPreview: () => void;
}

/** "With these rules, last month's top 10 would be …", beside what they have today; updates as the rules change. */
export function RulesPreviewPanel({ preview, error, busy, onPreview }: Props) {
  return (
    <section class={`panel rec-panel preview-panel ${busy ? 'busy' : ''}`} aria-labelledby="pv-h" aria-busy={busy}>
      <div class="panel-head">
        <h2 id="pv-h">Preview</h2>
        {busy && <span class="muted small pv-busy">Updating…</span>}
        <button type="button" class="ghost" disabled={busy} onClick={onPreview}>
          Preview these rules
        </button>
      </div>
      {error && <p class="alert">{error}</p>}
      {!preview ? (
        <p class="muted small">Change a number and see how last month would have scored, before anyone is affected.</p>
      ) : (
        <>
          <p class="pv-lead">
            With these rules, last month’s top 10 ({shortDate(preview.from)} – {shortDate(preview.to)}) would be:
          </p>
          {preview.top.length === 0 ? (
            <p class="encourage">Nobody answered a chat last month — nothing to compare yet.</p>
          ) : (
            <table class="pv-table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Helper</th>
                  <th scope="col">Would have</th>
                  <th scope="col">Has now</th>
                  <th scope="col">Tier</th>
                </tr>
              </thead>
              <tbody>
                {preview.top.map((t, i) => (
                  <tr key={t.userId}>
                    <td>{i + 1}</td>
                    <td>{t.displayName}</td>
                    <td>
                      <strong>{t.points}</strong>
                      {t.points !== t.currentPoints && (
                        <span class={`delta ${t.points > t.currentPoints ? 'up' : 'down'}`}>{t.points > t.currentPoints ? '▲' : '▼'}</span>
                      )}
                    </td>
                    <td class="muted">{t.currentPoints}</td>
                    <td>{t.tier}</td>
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
