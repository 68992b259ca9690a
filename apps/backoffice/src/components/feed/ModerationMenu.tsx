import { useState } from 'preact/hooks';
import { LIMITS, type FeedModerate } from '@tribu/protocol/client';
import type { FeedResult } from '../../hooks/useFeed.ts';
import { Modal } from '../people/Modal.tsx';

interface Props {
  target: FeedModerate['target'];
  id: string;
  moderated: boolean;
  /** Posts only: pin state and the pin action. */
  pinned?: boolean;
  onPin?: (pinned: boolean) => Promise<FeedResult>;
  onModerate: (m: FeedModerate) => Promise<FeedResult>;
}

const verbs = { hide: 'Hide', delete: 'Delete' } as const;

/** A moderator's "⋯" menu: hide or delete with a reason the author will read, restore, pin. */
export function ModerationMenu({ target, id, moderated, pinned, onPin, onModerate }: Props) {
  const [open, setOpen] = useState(false);
  const [asking, setAsking] = useState<'hide' | 'delete' | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (p: Promise<FeedResult>) => {
    const r = await p;
    if (!r.ok) return setError(r.message);
    setOpen(false);
    setAsking(null);
    setReason('');
    setError(null);
  };
  const label = target === 'post' ? 'Moderate this post' : 'Moderate this comment';
  return (
    <div class="mod-menu">
      <button type="button" class="icon-btn" aria-label={label} aria-expanded={open} onClick={() => setOpen(!open)}>
        ⋯
      </button>
      {open && (
        <div class="mod-pop" role="menu">
          {moderated ? (
            <button type="button" role="menuitem" onClick={() => void run(onModerate({ target, id, action: 'restore' }))}>
              Restore
            </button>
          ) : (
            <>
              {onPin && (
                <button type="button" role="menuitem" onClick={() => void run(onPin(!pinned))}>
                  {pinned ? 'Unpin' : 'Pin on top'}
                </button>
              )}
              <button type="button" role="menuitem" onClick={() => setAsking('hide')}>
                Hide…
              </button>
              <button type="button" role="menuitem" class="danger" onClick={() => setAsking('delete')}>
                Delete…
              </button>
            </>
          )}
          {error && !asking && <p class="alert">{error}</p>}
        </div>
      )}
      {asking && (
        <Modal label={`${verbs[asking]} this ${target}`} onClose={() => setAsking(null)}>
          <form
            class="reason-form"
            onSubmit={(e) => {
              e.preventDefault();
              void run(onModerate({ target, id, action: asking, reason: reason.trim() }));
            }}
          >
            <h3>
              {verbs[asking]} this {target}
            </h3>
            <p class="muted">The author will see your reason. Be kind and specific.</p>
            <label>
              Reason
              <textarea value={reason} maxLength={LIMITS.reason} rows={3} required onInput={(e) => setReason(e.currentTarget.value)} />
            </label>
            {error && <p class="alert">{error}</p>}
            <div class="reason-actions">
              <button type="button" class="ghost" onClick={() => setAsking(null)}>
                Cancel
              </button>
              <button type="submit" class={asking === 'delete' ? 'primary small danger-fill' : 'primary small'} disabled={!reason.trim()}>
                {verbs[asking]}
              </button>
            </div>
          </form>
        </Modal>
      )}
    </div>
  );
}
