import { useState } from 'preact/hooks';
import type { ReportView } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { moderationApi } from '../../api/moderation.ts';
import { BanForm } from './BanForm.tsx';
import { FeedActionForm } from './FeedActionForm.tsx';
import { FeedContextView } from './FeedContextView.tsx';
import { MessageContextView } from './MessageContextView.tsx';
import { stamp } from '../manage/stamp.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  /** The open reports of one item (several helpers, or a blocked word and a helper), oldest first. */
  reports: ReportView[];
  siteId: string;
  csrf: string;
  /** Something changed: reload the queue (and the bans). */
  onChanged: () => void;
}

/** One reported item: who reported it and why, its context, and what a manager can do about it (for all its reports). */
export function ReportCard({ reports, siteId, csrf, onChanged }: Props) {
  const { t, f } = useI18n();
  const w = t.manage.moderation;
  const message = (e: unknown) => (e instanceof ApiError ? e.message : w.retry);
  const r = reports[0]!;
  const [open, setOpen] = useState<'ban' | 'hide' | 'delete' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>): Promise<string | null> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onChanged();
      return null;
    } catch (e) {
      const m = message(e);
      setError(m);
      return m;
    } finally {
      setBusy(false);
    }
  };
  const c = r.context;
  const chat = c?.kind === 'message' ? c : null;
  const auto = reports.every((x) => x.reporterName === null);
  return (
    <article class={`mod-card${auto ? ' auto' : ''}`} aria-label={w.reportedAria(w.kinds[r.kind], reports.map((x) => x.reason).join('; '))}>
      <header class="mod-card-head">
        <span class={`mod-kind ${r.kind}`}>{w.kinds[r.kind]}</span>
        <ul class="mod-whys">
          {reports.map((x) => (
            <li key={x.id} class="mod-why">
              <strong>{x.reason}</strong>
              <span class="muted">
                {x.reporterName === null ? w.flaggedAutomatically : w.reportedBy(x.reporterName)} · {stamp(f, x.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      </header>
      {!c ? <p class="muted">{w.noLongerExists}</p> : c.kind === 'message' ? <MessageContextView c={c} /> : <FeedContextView c={c} />}
      {error && !open && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      {open === 'ban' && chat ? (
        <BanForm
          siteId={siteId}
          initialReason={r.reason}
          onCancel={() => setOpen(null)}
          onBan={(p) => run(() => moderationApi.ban(csrf, siteId, { conversationId: chat.conversationId, reportId: r.id, ...p }))}
        />
      ) : open === 'hide' || open === 'delete' ? (
        <FeedActionForm
          action={open}
          onCancel={() => setOpen(null)}
          onConfirm={(reason) => run(() => moderationApi.feedAction(csrf, siteId, r.id, { action: open, reason }))}
        />
      ) : (
        <div class="mod-actions">
          {chat && !chat.visitorBanned && (
            <button type="button" class="ghost danger" disabled={busy} onClick={() => setOpen('ban')}>
              {w.banVisitorEllipsis}
            </button>
          )}
          {chat && chat.status !== 'closed' && (
            <button type="button" class="ghost" disabled={busy} onClick={() => void run(() => moderationApi.endChat(csrf, siteId, chat.conversationId))}>
              {w.endChat}
            </button>
          )}
          {c && c.kind !== 'message' && !c.moderation && (
            <>
              <button type="button" class="ghost" disabled={busy} onClick={() => setOpen('hide')}>
                {w.hideEllipsis}
              </button>
              <button type="button" class="ghost danger" disabled={busy} onClick={() => setOpen('delete')}>
                {w.deleteEllipsis}
              </button>
            </>
          )}
          <span class="spacer" />
          <button type="button" class="ghost" disabled={busy} onClick={() => void run(() => moderationApi.decide(csrf, siteId, r.id, 'dismissed'))}>
            {w.dismiss}
          </button>
          <button type="button" class="primary small" disabled={busy} onClick={() => void run(() => moderationApi.decide(csrf, siteId, r.id, 'resolved'))}>
            {w.resolve}
          </button>
        </div>
      )}
    </article>
  );
}
