import type { ReportView } from '@tribu/protocol/client';
import { stamp } from '../manage/stamp.ts';
import { useI18n } from '../../i18n/index.tsx';

/** What was decided lately: one line per report, newest first. */
export function ClosedReports({ reports }: { reports: ReportView[] }) {
  const { t, f } = useI18n();
  const w = t.manage.moderation;
  if (reports.length === 0) return <p class="muted">{w.nothingDecided}</p>;
  return (
    <ul class="mod-closed">
      {reports.map((r) => (
        <li key={r.id}>
          <span class={`mod-status ${r.status}`}>{r.status === 'resolved' ? w.resolved : w.dismissed}</span>
          <span class="mod-closed-what">
            <strong>{w.kinds[r.kind]}</strong> — {r.reason}
            {r.context?.kind === 'message' && <span class="muted"> · “{r.context.messages.find((m) => m.reported)?.text ?? r.context.question}”</span>}
          </span>
          <span class="muted mod-closed-by">
            {r.resolvedByName ?? w.aManagerCap} · {r.resolvedAt ? stamp(f, r.resolvedAt) : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
