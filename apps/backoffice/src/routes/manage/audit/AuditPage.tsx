import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AuditEntryView, Me } from '@tribu/protocol/client';
import { ApiError } from '../../../api/http.ts';
import { moderationApi } from '../../../api/moderation.ts';
import { ManageShell } from '../../../components/manage/ManageShell.tsx';
import { stamp } from '../../../components/manage/stamp.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useI18n, type Format, type Messages } from '../../../i18n/index.tsx';

/** `/backoffice/manage/audit` (admins): who did what, to what, when and why; filter by action; CSV. */
export function AuditPage({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const { t } = useI18n();
  return (
    <ManageShell me={me} onSignedOut={onSignedOut} title={t.settings.audit.title}>
      {(siteId) => <Audit key={siteId} siteId={siteId} />}
    </ManageShell>
  );
}

const lookup = (words: Record<string, string>, key: string): string | undefined => words[key];

/** An audit action as a short phrase after the actor's name: "Morgane banned a visitor" (an unknown one, spelled out). */
export const actionLabel = (t: Messages, a: string) => lookup(t.settings.auditActions, a) ?? a.replace(/[._]/g, ' ');

/** The area an action belongs to, as a short tag. */
export function actionArea(t: Messages, a: string) {
  const head = a.split('.')[0] ?? a;
  return lookup(t.settings.auditAreas, head) ?? head.replace(/_/g, ' ');
}

/** A few details worth a glance (words added, the ban's length...), as plain text. */
export function detailLine(e: AuditEntryView, t: Messages, f: Format): string | null {
  const w = t.settings.audit;
  const d = e.details;
  const parts: string[] = [];
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String).join(', ') : '');
  if (list(d.added)) parts.push(w.added(list(d.added)));
  if (list(d.removed)) parts.push(w.removed(list(d.removed)));
  if (typeof d.duration === 'string') {
    const days = /^(\d+)d$/.exec(d.duration);
    parts.push(d.duration === 'forever' ? w.forever : days ? f.plural(Number(days[1]), w.forDays) : d.duration);
  }
  if (d.byAddress === true) parts.push(w.byAddress);
  if (typeof d.outcome === 'string') parts.push(lookup(w.outcomes, d.outcome) ?? d.outcome);
  if (typeof d.points === 'number') parts.push(`${d.points > 0 ? '+' : ''}${f.plural(d.points, w.points)}`);
  if (typeof d.role === 'string' && e.action.startsWith('member.')) parts.push(lookup(w.roleWords, d.role) ?? d.role);
  return parts.length ? parts.join(' · ') : null;
}

function Audit({ siteId }: { siteId: string }) {
  const { t, f } = useI18n();
  const w = t.settings.audit;
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
        setError(e instanceof ApiError ? e.message : w.loadFailed);
      }
    },
    [siteId, action],
  );
  useEffect(() => void load(), [load]);
  return (
    <>
      <header class="mod-head audit-head">
        <div>
          <h1>{w.title}</h1>
          <p class="muted">{w.intro}</p>
        </div>
        <div class="audit-tools">
          <label class="mod-field inline">
            {w.action}
            <select value={action} onChange={(e) => setAction(e.currentTarget.value)}>
              <option value="">{w.allActions}</option>
              {actions.map((a) => (
                <option key={a} value={a}>
                  {actionLabel(t, a)}
                </option>
              ))}
            </select>
          </label>
          <a class="ghost" href={moderationApi.auditCsvUrl(siteId, action || undefined)} download>
            {w.csv}
          </a>
        </div>
      </header>
      <ErrorAlert message={error} />
      {loaded && entries.length === 0 && <p class="mod-empty muted">{w.empty}</p>}
      <ol class="audit-list" aria-label={w.entries}>
        {entries.map((e) => {
          const detail = detailLine(e, t, f);
          return (
            <li key={e.id}>
              <time dateTime={e.at} title={f.dateTime(e.at)}>
                {stamp(f, e.at)}
              </time>
              <div class="audit-what">
                <p>
                  <strong>{e.actorName}</strong> {actionLabel(t, e.action)}
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
              <span class={`audit-tag ${e.action.split('.')[0]}`}>{actionArea(t, e.action)}</span>
            </li>
          );
        })}
      </ol>
      {next && (
        <button type="button" class="ghost" onClick={() => void load(next)}>
          {w.older}
        </button>
      )}
    </>
  );
}
