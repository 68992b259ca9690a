import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AuditEntryView, Me } from '@tribu/protocol/client';
import { ApiError } from '../../../api/http.ts';
import { moderationApi } from '../../../api/moderation.ts';
import { ManageShell } from '../../../components/manage/ManageShell.tsx';
import { actionArea, actionLabel, stamp } from '../../../components/moderation/words.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';

/** `/backoffice/manage/audit` (admins): who did what, to what, when and why; filter by action; CSV. */
export function AuditPage({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  return (
    <ManageShell me={me} onSignedOut={onSignedOut} title="Audit log">
      {(siteId) => <Audit key={siteId} siteId={siteId} />}
    </ManageShell>
  );
}

/** A few details worth a glance (words added, the ban's length...), as plain text. */
function detailLine(e: AuditEntryView): string | null {
  const d = e.details;
  const parts: string[] = [];
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String).join(', ') : '');
  if (list(d.added)) parts.push(`added ${list(d.added)}`);
  if (list(d.removed)) parts.push(`removed ${list(d.removed)}`);
  if (typeof d.duration === 'string') parts.push(d.duration === 'forever' ? 'for ever' : `for ${d.duration.replace('d', ' days').replace(/^1 days/, '1 day')}`);
  if (d.byAddress === true) parts.push('with network address');
  if (typeof d.outcome === 'string') parts.push(d.outcome);
  if (typeof d.points === 'number') parts.push(`${d.points > 0 ? '+' : ''}${d.points} points`);
  if (typeof d.role === 'string' && e.action.startsWith('member.')) parts.push(d.role === 'moderator' ? 'community manager' : d.role);
  return parts.length ? parts.join(' · ') : null;
}

function Audit({ siteId }: { siteId: string }) {
  const [entries, setEntries] = useState<AuditEntryView[]>([]);
  const [actions, setActions] = useState<string[]>([]);
  const [action, setAction] = useState('');
  const [next, setNext] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    async (before?: string) => {
      try {
        const page = await moderationApi.audit(siteId, { action, before });
        setEntries((cur) => (before ? [...cur, ...page.entries] : page.entries));
        setActions(page.actions);
        setNext(page.nextBefore);
        setLoaded(true);
        setError(null);
      } catch (e) {
        setError(e instanceof ApiError ? e.message : 'The audit log could not load.');
      }
    },
    [siteId, action],
  );
  useEffect(() => void load(), [load]);
  return (
    <>
      <header class="mod-head audit-head">
        <div>
          <h1>Audit log</h1>
          <p class="muted">Every moderation and administration action on this site, newest first.</p>
        </div>
        <div class="audit-tools">
          <label class="mod-field inline">
            Action
            <select value={action} onChange={(e) => setAction(e.currentTarget.value)}>
              <option value="">All actions</option>
              {actions.map((a) => (
                <option key={a} value={a}>
                  {actionLabel(a)}
                </option>
              ))}
            </select>
          </label>
          <a class="ghost" href={moderationApi.auditCsvUrl(siteId, action || undefined)} download>
            Download CSV
          </a>
        </div>
      </header>
      <ErrorAlert message={error} />
      {loaded && entries.length === 0 && <p class="mod-empty muted">Nothing recorded yet.</p>}
      <ol class="audit-list" aria-label="Audit log entries">
        {entries.map((e) => {
          const detail = detailLine(e);
          return (
            <li key={e.id}>
              <time dateTime={e.at} title={new Date(e.at).toLocaleString()}>
                {stamp(e.at)}
              </time>
              <div class="audit-what">
                <p>
                  <strong>{e.actorName}</strong> {actionLabel(e.action)}
                  {e.targetLabel && (
                    <>
                      {' '}
                      · <span class="audit-target">{e.targetLabel}</span>
                    </>
                  )}
                </p>
                {e.reason && <p class="audit-why">“{e.reason}”</p>}
                {detail && <p class="muted small">{detail}</p>}
              </div>
              <span class={`audit-tag ${e.action.split('.')[0]}`}>{actionArea(e.action)}</span>
            </li>
          );
        })}
      </ol>
      {next && (
        <button type="button" class="ghost" onClick={() => void load(next)}>
          Show older
        </button>
      )}
    </>
  );
}
