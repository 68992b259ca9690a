import type { ReportView } from '@tribu/protocol/client';
import { KIND_LABEL, stamp } from './words.ts';

/** What was decided lately: one line per report, newest first. */
export function ClosedReports({ reports }: { reports: ReportView[] }) {
  if (reports.length === 0) return <p class="muted">Nothing decided yet.</p>;
  return (
    <ul class="mod-closed">
      {reports.map((r) => (
        <li key={r.id}>
          <span class={`mod-status ${r.status}`}>{r.status === 'resolved' ? 'Resolved' : 'Dismissed'}</span>
          <span class="mod-closed-what">
            <strong>{KIND_LABEL[r.kind]}</strong> — {r.reason}
            {r.context?.kind === 'message' && <span class="muted"> · “{r.context.messages.find((m) => m.reported)?.text ?? r.context.question}”</span>}
          </span>
          <span class="muted mod-closed-by">
            {r.resolvedByName ?? 'A manager'} · {r.resolvedAt ? stamp(r.resolvedAt) : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
