import { useEffect, useState } from 'preact/hooks';
import type { ReengagementSettings, ReengagementView } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { reengagementApi } from '../../api/care.ts';
import { useI18n } from '../../i18n/index.tsx';
import '../../styles/care.css';

/**
 * Numbers › Came back: the manager's "we miss you" note (on/off, after how many days, its words) and
 * who, nudged in the period, was active again within that many days.
 */
export function ComeBack({ siteId, csrf, from, to }: { siteId: string; csrf?: string; from: string; to: string }) {
  const { t, f } = useI18n();
  const w = t.community.care;
  const [view, setView] = useState<ReengagementView | null>(null);
  const [draft, setDraft] = useState<ReengagementSettings | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    reengagementApi.view(siteId, from, to).then(
      (v) => {
        if (!live) return;
        setView(v);
        setDraft((d) => d ?? v.settings);
      },
      (e: unknown) => live && setError(e instanceof ApiError ? e.message : w.couldNotLoad),
    );
    return () => {
      live = false;
    };
  }, [siteId, from, to]);
  if (!view || !draft) return error ? <p class="alert">{error}</p> : <p class="kpi-empty">{t.common.loading}</p>;
  const save = async (e: Event) => {
    e.preventDefault();
    if (!csrf) return;
    setError(null);
    setNote(null);
    try {
      const saved = await reengagementApi.save(csrf, siteId, draft);
      setDraft(saved);
      setView({ ...view, settings: saved });
      setNote(w.saved);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : w.couldNotSave);
    }
  };
  return (
    <div class="comeback">
      <p class="kpi-heat-summary" data-testid="comeback-summary">
        {view.sent === 0 ? (
          w.noNoteSent
        ) : (
          <>
            <strong>{w.cameBackOf(view.cameBack, view.sent)}</strong> {w.cameBackRest(view.sent, view.windowDays)}
          </>
        )}
      </p>
      {view.notes.length > 0 && (
        <ul class="kpi-inactive">
          {view.notes.map((n) => (
            <li key={`${n.userId}-${n.sentAt}`}>
              <span class="kpi-initial" aria-hidden="true">
                {n.name.slice(0, 1).toUpperCase()}
              </span>
              <div>
                <strong>{n.name}</strong>
                <p>
                  {w.noteSent(f.relative(n.sentAt))} · {n.backAt ? <span class="came-back">{w.backWhen(f.relative(n.backAt))}</span> : w.notBackYet}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form class="comeback-form" onSubmit={(e) => void save(e)}>
        <label class="check">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => setDraft({ ...draft, enabled: e.currentTarget.checked })} />
          <span>{w.sendNote}</span>
        </label>
        <label>
          {w.afterDays}
          <input
            type="number"
            min={7}
            max={365}
            value={draft.inactiveDays}
            onInput={(e) => setDraft({ ...draft, inactiveDays: Number(e.currentTarget.value) })}
          />
        </label>
        <label>
          {w.theNote} <small class="muted">{w.noteHelp}</small>
          <textarea rows={7} maxLength={2000} value={draft.template} onInput={(e) => setDraft({ ...draft, template: e.currentTarget.value })} />
        </label>
        <p class="muted small">
          {w.noteRules}
          {!view.mailConfigured && ` ${w.mailNotSetUp}`}
        </p>
        <div class="row">
          <button type="submit" class="primary" disabled={!csrf}>
            {w.saveNote}
          </button>
          {note && (
            <span class="muted" role="status">
              {note}
            </span>
          )}
        </div>
        {error && (
          <p class="alert" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}
