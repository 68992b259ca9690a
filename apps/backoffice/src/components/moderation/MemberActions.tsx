import { useEffect, useRef, useState } from 'preact/hooks';
import type { TeamMember } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { moderationApi } from '../../api/moderation.ts';
import { FormFooter } from './FormFooter.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  member: TeamMember;
  siteId: string;
  csrf: string;
  siteName: string;
  onChanged: () => void;
}

/** Suspend (reason required), reinstate, or remove (confirmed, with a reason) one member of the team. */
export function MemberActions({ member: m, siteId, csrf, siteName, onChanged }: Props) {
  const { t } = useI18n();
  const w = t.manage.moderation;
  const [mode, setMode] = useState<'suspend' | 'remove' | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // The reason is what comes next: the caret goes there when the form opens.
  useEffect(() => input.current?.focus(), [mode]);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setMode(null);
      setReason('');
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : w.retry);
    } finally {
      setBusy(false);
    }
  };
  if (!m.actionable) return <span class="muted small team-none">—</span>;
  if (mode) {
    const suspend = mode === 'suspend';
    return (
      <form
        class="mod-form team-form"
        aria-label={suspend ? w.suspendName(m.displayName) : w.removeName(m.displayName)}
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) return setError(suspend ? w.suspendReasonRequired(m.displayName) : w.removeReasonRequired);
          void run(() =>
            suspend ? moderationApi.suspend(csrf, siteId, m.userId, reason.trim()) : moderationApi.remove(csrf, siteId, m.userId, reason.trim()),
          );
        }}
      >
        <p class="small">{suspend ? w.suspendExplain(m.displayName, siteName) : w.removeExplain(m.displayName, siteName)}</p>
        <label class="mod-field">
          {suspend ? w.reasonSeenBy(m.displayName) : w.reason}
          <input ref={input} value={reason} maxLength={300} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <FormFooter error={error} onCancel={() => setMode(null)} danger busy={busy}>
          {suspend ? w.suspend : w.removeFrom(siteName)}
        </FormFooter>
      </form>
    );
  }
  return (
    <div class="team-actions">
      <ErrorAlert message={error} />
      {m.status === 'suspended' ? (
        <button
          type="button"
          class="ghost"
          disabled={busy}
          aria-label={w.reinstateName(m.displayName)}
          onClick={() => void run(() => moderationApi.reinstate(csrf, siteId, m.userId))}
        >
          {w.reinstate}
        </button>
      ) : (
        <button type="button" class="ghost" aria-label={w.suspendName(m.displayName)} onClick={() => setMode('suspend')}>
          {w.suspendEllipsis}
        </button>
      )}
      <button type="button" class="ghost danger" aria-label={w.removeFromSite(m.displayName)} onClick={() => setMode('remove')}>
        {w.removeEllipsis}
      </button>
    </div>
  );
}
