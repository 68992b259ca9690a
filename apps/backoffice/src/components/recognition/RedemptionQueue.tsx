import { useState } from 'preact/hooks';
import type { Redemption, RedemptionDecide } from '@tribu/protocol/client';
import { STATUS_TEXT, pts, whenText } from './words.ts';

interface Props {
  redemptions: Redemption[];
  onDecide: (d: RedemptionDecide) => Promise<string | null>;
}

function Pending({ r, onDecide }: { r: Redemption; onDecide: Props['onDecide'] }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const who = r.user?.displayName ?? 'Former member';
  const act = async (action: RedemptionDecide['action']) => {
    const message = text.trim();
    if (action !== 'approve' && !message) return setError(action === 'reject' ? 'Give the helper a reason.' : 'Add the message or code for the helper.');
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
          {whenText(r.createdAt)} · {pts(r.cost)} reserved
        </span>
      </div>
      <span class={`status ${r.status}`}>{STATUS_TEXT[r.status]}</span>
      <label class="queue-msg">
        <span class="sr-only">Message or code for {who}</span>
        <input value={text} maxLength={500} placeholder="Code, message or reason…" onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <div class="queue-actions">
        {r.status === 'requested' && (
          <button type="button" class="primary small" disabled={busy} onClick={() => void act('approve')} aria-label={`Approve ${who}'s ${r.reward.name}`}>
            Approve
          </button>
        )}
        <button type="button" class="ghost" disabled={busy} onClick={() => void act('fulfil')} aria-label={`Fulfil ${who}'s ${r.reward.name}`}>
          Fulfil
        </button>
        <button type="button" class="ghost danger" disabled={busy} onClick={() => void act('reject')} aria-label={`Reject ${who}'s ${r.reward.name}`}>
          Reject
        </button>
      </div>
      {error && <p class="alert">{error}</p>}
    </li>
  );
}

/** Managers: requests to approve, fulfil (with a message or code) or reject (with a reason, points returned). */
export function RedemptionQueue({ redemptions, onDecide }: Props) {
  const open = redemptions.filter((r) => r.status === 'requested' || r.status === 'approved');
  const done = redemptions.filter((r) => r.status === 'fulfilled' || r.status === 'rejected').slice(0, 8);
  return (
    <section class="panel rec-panel" aria-labelledby="queue-h">
      <div class="panel-head">
        <h2 id="queue-h">Redemptions to handle</h2>
        <span class={`count ${open.length ? '' : 'zero'}`}>{open.length}</span>
      </div>
      {open.length === 0 ? (
        <p class="encourage">All caught up — nobody is waiting for a reward.</p>
      ) : (
        <ul class="queue">
          {open.map((r) => (
            <Pending key={r.id} r={r} onDecide={onDecide} />
          ))}
        </ul>
      )}
      {done.length > 0 && (
        <details class="done">
          <summary>Recently decided ({done.length})</summary>
          <ul class="redemptions">
            {done.map((r) => (
              <li key={r.id}>
                <div class="red-main">
                  <strong>
                    {r.user?.displayName ?? 'Former member'} · {r.reward.name}
                  </strong>
                  <span class="muted small">{r.message}</span>
                </div>
                <span class={`status ${r.status}`}>{STATUS_TEXT[r.status]}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
