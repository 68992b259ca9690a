import { useState } from 'preact/hooks';
import type { CommunityEvent } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../../realtime/socket.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  socket: HelperSocket | null;
  event: CommunityEvent;
  onSent: (e: CommunityEvent) => void;
}

/** A tester's short form: the manager's questions (1–5, yes/no, a few words); sent again to correct it. */
export function FeedbackForm({ socket, event, onSent }: Props) {
  const { t } = useI18n();
  const w = t.community.events;
  const [answers, setAnswers] = useState<Record<string, string>>(event.me?.answers ?? {});
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (id: string, v: string) => setAnswers((a) => ({ ...a, [id]: v }));
  const send = async (e: Event) => {
    e.preventDefault();
    if (!socket) return;
    setBusy(true);
    setError(null);
    const r = await command(socket, 'event:feedback', { eventId: event.id, answers });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setSaid(w.feedbackThanks);
    onSent(r.data.event);
  };
  const fid = (q: string) => `fb-${event.id}-${q}`;
  return (
    <form class="event-feedback" onSubmit={(e) => void send(e)} aria-label={w.feedbackOn(event.title)}>
      <h4>{w.yourFeedback}</h4>
      {event.questions.map((q) => (
        <div class="fb-q" key={q.id}>
          {q.kind === 'text' ? (
            <>
              <label for={fid(q.id)}>{q.label}</label>
              <textarea id={fid(q.id)} rows={2} maxLength={2000} value={answers[q.id] ?? ''} onInput={(e) => set(q.id, e.currentTarget.value)} />
            </>
          ) : (
            <fieldset>
              <legend>{q.label}</legend>
              <div class="fb-choices">
                {(q.kind === 'rating' ? ['1', '2', '3', '4', '5'] : ['yes', 'no']).map((v) => (
                  <label key={v} class="fb-choice">
                    <input type="radio" name={fid(q.id)} value={v} checked={answers[q.id] === v} onChange={() => set(q.id, v)} />
                    <span>{v === 'yes' ? t.common.yes : v === 'no' ? t.common.no : v}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          )}
        </div>
      ))}
      {error && <p class="alert">{error}</p>}
      <div class="fb-foot">
        <button type="submit" class="primary small" disabled={busy}>
          {event.me?.feedbackAt ? w.updateFeedback : w.sendFeedback}
        </button>
        <span role="status" class="muted">
          {said ?? (event.me?.feedbackAt ? w.feedbackSent : '')}
        </span>
      </div>
    </form>
  );
}
