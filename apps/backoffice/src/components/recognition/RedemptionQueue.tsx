import { useState } from 'preact/hooks';
import type { Redemption, RedemptionDecide } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';
import { pts } from './words.ts';

interface Props {
  redemptions: Redemption[];
  onDecide: (d: RedemptionDecide) => Promise<string | null>;
}

function Pending({ r, onDecide }: { r: Redemption; onDecide: Props['onDecide'] }) {
  const i18n = useI18n();
  const { t, f } = i18n;
  const q = t.recognition.queue;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const who = r.user?.displayName ?? t.recognition.formerMember;
  const act = async (action: RedemptionDecide['action']) => {
    const message = text.trim();
    if (action !== 'approve' && !message) return setError(action === 'reject' ? q.giveReason : q.addMessage);
    setBusy(true);
    const err = await onDecide({ redemptionId: r.id, action, ...(action !== 'approve' && message ? { message } : {}) });
    setBusy(false);
    setError(err);
    if (!err) setText('');
  };
  return (
    <li class="queue-item" aria-label={`${who}: ${r.reward.name}`}>
      <div class="red-main">
        <strong>
          {who} · {r.reward.name}
        </strong>
        <span class="muted small">
          {f.dateTime(r.createdAt)} · {q.reserved(pts(r.cost, i18n))}
        </span>
      </div>
      <span class={`status ${r.status}`}>{t.recognition.status[r.status]}</span>
      <label class="queue-msg">
        <span class="sr-only">{q.messageFor(who)}</span>
        <input value={text} maxLength={500} placeholder={q.placeholder} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <div class="queue-actions">
        {r.status === 'requested' && (
          <button type="button" class="primary small" disabled={busy} onClick={() => void act('approve')} aria-label={q.approveLabel(who, r.reward.name)}>
            {q.approve}
          </button>
        )}
        <button type="button" class="ghost" disabled={busy} onClick={() => void act('fulfil')} aria-label={q.fulfilLabel(who, r.reward.name)}>
          {q.fulfil}
        </button>
        <button type="button" class="ghost danger" disabled={busy} onClick={() => void act('reject')} aria-label={q.rejectLabel(who, r.reward.name)}>
          {q.reject}
        </button>
      </div>
      {error && <p class="alert">{error}</p>}
    </li>
  );
}

/** Managers: requests to approve, fulfil (with a message or code) or reject (with a reason, points returned). */
export function RedemptionQueue({ redemptions, onDecide }: Props) {
  const { t } = useI18n();
  const q = t.recognition.queue;
  const open = redemptions.filter((r) => r.status === 'requested' || r.status === 'approved');
  const done = redemptions.filter((r) => r.status === 'fulfilled' || r.status === 'rejected').slice(0, 8);
  return (
    <section class="panel rec-panel" aria-labelledby="queue-h">
      <div class="panel-head">
        <h2 id="queue-h">{q.title}</h2>
        <span class={`count ${open.length ? '' : 'zero'}`}>{open.length}</span>
      </div>
      {open.length === 0 ? (
        <p class="encourage">{q.empty}</p>
      ) : (
        <ul class="queue">
          {open.map((r) => (
            <Pending key={r.id} r={r} onDecide={onDecide} />
          ))}
        </ul>
      )}
      {done.length > 0 && (
        <details class="done">
          <summary>{q.recent(done.length)}</summary>
          <ul class="redemptions">
            {done.map((r) => (
              <li key={r.id}>
                <div class="red-main">
                  <strong>
                    {r.user?.displayName ?? t.recognition.formerMember} · {r.reward.name}
                  </strong>
                  <span class="muted small">{r.message}</span>
                </div>
                <span class={`status ${r.status}`}>{t.recognition.status[r.status]}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
