import { useEffect, useRef, useState } from 'preact/hooks';
import type { TeamMember } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { moderationApi } from '../../api/moderation.ts';
import { FormFooter } from './FormFooter.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

interface Props {
  member: TeamMember;
  siteId: string;
  csrf: string;
  siteName: string;
  onChanged: () => void;
}

/** Suspend (reason required), reinstate, or remove (confirmed, with a reason) one member of the team. */
export function MemberActions({ member: m, siteId, csrf, siteName, onChanged }: Props) {
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
      setError(e instanceof ApiError ? e.message : 'That did not work; please retry.');
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
        aria-label={suspend ? `Suspend ${m.displayName}` : `Remove ${m.displayName}`}
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) return setError(suspend ? `Give a reason: ${m.displayName} will read it.` : 'Give a reason for the audit log.');
          void run(() =>
            suspend ? moderationApi.suspend(csrf, siteId, m.userId, reason.trim()) : moderationApi.remove(csrf, siteId, m.userId, reason.trim()),
          );
        }}
      >
        <p class="small">
          {suspend
            ? `${m.displayName}'s chats go back to the board and they lose access to ${siteName} until reinstated.`
            : `${m.displayName} leaves ${siteName}: their chats go back to the board. They can only come back by a new invitation.`}
        </p>
        <label class="mod-field">
          {suspend ? `Reason (${m.displayName} sees it)` : 'Reason'}
          <input ref={input} value={reason} maxLength={300} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <FormFooter error={error} onCancel={() => setMode(null)} danger busy={busy}>
          {suspend ? 'Suspend' : `Remove from ${siteName}`}
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
          aria-label={`Reinstate ${m.displayName}`}
          onClick={() => void run(() => moderationApi.reinstate(csrf, siteId, m.userId))}
        >
          Reinstate
        </button>
      ) : (
        <button type="button" class="ghost" aria-label={`Suspend ${m.displayName}`} onClick={() => setMode('suspend')}>
          Suspend…
        </button>
      )}
      <button type="button" class="ghost danger" aria-label={`Remove ${m.displayName} from the site`} onClick={() => setMode('remove')}>
        Remove…
      </button>
    </div>
  );
}
