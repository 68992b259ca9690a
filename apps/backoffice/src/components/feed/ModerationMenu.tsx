import { useState } from 'preact/hooks';
import { LIMITS, type FeedModerate } from '@tribu/protocol/client';
import type { FeedResult } from '../../hooks/useFeed.ts';
import { Modal } from '../people/Modal.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  target: FeedModerate['target'];
  id: string;
  moderated: boolean;
  /** Posts only: pin state and the pin action. */
  pinned?: boolean;
  onPin?: (pinned: boolean) => Promise<FeedResult>;
  onModerate: (m: FeedModerate) => Promise<FeedResult>;
}

/** A moderator's "⋯" menu: hide or delete with a reason the author will read, restore, pin. */
export function ModerationMenu({ target, id, moderated, pinned, onPin, onModerate }: Props) {
  const { t } = useI18n();
  const w = t.community.feed;
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
  const label = target === 'post' ? w.moderatePost : w.moderateComment;
  const verb = asking === 'delete' ? w.delete : w.hide;
  const title = asking === 'delete' ? (target === 'post' ? w.deletePost : w.deleteComment) : target === 'post' ? w.hidePost : w.hideComment;
  return (
    <div class="mod-menu">
      <button type="button" class="icon-btn" aria-label={label} aria-expanded={open} onClick={() => setOpen(!open)}>
        ⋯
      </button>
      {open && (
        <div class="mod-pop" role="menu">
          {moderated ? (
            <button type="button" role="menuitem" onClick={() => void run(onModerate({ target, id, action: 'restore' }))}>
              {w.restore}
            </button>
          ) : (
            <>
              {onPin && (
                <button type="button" role="menuitem" onClick={() => void run(onPin(!pinned))}>
                  {pinned ? w.unpin : w.pinOnTop}
                </button>
              )}
              <button type="button" role="menuitem" onClick={() => setAsking('hide')}>
                {w.hideEllipsis}
              </button>
              <button type="button" role="menuitem" class="danger" onClick={() => setAsking('delete')}>
                {w.deleteEllipsis}
              </button>
            </>
          )}
          {error && !asking && <p class="alert">{error}</p>}
        </div>
      )}
      {asking && (
        <Modal label={title} onClose={() => setAsking(null)}>
          <form
            class="reason-form"
            onSubmit={(e) => {
              e.preventDefault();
              void run(onModerate({ target, id, action: asking, reason: reason.trim() }));
            }}
          >
            <h3>{title}</h3>
            <p class="muted">{w.reasonHint}</p>
            <label>
              {w.reason}
              <textarea value={reason} maxLength={LIMITS.reason} rows={3} required onInput={(e) => setReason(e.currentTarget.value)} />
            </label>
            {error && <p class="alert">{error}</p>}
            <div class="reason-actions">
              <button type="button" class="ghost" onClick={() => setAsking(null)}>
                {t.common.cancel}
              </button>
              <button type="submit" class={asking === 'delete' ? 'primary small danger-fill' : 'primary small'} disabled={!reason.trim()}>
                {verb}
              </button>
            </div>
          </form>
        </Modal>
      )}
    </div>
  );
}
